import pino, { type DestinationStream, type Logger } from 'pino';
import type { CrawlLog } from '../crawlers/index.js';

/** The daemon's structured log: JSON lines, one logger per component (`scheduler`, `crawl`, `score`, `http` …). */
export type DaemonLogger = Logger;

/** A pino logger writing JSON lines to stderr (or `destination`), ISO times, `app: gongkai` on every line. */
export function createDaemonLogger(
  options: { level?: string; destination?: DestinationStream } = {},
): DaemonLogger {
  return pino(
    { base: { app: 'gongkai' }, level: options.level ?? 'info', timestamp: pino.stdTimeFunctions.isoTime },
    // Synchronous: the last lines before an exit are never lost.
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
}

/** A component's logger as the crawlers and the dashboard take it. */
export function componentLog(
  logger: DaemonLogger,
  component: string,
): CrawlLog & { info(fields: object, message: string): void; error(fields: object, message: string): void } {
  const child = logger.child({ component });
  return {
    debug: (fields, message) => child.debug(fields, message),
    info: (fields, message) => child.info(fields, message),
    warn: (fields, message) => child.warn(fields, message),
    error: (fields, message) => child.error(fields, message),
  };
}

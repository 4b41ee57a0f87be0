/** The logger the crawlers write to; pino's `logger.child({ … })` fits it. */
export interface CrawlLog {
  debug(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

/** A logger that drops everything, for callers that pass none. */
export const silentLog: CrawlLog = {
  debug: () => {},
  warn: () => {},
};

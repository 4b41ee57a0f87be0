import pLimit from 'p-limit';
import { type CrawlEffects, type CrawlReport, crawlSource } from '../crawlers/index.js';
import type { RunTrigger, Store } from '../store/index.js';
import type { componentLog } from './daemon-log.js';

/** The daemon's crawls: at most one per source at a time, a few sources at once, none started after stop. */
export interface DaemonCrawls {
  /** Crawls a source, or joins its crawl already going; undefined when stopping or the source is not crawlable. */
  crawl(sourceId: string, trigger: RunTrigger, slot?: Date): Promise<CrawlReport | undefined>;
  /** The crawls going or waiting for their turn. */
  inFlight(): Promise<unknown>[];
}

/** Starts crawls on the shared effects; `onCrawled` hears of every pass that ran to its end. */
export function createDaemonCrawls(options: {
  store: Store;
  effects: CrawlEffects;
  signal: AbortSignal;
  log: ReturnType<typeof componentLog>;
  maxSourcesAtOnce: number;
  onCrawled: (report: CrawlReport) => void;
}): DaemonCrawls {
  const { store, effects, signal, log } = options;
  const going = new Map<string, Promise<CrawlReport | undefined>>();
  const limit = pLimit(options.maxSourcesAtOnce);
  const pass = async (sourceId: string, trigger: RunTrigger, slot?: Date) => {
    if (signal.aborted) return undefined;
    const source = store.sources.get(sourceId);
    if (!source?.active || source.kind === 'offline') return undefined;
    const started = Date.now();
    const report = await crawlSource(effects, source, {
      trigger,
      ...(slot ? { scheduledFor: slot.toISOString() } : {}),
      signal,
    });
    log.info(
      {
        source: sourceId,
        runId: report.runId,
        trigger,
        status: report.status,
        resumed: report.resumed,
        durationMs: Date.now() - started,
        ...report.stats,
        ...(Object.keys(report.errors).length > 0 ? { errors: report.errors } : {}),
      },
      report.status === 'interrupted' ? 'crawl interrupted: resumable' : 'crawl finished',
    );
    if (report.status !== 'interrupted') options.onCrawled(report);
    return report;
  };
  return {
    crawl: (sourceId, trigger, slot) => {
      const running = going.get(sourceId);
      if (running) return running;
      const crawl = limit(() => pass(sourceId, trigger, slot))
        .catch((error: unknown) => {
          log.error({ err: error, source: sourceId }, 'crawl failed');
          return undefined;
        })
        .finally(() => going.delete(sourceId));
      going.set(sourceId, crawl);
      return crawl;
    },
    inFlight: () => [...going.values()],
  };
}

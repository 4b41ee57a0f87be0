import type { Catalog, IsoDate, WorkingCalendar } from '../catalog/index.js';
import { type CrawlLog, crawlSource } from '../crawlers/index.js';
import type { Scheme } from '../scoring/index.js';
import type { ServerActions } from '../server/index.js';
import type { Store } from '../store/index.js';
import { createCrawlEffects } from './crawl-effects.js';
import { runMatchStage } from './match-stage.js';
import { chinaToday, scoreStored } from './score-commands.js';

/** One at a time: a second call waits for the first (the store has one writer). */
function serial() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * What the dashboard asks of the rest of gongkai: rescoring after a person's change, a crawl now, and fetching
 * a page a township says it published. Crawls use the real fetcher (and Chromium when a source needs it).
 */
export function createServerActions(options: {
  store: Store;
  catalog: Catalog;
  calendar: WorkingCalendar;
  scheme: Scheme;
  calendarFile: string | undefined;
  log: CrawlLog;
  chromiumPath?: string;
  userAgent?: string;
  clock?: () => Date;
}): ServerActions & { close(): Promise<void> } {
  const { store, catalog, calendar, scheme } = options;
  const queue = serial();
  let crawl: ReturnType<typeof createCrawlEffects> | undefined;
  const effects = () => {
    crawl ??= createCrawlEffects(store, {
      log: options.log,
      needsBrowser: store.sources.list().some((s) => s.render === 'browser'),
      ...(options.chromiumPath ? { chromiumPath: options.chromiumPath } : {}),
      ...(options.userAgent ? { userAgent: options.userAgent } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    return crawl.effects;
  };
  // A past year keeps the day it was assessed on; the current year is scored as of today.
  const dayFor = (year: number): IsoDate => {
    const last = store.scores.latest(year);
    if (last) return last.today;
    const today = chinaToday();
    return today.slice(0, 4) === String(year) ? today : `${year}-12-31`;
  };
  const rescore = (year: number) =>
    queue(async () => {
      runMatchStage(store, { catalog, calendar });
      await scoreStored(
        store,
        { catalog, calendar, scheme, year, today: dayFor(year) },
        options.calendarFile,
      );
    });
  return {
    rescore,
    crawlNow: (sourceId) =>
      queue(async () => {
        const source = store.sources.get(sourceId);
        if (!source) throw new Error(`no source ${sourceId}`);
        const report = await crawlSource(effects(), source, { trigger: 'manual' });
        runMatchStage(store, { catalog, calendar });
        return { status: report.status, newPosts: report.stats.newPosts };
      }),
    fetchClaimed: (url, sourceId) =>
      queue(async () => {
        const source = store.sources.get(sourceId);
        if (!source) return { error: `找不到来源“${sourceId}”` };
        await crawlSource(effects(), source, { trigger: 'manual', urls: [url] });
        const post = store.posts.byUrl(sourceId, url);
        if (post) {
          runMatchStage(store, { catalog, calendar });
          return { postId: post.id };
        }
        const last = store.fetches.forUrl(url).at(-1);
        return {
          error: last
            ? `无法获取该网页（${last.status ? `HTTP ${last.status}` : (last.reason ?? last.outcome)}）`
            : '无法获取该网页',
        };
      }),
    close: async () => {
      if (crawl) await crawl.close();
    },
  };
}

import type { CrawlRun, FrontierItem, RunStatus, Source } from '../store/index.js';
import type { CrawlContext, CrawlEffects, CrawlOptions, CrawlStats } from './crawl-context.js';
import { hostLimitsOf } from './politeness.js';
import { recheckPost, visitArticle, visitAttachment } from './visit-article.js';
import { visitPage } from './visit-page.js';

/** What one pass over a source did. */
export interface CrawlReport {
  runId: number;
  sourceId: string;
  status: RunStatus;
  resumed: boolean;
  stats: CrawlStats;
  errors: Record<string, number>;
}

const emptyStats = (): CrawlStats => ({
  fetched: 0,
  notModified: 0,
  failed: 0,
  newPosts: 0,
  newVersions: 0,
  removed: 0,
  attachments: 0,
  pages: 0,
});

/** The run's frontier by state, kept in step with every add and mark so progress costs no query. */
type FrontierCounts = Record<'queued' | 'done' | 'failed', number>;

/** Queued items read from the frontier at a time. */
const READ_AHEAD = 64;

function createContext(
  effects: CrawlEffects,
  source: Source,
  run: CrawlRun,
  options: CrawlOptions & { counts: FrontierCounts },
): CrawlContext {
  const crawlDelays = new Map<string, Promise<number | undefined>>();
  const ctx: CrawlContext = {
    effects,
    source,
    bodyLevel: effects.store.bodies.get(source.bodyId)?.level,
    run,
    options: {
      maxListPages: options.maxListPages ?? 200,
      maxHubDepth: options.maxHubDepth ?? 2,
      recheck: options.recheck ?? true,
      attachments: options.attachments ?? true,
    },
    stats: emptyStats(),
    errors: {},
    known: effects.store.posts.knownUrls(source.id),
    listSignatures: new Set(),
    limits: async (url) => {
      const origin = new URL(url).origin;
      if (!crawlDelays.has(origin)) {
        crawlDelays.set(
          origin,
          effects.robots.crawlDelayMs(origin, { allowPrivate: source.allowPrivate }).catch(() => undefined),
        );
      }
      return hostLimitsOf(source, await crawlDelays.get(origin));
    },
    enqueue: (items) => {
      if (items.length > 0) options.counts.queued += effects.store.frontier.add(run.id, items);
    },
    now: () => effects.clock().toISOString(),
  };
  return ctx;
}

function seed(ctx: CrawlContext): void {
  const kind = ctx.source.kind === 'feed' ? 'feed' : 'hub';
  ctx.enqueue(ctx.source.start.map((url) => ({ url, kind, depth: 0, data: {} })));
  if (!ctx.options.recheck) return;
  const due = ctx.effects.store.posts.dueForCheck(ctx.source.id, ctx.now());
  ctx.enqueue(
    due.map((post) => ({ url: post.url, kind: 'recheck' as const, depth: 0, data: { postId: post.id } })),
  );
}

async function visit(ctx: CrawlContext, item: FrontierItem): Promise<void> {
  switch (item.kind) {
    case 'article':
      return visitArticle(ctx, item.url, item.data);
    case 'recheck':
      return recheckPost(ctx, Number(item.data.postId));
    case 'attachment':
      return visitAttachment(
        ctx,
        item.url,
        Number(item.data.versionId),
        item.data.name as string | undefined,
      );
    default:
      return visitPage(ctx, item);
  }
}

// Workers pull from the frontier in queue order; the per-host scheduler keeps the pace polite.
async function drain(ctx: CrawlContext, options: CrawlOptions & { counts: FrontierCounts }): Promise<void> {
  const { store } = ctx.effects;
  const claimed = new Set<string>();
  // Items queued later always sort after these, so reading ahead keeps the queue order.
  let ahead: FrontierItem[] = [];
  const nextItem = (): FrontierItem | undefined => {
    if (ahead.length === 0)
      ahead = store.frontier.next(ctx.run.id, claimed.size + READ_AHEAD).filter((i) => !claimed.has(i.url));
    return ahead.shift();
  };
  let busy = 0;
  let wake: () => void = () => {};
  let changed = new Promise<void>((resolve) => {
    wake = resolve;
  });
  const notify = () => {
    const resolve = wake;
    changed = new Promise<void>((r) => {
      wake = r;
    });
    resolve();
  };
  const worker = async (): Promise<void> => {
    while (!options.signal?.aborted) {
      const item = nextItem();
      if (!item) {
        if (busy === 0) return;
        await changed;
        continue;
      }
      claimed.add(item.url);
      busy += 1;
      let state: 'done' | 'failed' = 'done';
      try {
        await visit(ctx, item);
      } catch (error) {
        state = 'failed';
        ctx.effects.log.warn({ url: item.url, error: String(error) }, 'visit failed');
        ctx.errors.visit_failed = (ctx.errors.visit_failed ?? 0) + 1;
      } finally {
        store.frontier.mark(ctx.run.id, item.url, state);
        const { counts } = options;
        counts.queued -= 1;
        counts[state] += 1;
        busy -= 1;
        claimed.delete(item.url);
        options.onProgress?.({
          sourceId: ctx.source.id,
          done: counts.done + counts.failed,
          queued: counts.queued,
          newPosts: ctx.stats.newPosts,
          failed: ctx.stats.failed,
        });
        notify();
      }
    }
  };
  const workers = Math.max(2, ctx.source.concurrency + 1);
  await Promise.all(Array.from({ length: workers }, worker));
}

function statusOf(ctx: CrawlContext, startFailed: boolean): Exclude<RunStatus, 'running'> {
  if (startFailed) return 'failed';
  return ctx.stats.failed > 0 || Object.keys(ctx.errors).length > 0 ? 'partial' : 'ok';
}

/**
 * One crawl pass over a source: start pages → lists → new articles → attachments, plus re-checks of known
 * posts that are due. Every request is in the ledger; a run killed midway resumes from its frontier.
 */
export async function crawlSource(
  effects: CrawlEffects,
  source: Source,
  options: CrawlOptions = {},
): Promise<CrawlReport> {
  const { store } = effects;
  // A visit of given pages is a run of its own, never resumed as (or resuming) a pass over the source.
  const targeted = options.urls !== undefined;
  const unfinished = targeted ? undefined : store.runs.unfinished(source.id);
  const run =
    unfinished ??
    store.runs.start(
      source.id,
      options.trigger ?? 'manual',
      options.scheduledFor,
      effects.clock().toISOString(),
      targeted ? 'urls' : 'source',
    );
  // A resumed run starts from what its frontier already holds; a new one from nothing.
  const counts = unfinished ? store.frontier.counts(run.id) : { queued: 0, done: 0, failed: 0 };
  const ctx = createContext(effects, source, run, { ...options, counts });
  if (targeted)
    ctx.enqueue((options.urls ?? []).map((url) => ({ url, kind: 'article' as const, depth: 0, data: {} })));
  else if (!unfinished) seed(ctx);
  await drain(ctx, { ...options, counts });
  const report = {
    runId: run.id,
    sourceId: source.id,
    resumed: unfinished !== undefined,
    stats: ctx.stats,
    errors: ctx.errors,
  };
  if (options.signal?.aborted) {
    store.runs.finish(run.id, 'interrupted', ctx.stats, '已中止，下次运行时继续', ctx.now());
    return { ...report, status: 'interrupted' };
  }
  // Given pages say nothing about whether the source was up: no health report, no start pages to judge.
  if (targeted) {
    const status = statusOf(ctx, false);
    store.runs.finish(run.id, status, ctx.stats, undefined, ctx.now());
    return { ...report, status };
  }
  const startFailed = source.start.every((url) => {
    const tries = store.fetches.forUrl(url).filter((f) => f.runId === run.id);
    return tries.length > 0 && tries.every((f) => f.outcome === 'retryable' || f.outcome === 'permanent');
  });
  const status = statusOf(ctx, startFailed);
  store.runs.finish(run.id, status, ctx.stats, startFailed ? '起始页面无法访问' : undefined, ctx.now());
  const lastError = Object.entries(ctx.errors).sort((a, b) => b[1] - a[1])[0]?.[0];
  store.health.report(source.id, ctx.now(), {
    ok: !startFailed,
    errors: ctx.errors,
    ...(lastError ? { lastError } : {}),
  });
  return { ...report, status };
}

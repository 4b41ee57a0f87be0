import type { Hono } from 'hono';
import cron from 'node-cron';
import { isDue } from '../../crawlers/index.js';
import { requireRole } from '../auth/session.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { createReadModel } from '../read-model.js';
import { type SourceRow, SourcesPage } from '../views/sources.js';

const MINUTE_MS = 60_000;
/** How long the button waits for the crawl before answering that it is still going. */
const CRAWL_WAIT_MS = 20_000;

/** The first time after `now` the cron expression fires, within eight days; undefined when it does not. */
export function nextSlot(expression: string, timezone: string, now: Date): Date | undefined {
  let task: ReturnType<typeof cron.createTask> | undefined;
  try {
    task = cron.createTask(expression, () => undefined, { timezone });
    const start = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
    for (let t = start; t <= now.getTime() + 8 * 86_400_000; t += MINUTE_MS)
      if (task.match(new Date(t))) return new Date(t);
    return undefined;
  } catch {
    // An expression the scheduler cannot read has no next time; the registry import reports it.
    return undefined;
  } finally {
    void task?.destroy();
  }
}

type CrawlOutcome =
  | { kind: 'done'; status: string; newPosts: number }
  | { kind: 'running' }
  | { kind: 'error' };

const NOTICE: Record<string, string> = {
  ok: '抓取完成',
  partial: '抓取完成，部分页面失败',
  failed: '抓取失败',
  interrupted: '抓取被中断',
};

function noticeOf(query: Record<string, string | undefined>) {
  const id = query.crawled;
  if (!id) return undefined;
  if (query.result === 'running')
    return { text: `已开始抓取 ${id}，仍在进行中；完成后刷新本页查看结果。`, bad: false };
  if (query.result === 'error') return { text: `抓取 ${id} 时出错，详见运行日志。`, bad: true };
  const text = NOTICE[query.result ?? ''];
  if (!text) return undefined;
  const added = Number(query.new);
  return {
    text: `${id}：${text}${Number.isInteger(added) ? `，新发现 ${added} 条信息` : ''}。`,
    bad: query.result === 'failed',
  };
}

/** `/sources`: crawl health per source, and "crawl now" (evaluators and admins). */
export function registerSources(app: Hono<AppEnv>, deps: ServerDeps): void {
  const read = createReadModel(deps);
  app.use('/sources/*', requireRole('admin', 'evaluator'));

  app.get('/sources', (c) => {
    const timezone = deps.store.meta.getSetting('timezone') ?? 'Asia/Shanghai';
    const now = deps.clock();
    const health = new Map(deps.store.health.list().map((h) => [h.sourceId, h]));
    const sources = deps.store.sources.list();
    // Sources share a few schedules: each is worked out once.
    const nextOf = new Map<string, Date | undefined>();
    const rows: SourceRow[] = sources
      .filter((s) => s.kind !== 'offline')
      .map((source) => {
        const lastRun = deps.store.runs.last(source.id);
        if (source.schedule && !nextOf.has(source.schedule))
          nextOf.set(source.schedule, nextSlot(source.schedule, timezone, now));
        return {
          source,
          bodyName: read.body(source.bodyId)?.name ?? source.bodyId,
          lastRun,
          health: health.get(source.id),
          next: source.schedule ? nextOf.get(source.schedule) : undefined,
          due: isDue(source.schedule, timezone, lastRun?.startedAt, now),
        };
      })
      // The failing first: they are what this page is for.
      .sort((a, b) => (b.health?.consecutiveFailures ?? 0) - (a.health?.consecutiveFailures ?? 0));
    const offline = sources
      .filter((s) => s.kind === 'offline')
      .map((source) => ({ source, bodyName: read.body(source.bodyId)?.name ?? source.bodyId }));
    return c.render(
      <SourcesPage
        viewer={c.get('viewer')}
        rows={rows}
        offline={offline}
        timezone={timezone}
        // Only a source of the registry is named back (the parameters are the visitor's to change).
        notice={deps.store.sources.get(c.req.query('crawled') ?? '') ? noticeOf(c.req.query()) : undefined}
      />,
    );
  });

  app.post('/sources/:id/crawl', async (c) => {
    const viewer = c.get('viewer');
    const source = deps.store.sources.get(c.req.param('id'));
    if (!source?.active || source.kind === 'offline') return c.notFound();
    deps.store.accounts.audit({ actor: viewer.name, action: 'source.crawl', target: `source:${source.id}` });
    const outcome = await crawlWithin(deps, source.id, CRAWL_WAIT_MS);
    const params = new URLSearchParams({ crawled: source.id });
    if (outcome.kind === 'done') {
      params.set('result', outcome.status);
      params.set('new', String(outcome.newPosts));
    } else params.set('result', outcome.kind);
    return c.redirect(`/sources?${params}#${encodeURIComponent(source.id)}`, 303);
  });
}

/** Runs the crawl and waits for it at most `waitMs`; a longer crawl goes on and is logged when it ends. */
async function crawlWithin(deps: ServerDeps, sourceId: string, waitMs: number): Promise<CrawlOutcome> {
  const crawl = deps.actions.crawlNow(sourceId).then(
    (r): CrawlOutcome => ({ kind: 'done', status: r.status, newPosts: r.newPosts }),
    (error: unknown): CrawlOutcome => {
      deps.log?.warn({ sourceId, error: String(error) }, 'crawl now failed');
      return { kind: 'error' };
    },
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<CrawlOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'running' }), waitMs);
    timer.unref?.();
  });
  try {
    return await Promise.race([crawl, waited]);
  } finally {
    clearTimeout(timer);
  }
}

import type { CrawlContext } from './crawl-context.js';
import { FetchError, PermanentFetchError, RetryableFetchError } from './errors.js';
import { type Observation, recordFailure } from './observe.js';

/**
 * Renders a page in the browser (for sources whose lists are built by script) and writes the ledger row:
 * the HTML after scripts ran as the body, and a screenshot as evidence when asked for.
 */
export async function renderAndRecord(
  ctx: CrawlContext,
  url: string,
  purpose: string,
  screenshot: boolean,
): Promise<Observation> {
  const { renderer, store, scheduler } = ctx.effects;
  if (!renderer) throw new Error('renderAndRecord needs a renderer');
  try {
    // The browser does not ask robots.txt; the crawler does, before it renders.
    if (!(await ctx.effects.robots.isAllowed(url, { allowPrivate: ctx.source.allowPrivate }))) {
      throw new PermanentFetchError(url, 'robots_disallowed', `robots.txt 不允许抓取 ${url}`);
    }
    const limits = await ctx.limits(url);
    const page = await scheduler.run(url, limits, () =>
      renderer.render(url, { scope: ctx.source.scope, allowPrivate: ctx.source.allowPrivate, screenshot }),
    );
    const bytes = new TextEncoder().encode(page.html);
    const blob = store.blobs.put(bytes);
    const shot = page.screenshotPng ? store.blobs.put(page.screenshotPng) : undefined;
    ctx.stats.fetched += 1;
    const fetchId = store.fetches.record({
      runId: ctx.run.id,
      sourceId: ctx.source.id,
      url,
      finalUrl: page.finalUrl,
      purpose,
      at: page.timing.startedAt,
      durationMs: page.timing.durationMs,
      status: page.status,
      outcome:
        page.status >= 400
          ? page.status === 404 || page.status === 410
            ? 'not_found'
            : 'permanent'
          : 'fetched',
      reason: page.status >= 400 ? 'client_error' : null,
      contentType: 'text/html; charset=utf-8',
      etag: null,
      lastModified: null,
      charset: 'utf-8',
      charsetSource: 'rendered',
      bodySha256: blob.sha256,
      size: bytes.length,
      rendered: true,
      screenshotSha256: shot?.sha256 ?? null,
      redirects: [],
    });
    return {
      kind: 'fetched',
      fetchId,
      url,
      finalUrl: page.finalUrl,
      bytes,
      sha256: blob.sha256,
      text: page.html,
      contentType: 'text/html',
    };
  } catch (error) {
    const fetchError =
      error instanceof FetchError
        ? error
        : new RetryableFetchError(
            url,
            'network',
            `浏览器渲染失败：${error instanceof Error ? error.message : String(error)}`,
            {
              cause: error,
            },
          );
    return recordFailure(ctx, url, purpose, fetchError);
  }
}

import type { FrontierItem } from '../store/index.js';
import { sha256Hex } from '../store/index.js';
import type { CrawlContext } from './crawl-context.js';
import { gkmlptApiUrls, hanwebRequests, hubLinks } from './discovery.js';
import { extractListPage, type ListLink, parseGkmlptListApi, parseHanwebDataproxy } from './extract/index.js';
import { parseFeedDocument } from './feed.js';
import { type Observation, observe } from './observe.js';
import { renderAndRecord } from './render-page.js';
import { isInScope } from './scope.js';

// Records embedded in a Hanweb column page before dataproxy.jsp takes over.
const HANWEB_EMBEDDED = 15;

/** The page's text now, or as last stored when the server said it has not changed. */
function pageText(
  ctx: CrawlContext,
  observation: Observation,
): { text: string; changed: boolean } | undefined {
  if (observation.kind === 'fetched') return { text: observation.text, changed: true };
  if (observation.kind === 'failed') return undefined;
  const sha = observation.previous?.bodySha256;
  const bytes = sha ? ctx.effects.store.blobs.get(sha) : undefined;
  if (!bytes) return undefined;
  const charset = observation.previous?.charset ?? 'utf-8';
  return { text: new TextDecoder(charset === 'rendered' ? 'utf-8' : charset).decode(bytes), changed: false };
}

/** Queues the links of a list that are new to this source; returns how many were. */
function queueArticles(ctx: CrawlContext, links: readonly ListLink[]): number {
  const fresh = links.filter((l) => isInScope(l.url, ctx.source.scope) && !ctx.known.has(l.url));
  ctx.enqueue(
    fresh.map((l) => ({
      url: l.url,
      kind: 'article' as const,
      depth: 0,
      data: { listTitle: l.title, ...(l.listDate ? { listDate: l.listDate } : {}) },
    })),
  );
  return fresh.length;
}

// A list page whose links were all seen on an earlier page of this run is a pagination trap.
function isRepeat(ctx: CrawlContext, links: readonly ListLink[]): boolean {
  if (links.length === 0) return false;
  const signature = sha256Hex(
    links
      .map((l) => l.url)
      .sort()
      .join('\n'),
  );
  if (ctx.listSignatures.has(signature)) return true;
  ctx.listSignatures.add(signature);
  return false;
}

function followPages(
  ctx: CrawlContext,
  item: FrontierItem,
  urls: readonly string[],
  kind: 'list' | 'api',
): void {
  const chain = Number(item.data.chain ?? 0) + 1;
  if (chain >= ctx.options.maxListPages) return;
  ctx.enqueue(
    urls
      .filter((u) => isInScope(u, ctx.source.scope))
      .map((url) => ({ url, kind, depth: item.depth, data: { chain } })),
  );
}

function visitApi(ctx: CrawlContext, item: FrontierItem, text: string, changed: boolean): void {
  if (item.url.includes('dataproxy.jsp')) {
    queueArticles(ctx, parseHanwebDataproxy(text, item.url).links);
    return;
  }
  const page = parseGkmlptListApi(text, item.url);
  if (page.kind !== 'page') return;
  const fresh = queueArticles(ctx, page.links);
  if (changed && fresh > 0 && page.nextPageUrl && !isRepeat(ctx, page.links))
    followPages(ctx, item, [page.nextPageUrl], 'api');
}

async function visitFeed(ctx: CrawlContext, item: FrontierItem, text: string): Promise<void> {
  const feed = parseFeedDocument(text, item.url);
  if (feed.kind === 'failed') {
    // A broken feed or bridge is the source's fault, never "nothing was published".
    ctx.errors.feed_failed = (ctx.errors.feed_failed ?? 0) + 1;
    ctx.stats.failed += 1;
    ctx.effects.log.warn({ url: item.url, reason: feed.reason }, 'feed failed');
    return;
  }
  const fresh = feed.entries.filter(
    (e) => e.url && isInScope(e.url, ctx.source.scope) && !ctx.known.has(e.url),
  );
  ctx.enqueue(
    fresh.map((e) => ({
      url: e.url,
      kind: 'article' as const,
      depth: 0,
      data: { listTitle: e.title, ...(e.publishedAt ? { feedPublishedAt: e.publishedAt } : {}) },
    })),
  );
}

/** Visits a start page, column page, list page, list API or feed: queues what is new and what follows. */
export async function visitPage(ctx: CrawlContext, item: FrontierItem): Promise<void> {
  const rendered =
    ctx.source.render === 'browser' && item.kind === 'hub' && ctx.effects.renderer !== undefined;
  const observation = rendered
    ? await renderAndRecord(ctx, item.url, item.kind, false)
    : await observe(ctx, item.url, item.kind, true);
  const page = pageText(ctx, observation);
  if (!page) return;
  ctx.stats.pages += 1;
  if (item.kind === 'feed') return visitFeed(ctx, item, page.text);
  if (item.kind === 'api') return visitApi(ctx, item, page.text, page.changed);

  const list = extractListPage(page.text, item.url, ctx.source.selectors);
  const fresh = queueArticles(ctx, list.links);
  // Incremental: an unchanged page or a page with nothing new ends its list; a repeated page is a trap.
  if (page.changed && fresh > 0 && !isRepeat(ctx, list.links)) {
    followPages(ctx, item, list.nextPageUrls.slice(0, 1), 'list');
    const hanweb = list.hanweb;
    if (hanweb?.dataproxyUrl && hanweb.totalRecords) {
      followPages(
        ctx,
        item,
        hanwebRequests(hanweb.dataproxyUrl, hanweb.totalRecords, HANWEB_EMBEDDED),
        'api',
      );
    }
  }
  ctx.enqueue(
    gkmlptApiUrls(page.text, item.url).map((url) => ({
      url,
      kind: 'api' as const,
      depth: item.depth,
      data: {},
    })),
  );
  if (item.kind === 'hub' && item.depth < ctx.options.maxHubDepth) {
    const articles = new Set([...list.links.map((l) => l.url), ...list.nextPageUrls]);
    ctx.enqueue(
      hubLinks(page.text, item.url, ctx.source.scope, articles).map((url) => ({
        url,
        kind: 'hub' as const,
        depth: item.depth + 1,
        data: {},
      })),
    );
  }
}

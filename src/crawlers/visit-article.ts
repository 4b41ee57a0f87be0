import { sha256Hex } from '../store/index.js';
import type { CrawlContext } from './crawl-context.js';
import { type ExtractedArticle, extractArticle } from './extract/index.js';
import { type Observation, observe } from './observe.js';
import { nextCheckAt } from './recheck-policy.js';
import { renderAndRecord } from './render-page.js';

/** What the list or feed said about an article before it was fetched. */
export interface ListedArticle {
  listTitle?: string;
  listDate?: string;
  feedPublishedAt?: string;
}

/** The part of an extracted article that makes a version: text, tables, title, dates and attachment links. */
export function contentHash(article: ExtractedArticle): string {
  return sha256Hex(
    JSON.stringify({
      title: article.title ?? null,
      publishedAt: article.publishedAt ?? null,
      text: article.body.text,
      tables: article.body.tables,
      attachments: article.attachments.map((a) => a.url),
    }),
  );
}

const nextCheck = (ctx: CrawlContext, firstSeen: string): string =>
  nextCheckAt(ctx.effects.clock(), firstSeen, ctx.bodyLevel);

/** An article page as fetched and as read. */
interface ReadArticle {
  fetched: Extract<Observation, { kind: 'fetched' }>;
  article: ExtractedArticle;
}

/**
 * Stores an article read from a fetch: a new post, a new version, or a sighting of a known one.
 * `firstSeen` is the known post's, or undefined for a post new to the store.
 */
export function storeArticle(
  ctx: CrawlContext,
  { fetched, article }: ReadArticle,
  listed: ListedArticle,
  firstSeen: string | undefined,
): void {
  const { store } = ctx.effects;
  const at = ctx.now();
  const { post, version, newPost, newVersion } = store.posts.recordVersion({
    sourceId: ctx.source.id,
    url: fetched.url,
    at,
    listTitle: listed.listTitle ?? null,
    listDate: listed.listDate ?? null,
    contentSha256: contentHash(article),
    bodySha256: fetched.sha256,
    fetchId: fetched.fetchId,
    title: article.title ?? listed.listTitle ?? null,
    publishedAt: article.publishedAt ?? listed.feedPublishedAt ?? null,
    extracted: { ...article, listed },
    nextCheck: nextCheck(ctx, firstSeen ?? at),
  });
  ctx.known.add(post.url);
  if (newPost) ctx.stats.newPosts += 1;
  else if (newVersion) ctx.stats.newVersions += 1;
  if (newVersion && ctx.options.attachments) {
    ctx.enqueue(
      article.attachments.map((a) => ({
        url: a.url,
        kind: 'attachment' as const,
        depth: 0,
        data: { versionId: version.id, name: a.text },
      })),
    );
  }
}

async function readArticle(
  ctx: CrawlContext,
  fetched: Extract<Observation, { kind: 'fetched' }>,
): Promise<ReadArticle> {
  const article = extractArticle(fetched.text, fetched.finalUrl);
  const thin = article.body.text.trim().length < 20;
  if (!thin || ctx.source.render !== 'browser' || !ctx.effects.renderer) return { fetched, article };
  // A page whose body is built by script: read what the browser shows instead.
  const rendered = await renderAndRecord(ctx, fetched.url, 'article', true);
  return rendered.kind === 'fetched'
    ? { fetched: rendered, article: extractArticle(rendered.text, rendered.finalUrl) }
    : { fetched, article };
}

/** Fetches a newly listed article and stores it. */
export async function visitArticle(ctx: CrawlContext, url: string, listed: ListedArticle): Promise<void> {
  // Stored before a restart: the crawl that was killed got this far already.
  if (ctx.effects.store.posts.byUrl(ctx.source.id, url)) return;
  const observation = await observe(ctx, url, 'article', false);
  if (observation.kind !== 'fetched') return;
  storeArticle(ctx, await readArticle(ctx, observation), listed, undefined);
}

/** Fetches a known post again (conditionally): unchanged, edited, or gone. */
export async function recheckPost(ctx: CrawlContext, postId: number): Promise<void> {
  const { store } = ctx.effects;
  const post = store.posts.get(postId);
  if (!post || post.removedAt) return;
  const observation = await observe(ctx, post.url, 'recheck', true);
  if (observation.kind === 'not-modified') {
    store.posts.touch(post.id, ctx.now(), nextCheck(ctx, post.firstSeen));
  } else if (observation.kind === 'failed') {
    // Only a 404/410 is the body taking the post down; any other failure is the source's fault.
    if (observation.outcome === 'not_found') {
      store.posts.markRemoved(post.id, ctx.now(), observation.fetchId);
      ctx.stats.removed += 1;
    }
  } else {
    storeArticle(ctx, await readArticle(ctx, observation), {}, post.firstSeen);
  }
}

/** Fetches an attachment and reads its text; the same bytes are read only once. */
export async function visitAttachment(
  ctx: CrawlContext,
  url: string,
  versionId: number,
  name: string | undefined,
): Promise<void> {
  const { store } = ctx.effects;
  const observation = await observe(ctx, url, 'attachment', false);
  const base = { versionId, url, name: name ?? null, fetchId: observation.fetchId };
  if (observation.kind !== 'fetched') {
    const reason = observation.kind === 'failed' ? observation.reason : 'not_modified';
    store.attachments.record({
      ...base,
      sha256: null,
      format: null,
      status: 'fetch_failed',
      reason,
      text: null,
    });
    return;
  }
  ctx.stats.attachments += 1;
  const known = store.attachments.bySha(observation.sha256);
  if (known) {
    store.attachments.record({
      ...base,
      sha256: observation.sha256,
      format: known.format,
      status: known.status,
      reason: known.reason,
      text: known.text,
    });
    return;
  }
  const fileName = new URL(url).pathname.split('/').pop() ?? '';
  const reading = await ctx.effects.readAttachment(
    observation.bytes,
    fileName,
    observation.contentType ?? undefined,
  );
  store.attachments.record({
    ...base,
    sha256: observation.sha256,
    format: reading.format,
    status: reading.kind,
    reason: reading.kind === 'text' ? null : reading.reason,
    text: reading.kind === 'text' ? reading.text : null,
  });
}

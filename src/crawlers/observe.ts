import type { FetchOutcome, FetchRecord } from '../store/index.js';
import { decodeBody } from './charset.js';
import type { CrawlContext } from './crawl-context.js';
import { FetchError, RetryableFetchError } from './errors.js';
import { withRetry } from './retry.js';

/** What one observed request came to; every one of them is a row in the ledger. */
export type Observation =
  | {
      kind: 'fetched';
      fetchId: number;
      url: string;
      finalUrl: string;
      bytes: Uint8Array;
      sha256: string;
      text: string;
      contentType: string | null;
    }
  | { kind: 'not-modified'; fetchId: number; url: string; previous: FetchRecord | undefined }
  | {
      kind: 'failed';
      fetchId: number;
      url: string;
      outcome: FetchOutcome;
      reason: string;
      status: number | null;
      error: FetchError;
    };

const TEXTUAL = /html|xml|json|text|javascript|rss|atom/i;

function isTextual(contentType: string | null, bytes: Uint8Array): boolean {
  if (contentType) return TEXTUAL.test(contentType);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64)).trimStart();
  return head.startsWith('<') || head.startsWith('{') || head.startsWith('[');
}

/**
 * Fetches a URL politely (per-host limits, retries with backoff) and writes the ledger row, whatever happens:
 * the body goes to the content-addressed blobs, a 304 is recorded as unchanged, a failure with its reason.
 */
export async function observe(
  ctx: CrawlContext,
  url: string,
  purpose: string,
  conditional: boolean,
): Promise<Observation> {
  const { store, fetcher, scheduler, robots, retry } = ctx.effects;
  const previous = conditional ? store.fetches.lastFetched(url) : undefined;
  const validators = previous ? { etag: previous.etag, lastModified: previous.lastModified } : undefined;
  const base = {
    runId: ctx.run.id,
    sourceId: ctx.source.id,
    url,
    purpose,
    rendered: false,
    screenshotSha256: null,
  };
  const limits = await ctx.limits(url);
  try {
    const result = await scheduler.run(url, limits, () =>
      withRetry(
        () =>
          fetcher.fetch(url, {
            scope: ctx.source.scope,
            allowPrivate: ctx.source.allowPrivate,
            robots,
            ...(validators ? { validators } : {}),
          }),
        { ...retry, log: ctx.effects.log },
      ),
    );
    const common = {
      ...base,
      finalUrl: result.finalUrl,
      at: result.timing.startedAt,
      durationMs: result.timing.durationMs,
      status: result.status,
      contentType: result.headers.contentType ?? null,
      etag: result.headers.etag ?? previous?.etag ?? null,
      lastModified: result.headers.lastModified ?? previous?.lastModified ?? null,
      redirects: result.redirects.map((r) => ({ from: r.url, status: r.status, to: r.location })),
    };
    if (result.kind === 'not-modified') {
      ctx.stats.notModified += 1;
      const fetchId = store.fetches.record({
        ...common,
        outcome: 'not_modified',
        reason: null,
        charset: null,
        charsetSource: null,
        bodySha256: previous?.bodySha256 ?? null,
        size: null,
      });
      return { kind: 'not-modified', fetchId, url, previous };
    }
    const blob = store.blobs.put(result.body);
    const decoded = isTextual(common.contentType, result.body)
      ? decodeBody(result.body, common.contentType ?? undefined)
      : undefined;
    ctx.stats.fetched += 1;
    const fetchId = store.fetches.record({
      ...common,
      outcome: 'fetched',
      reason: null,
      charset: decoded?.charset ?? null,
      charsetSource: decoded?.source ?? null,
      bodySha256: blob.sha256,
      size: result.body.length,
    });
    return {
      kind: 'fetched',
      fetchId,
      url,
      finalUrl: result.finalUrl,
      bytes: result.body,
      sha256: blob.sha256,
      text: decoded?.text ?? '',
      contentType: common.contentType,
    };
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    return recordFailure(ctx, url, purpose, error);
  }
}

/** Writes a failed request to the ledger and counts it against the source. */
export function recordFailure(
  ctx: CrawlContext,
  url: string,
  purpose: string,
  error: FetchError,
): Observation {
  const status = error.status ?? null;
  const outcome: FetchOutcome =
    status === 404 || status === 410
      ? 'not_found'
      : error instanceof RetryableFetchError
        ? 'retryable'
        : 'permanent';
  if (outcome !== 'not_found') {
    ctx.stats.failed += 1;
    ctx.errors[error.reason] = (ctx.errors[error.reason] ?? 0) + 1;
  }
  const fetchId = ctx.effects.store.fetches.record({
    runId: ctx.run.id,
    sourceId: ctx.source.id,
    url,
    finalUrl: null,
    purpose,
    at: ctx.now(),
    durationMs: null,
    status,
    outcome,
    reason: error.reason,
    contentType: null,
    etag: null,
    lastModified: null,
    charset: null,
    charsetSource: null,
    bodySha256: null,
    size: error.bytesRead ?? null,
    rendered: false,
    screenshotSha256: null,
    redirects: [],
  });
  ctx.effects.log.warn({ url, reason: error.reason, status }, 'fetch failed');
  return { kind: 'failed', fetchId, url, outcome, reason: error.reason, status, error };
}

import { Agent } from 'undici';
import { PermanentFetchError, RetryableFetchError } from './errors.js';
import {
  type FetchedHeaders,
  pickHeaders,
  readCappedBody,
  statusError,
  type TransportContext,
  toTransportError,
} from './fetch-response.js';
import { type CrawlLog, silentLog } from './log.js';
import { assertRedirectAllowed, type RedirectHop, redirectTarget } from './redirects.js';
import type { RobotsGate } from './robots.js';
import { assertInScope, normaliseUrl } from './scope.js';
import { assertHttpUrl, guardedLookup, guardUrl, type ResolveHost, resolveHostWithDns } from './ssrf.js';

/** How the fetcher behaves for every request; effects (resolver, log, clock) are injected. */
export interface FetcherOptions {
  userAgent: string;
  connectTimeoutMs: number;
  /** For the whole fetch: every redirect hop and the body. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  resolveHost?: ResolveHost;
  log?: CrawlLog;
  clock?: () => Date;
}

/** The validators of an earlier fetch, sent back so an unchanged page answers 304. */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

/** What one request may do: its source's scope and address policy, validators, robots gate, cancellation. */
export interface FetchRequest {
  /** URL prefixes every hop must start with; undefined means no limit. */
  scope?: readonly string[];
  allowPrivate?: boolean;
  validators?: Validators;
  robots?: RobotsGate;
  signal?: AbortSignal;
  accept?: string;
}

interface FetchOutcome {
  url: string;
  finalUrl: string;
  status: number;
  headers: FetchedHeaders;
  redirects: RedirectHop[];
  timing: { startedAt: string; durationMs: number };
}

/** A page fetched in full: its raw bytes, to be decoded with `decodeBody`. */
export interface FetchedPage extends FetchOutcome {
  kind: 'fetched';
  body: Uint8Array;
}

/** The server answered 304: the page is unchanged since the validators sent. */
export interface NotModified extends FetchOutcome {
  kind: 'not-modified';
}

export type FetchResult = FetchedPage | NotModified;

/** Fetches one URL by GET, following redirects by hand; throws `RetryableFetchError` or `PermanentFetchError`. */
export interface Fetcher {
  fetch(url: string, request?: FetchRequest): Promise<FetchResult>;
  close(): Promise<void>;
}

const ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** Builds a fetcher on the global `fetch` with undici agents that connect only to addresses the guard let through. */
export function createFetcher(options: FetcherOptions): Fetcher {
  const resolveHost = options.resolveHost ?? resolveHostWithDns;
  const log = options.log ?? silentLog;
  const clock = options.clock ?? (() => new Date());
  const agentFor = (allowPrivate: boolean) =>
    new Agent({
      connect: { timeout: options.connectTimeoutMs, lookup: guardedLookup({ resolveHost, allowPrivate }) },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  const agents = { public: agentFor(false), private: agentFor(true) };

  async function checkHop(url: URL, request: FetchRequest): Promise<void> {
    assertHttpUrl(url);
    assertInScope(url, request.scope);
    if (request.robots) await assertRobotsAllow(request.robots, url, request.allowPrivate ?? false);
    await guardUrl(url, { resolveHost, allowPrivate: request.allowPrivate ?? false });
  }

  async function send(url: URL, request: FetchRequest, context: TransportContext): Promise<Response> {
    const headers = requestHeaders(options.userAgent, request);
    const dispatcher = request.allowPrivate ? agents.private : agents.public;
    try {
      // undici 7's Agent serves Node 20's bundled fetch; only their type declarations differ.
      const init = {
        headers,
        redirect: 'manual',
        signal: context.deadline,
        dispatcher,
      } as unknown as RequestInit;
      return await fetch(url, init);
    } catch (error) {
      throw toTransportError(error, { ...context, url: url.href });
    }
  }

  async function fetchUrl(url: string, request: FetchRequest = {}): Promise<FetchResult> {
    const startedAt = clock();
    const timeoutSignal = AbortSignal.timeout(options.timeoutMs);
    const deadline = request.signal ? AbortSignal.any([timeoutSignal, request.signal]) : timeoutSignal;
    const context = { url, timeoutMs: options.timeoutMs, deadline, callerSignal: request.signal };
    const redirects: RedirectHop[] = [];
    const seen = new Set<string>();
    let current = parseUrl(url);
    for (;;) {
      seen.add(normaliseUrl(current));
      await checkHop(current, request);
      const response = await send(current, request, context);
      const next = redirectTarget(response, current);
      if (!next) {
        const outcome = { url, finalUrl: current.href, redirects, startedAt };
        return finish(response, outcome, { ...context, url: current.href });
      }
      await response.body?.cancel();
      redirects.push({ url: current.href, status: response.status, location: next.href });
      log.debug({ url: current.href, status: response.status, location: next.href }, 'following redirect');
      assertRedirectAllowed(url, next, redirects, seen, options.maxRedirects);
      current = next;
    }
  }

  async function finish(
    response: Response,
    outcome: { url: string; finalUrl: string; redirects: RedirectHop[]; startedAt: Date },
    context: TransportContext,
  ): Promise<FetchResult> {
    if (response.status !== 304 && (response.status < 200 || response.status >= 300)) {
      await response.body?.cancel();
      throw statusError(context.url, response, clock());
    }
    let body: Uint8Array | undefined;
    if (response.status === 304) await response.body?.cancel();
    else body = await readBody(response, context);
    const base = {
      url: outcome.url,
      finalUrl: outcome.finalUrl,
      status: response.status,
      headers: pickHeaders(response.headers),
      redirects: outcome.redirects,
      timing: {
        startedAt: outcome.startedAt.toISOString(),
        durationMs: clock().getTime() - outcome.startedAt.getTime(),
      },
    };
    log.debug({ url: base.finalUrl, status: base.status, bytes: body?.byteLength ?? 0 }, 'fetched');
    return body ? { kind: 'fetched', ...base, body } : { kind: 'not-modified', ...base };
  }

  async function readBody(response: Response, context: TransportContext): Promise<Uint8Array> {
    try {
      return await readCappedBody(response, context.url, options.maxBytes);
    } catch (error) {
      throw toTransportError(error, context);
    }
  }

  return {
    fetch: fetchUrl,
    close: async () => {
      await Promise.all([agents.public.close(), agents.private.close()]);
    },
  };
}

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch (error) {
    throw new PermanentFetchError(url, 'invalid_url', `网址格式错误：“${url}”`, { cause: error });
  }
}

function requestHeaders(userAgent: string, request: FetchRequest): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept: request.accept ?? ACCEPT,
    'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5',
  };
  if (request.validators?.etag) headers['if-none-match'] = request.validators.etag;
  if (request.validators?.lastModified) headers['if-modified-since'] = request.validators.lastModified;
  return headers;
}

async function assertRobotsAllow(robots: RobotsGate, url: URL, allowPrivate: boolean): Promise<void> {
  const verdict = await robots.verdict(url.href, { allowPrivate });
  if (verdict.kind === 'disallowed') {
    throw new PermanentFetchError(
      url.href,
      'robots_disallowed',
      `${url.origin}/robots.txt 不允许抓取 ${url.href}`,
    );
  }
  if (verdict.kind === 'unavailable') {
    const message = `暂时无法读取 ${url.origin}/robots.txt（${verdict.detail}），按全站禁止处理，稍后再试`;
    throw new RetryableFetchError(url.href, 'robots_unavailable', message);
  }
}

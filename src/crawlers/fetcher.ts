import { Agent } from 'undici';
import { PermanentFetchError } from './errors.js';
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
import { assertRobotsAllow, type RobotsGate } from './robots.js';
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

/** The fetcher's options with defaults merged, and its two agents (public-only and private-allowed). */
interface FetcherContext {
  options: FetcherOptions;
  resolveHost: ResolveHost;
  log: CrawlLog;
  clock: () => Date;
  agents: { public: Agent; private: Agent };
}

/** What one fetch carries from hop to hop. */
interface FetchState extends TransportContext {
  requestedUrl: string;
  request: FetchRequest;
  startedAt: Date;
  redirects: RedirectHop[];
}

/** Builds a fetcher on the global `fetch` with undici agents that connect only to addresses the guard let through. */
export function createFetcher(options: FetcherOptions): Fetcher {
  const resolveHost = options.resolveHost ?? resolveHostWithDns;
  const agentFor = (allowPrivate: boolean) =>
    new Agent({
      connect: { timeout: options.connectTimeoutMs, lookup: guardedLookup({ resolveHost, allowPrivate }) },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  const context: FetcherContext = {
    options,
    resolveHost,
    log: options.log ?? silentLog,
    clock: options.clock ?? (() => new Date()),
    agents: { public: agentFor(false), private: agentFor(true) },
  };
  return {
    fetch: (url, request = {}) => fetchUrl(context, url, request),
    close: async () => {
      await Promise.all([context.agents.public.close(), context.agents.private.close()]);
    },
  };
}

async function fetchUrl(context: FetcherContext, url: string, request: FetchRequest): Promise<FetchResult> {
  const { options, log } = context;
  const timeoutSignal = AbortSignal.timeout(options.timeoutMs);
  const deadline = request.signal ? AbortSignal.any([timeoutSignal, request.signal]) : timeoutSignal;
  const state: FetchState = {
    url,
    requestedUrl: url,
    timeoutMs: options.timeoutMs,
    deadline,
    callerSignal: request.signal,
    request,
    startedAt: context.clock(),
    redirects: [],
  };
  const seen = new Set<string>();
  let current = parseUrl(url);
  for (;;) {
    seen.add(normaliseUrl(current));
    await checkHop(context, current, request);
    const response = await send(context, current, state);
    const next = redirectTarget(response, current);
    if (!next) return finish(context, response, { ...state, url: current.href });
    await response.body?.cancel();
    state.redirects.push({ url: current.href, status: response.status, location: next.href });
    log.debug({ url: current.href, status: response.status, location: next.href }, 'following redirect');
    assertRedirectAllowed(url, next, state.redirects, seen, options.maxRedirects);
    current = next;
  }
}

async function checkHop(context: FetcherContext, url: URL, request: FetchRequest): Promise<void> {
  const allowPrivate = request.allowPrivate ?? false;
  assertHttpUrl(url);
  assertInScope(url, request.scope);
  if (request.robots) await assertRobotsAllow(request.robots, url, allowPrivate);
  await guardUrl(url, { resolveHost: context.resolveHost, allowPrivate });
}

async function send(context: FetcherContext, url: URL, state: FetchState): Promise<Response> {
  const headers = requestHeaders(context.options.userAgent, state.request);
  const dispatcher = state.request.allowPrivate ? context.agents.private : context.agents.public;
  try {
    // undici 7's Agent serves Node 20's bundled fetch; only their type declarations differ.
    const init = {
      headers,
      redirect: 'manual',
      signal: state.deadline,
      dispatcher,
    } as unknown as RequestInit;
    return await fetch(url, init);
  } catch (error) {
    throw toTransportError(error, { ...state, url: url.href });
  }
}

/** Turns the last hop's response into a result: the body for a 2xx, not-modified for a 304, else an error. */
async function finish(context: FetcherContext, response: Response, state: FetchState): Promise<FetchResult> {
  const { status } = response;
  if (status !== 304 && (status < 200 || status >= 300)) {
    await response.body?.cancel();
    throw statusError(state.url, response, context.clock());
  }
  let body: Uint8Array | undefined;
  if (status === 304) await response.body?.cancel();
  else body = await readBody(context, response, state);
  const base = {
    url: state.requestedUrl,
    finalUrl: state.url,
    status,
    headers: pickHeaders(response.headers),
    redirects: state.redirects,
    timing: {
      startedAt: state.startedAt.toISOString(),
      durationMs: context.clock().getTime() - state.startedAt.getTime(),
    },
  };
  context.log.debug({ url: base.finalUrl, status, bytes: body?.byteLength ?? 0 }, 'fetched');
  return body ? { kind: 'fetched', ...base, body } : { kind: 'not-modified', ...base };
}

async function readBody(context: FetcherContext, response: Response, state: FetchState): Promise<Uint8Array> {
  try {
    return await readCappedBody(response, state.url, context.options.maxBytes);
  } catch (error) {
    throw toTransportError(error, state);
  }
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

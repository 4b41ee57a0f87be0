import { Agent } from 'undici';
import { PermanentFetchError } from '../errors.js';
import { readCappedBody, toTransportError } from '../fetch-response.js';
import { assertRedirectAllowed, type RedirectHop, redirectTarget } from '../redirects.js';
import { normaliseUrl } from '../scope.js';
import { guardedLookup, type ResolveHost } from '../ssrf.js';
import { policyBlockOf, type RenderScope } from './request-policy.js';

/** A request the browser wanted to send. */
export interface OutgoingRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array | undefined;
}

/** What came back: the last hop's status and headers, and the body read within the byte cap. */
export interface TransportResponse {
  url: string;
  status: number;
  headers: Headers;
  body: Uint8Array;
  redirects: RedirectHop[];
}

/** One send's limits: scope, byte cap, redirects (0 hands a 3xx back), time and cancellation. */
export interface SendLimits {
  scope: RenderScope;
  maxBytes: number;
  maxRedirects: number;
  timeoutMs: number;
  signal: AbortSignal;
}

/** Sends the browser's requests from Node, so every hop is checked and every connection pinned. */
export interface Transport {
  send(request: OutgoingRequest, limits: SendLimits): Promise<TransportResponse>;
  close(): Promise<void>;
}

// Hop-by-hop headers and those undici sets itself; the cookie header is rebuilt from the context's jar.
// Chromium offers zstd, which undici 7 does not decode: undici negotiates the encoding on its own.
const DROPPED_REQUEST_HEADERS = new Set([
  'accept-encoding',
  'host',
  'connection',
  'content-length',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'proxy-authorization',
  'proxy-connection',
]);

/**
 * Chromium follows redirects without asking `route` again, so the renderer sends requests itself: redirects
 * by hand with the render's policy on every hop, and the SSRF guard at connect time (no DNS rebinding).
 */
export function createTransport(options: { connectTimeoutMs: number; resolveHost: ResolveHost }): Transport {
  const agentFor = (allowPrivate: boolean) =>
    new Agent({
      connect: {
        timeout: options.connectTimeoutMs,
        lookup: guardedLookup({ resolveHost: options.resolveHost, allowPrivate }),
      },
    });
  const agents = { public: agentFor(false), private: agentFor(true) };
  return {
    send: (request, limits) =>
      send(request, limits, limits.scope.allowPrivate ? agents.private : agents.public),
    close: async () => {
      await Promise.all([agents.public.close(), agents.private.close()]);
    },
  };
}

async function send(
  request: OutgoingRequest,
  limits: SendLimits,
  dispatcher: Agent,
): Promise<TransportResponse> {
  const deadline = AbortSignal.any([AbortSignal.timeout(limits.timeoutMs), limits.signal]);
  const redirects: RedirectHop[] = [];
  const seen = new Set<string>();
  let hop = { ...request, headers: forwardedHeaders(request.headers) };
  for (;;) {
    seen.add(normaliseUrl(hop.url));
    const context = { url: hop.url, timeoutMs: limits.timeoutMs, deadline, callerSignal: limits.signal };
    let response: Response;
    try {
      // undici 7's Agent serves Node 20's bundled fetch; only their type declarations differ.
      const init = {
        method: hop.method,
        headers: hop.headers,
        body: hop.body,
        redirect: 'manual',
        signal: deadline,
        dispatcher,
      };
      response = await fetch(hop.url, init as unknown as RequestInit);
    } catch (error) {
      throw toTransportError(error, context);
    }
    const next = limits.maxRedirects > 0 ? redirectTarget(response, new URL(hop.url)) : undefined;
    if (!next)
      return {
        url: hop.url,
        status: response.status,
        headers: response.headers,
        body: await readBody(response, context, limits.maxBytes),
        redirects,
      };
    await response.body?.cancel();
    redirects.push({ url: hop.url, status: response.status, location: next.href });
    assertHopAllowed(request.url, next, limits.scope);
    assertRedirectAllowed(request.url, next, redirects, seen, limits.maxRedirects);
    hop = redirectedRequest(hop, next, response.status);
  }
}

async function readBody(
  response: Response,
  context: Parameters<typeof toTransportError>[1],
  maxBytes: number,
): Promise<Uint8Array> {
  try {
    return await readCappedBody(response, context.url, maxBytes);
  } catch (error) {
    throw toTransportError(error, context);
  }
}

function assertHopAllowed(url: string, next: URL, scope: RenderScope): void {
  const block = policyBlockOf(next, false, scope);
  if (!block) return;
  const reason = block === 'unsupported_scheme' ? 'bad_redirect' : block;
  throw new PermanentFetchError(url, reason, `${url} 跳转到了不允许访问的地址 ${next.href}（${block}）`);
}

// 307 and 308 keep the method and body; the others become a GET, as browsers do.
function redirectedRequest(hop: OutgoingRequest, next: URL, status: number): OutgoingRequest {
  if (status === 307 || status === 308) return { ...hop, url: next.href };
  const headers = { ...hop.headers };
  delete headers['content-type'];
  return { url: next.href, method: hop.method === 'HEAD' ? 'HEAD' : 'GET', headers };
}

function forwardedHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !DROPPED_REQUEST_HEADERS.has(name.toLowerCase())),
  );
}

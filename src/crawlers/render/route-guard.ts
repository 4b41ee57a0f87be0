import type { BrowserContext, Frame, Route } from 'playwright-core';
import { type FetchError, findFetchError, PermanentFetchError, RetryableFetchError } from '../errors.js';
import { statusError } from '../fetch-response.js';
import type { CrawlLog } from '../log.js';
import { blockedError, policyBlockOf, type RenderScope, type RequestBlock } from './request-policy.js';
import type { Transport } from './transport.js';

/** A request the page made, as evidence: sent (with status and bytes), blocked before sending, or failed. */
export interface RenderedRequest {
  url: string;
  method: string;
  /** Playwright's resource type: document, script, stylesheet, image, fetch, xhr … */
  type: string;
  outcome: 'sent' | 'blocked' | 'failed';
  status?: number;
  bytes?: number;
  /** Why it was blocked or failed: a policy, the budget, or a fetch error's reason. */
  reason?: string;
}

/** A render's byte and request budget, shared by the document and everything it loads. */
export interface RenderBudget {
  maxBytes: number;
  maxRequests: number;
  maxRedirects: number;
  requestTimeoutMs: number;
}

/** What the guard saw: the requests, the bytes, and what became of the main document. */
export interface GuardState {
  requests: RenderedRequest[];
  bytes: number;
  /** Why the main document could not be loaded (blocked, failed, non-2xx). */
  documentError?: FetchError;
  /** The main document answered a redirect; the renderer navigates there itself, checking the hop. */
  redirectTo?: string;
  documentStatus?: number;
}

interface GuardOptions {
  scope: RenderScope;
  budget: RenderBudget;
  transport: Transport;
  mainFrame: () => Frame | undefined;
  signal: AbortSignal;
  clock: () => Date;
  log: CrawlLog;
}

const DROPPED_RESPONSE_HEADERS = new Set([
  'content-encoding',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'set-cookie',
]);

/** Routes every request of a context through the scope policy, the budget and the guarded transport. */
export async function installRouteGuard(context: BrowserContext, options: GuardOptions): Promise<GuardState> {
  const state: GuardState = { requests: [], bytes: 0 };
  await context.route('**/*', (route) =>
    guardRoute(context, route, options, state).catch((error: unknown) => {
      // The render may have ended and closed the context while this request was in flight.
      options.log.debug({ url: route.request().url(), error: String(error) }, 'route handler stopped');
    }),
  );
  // WebSockets bypass `route`; an unconnected route handler keeps them from reaching the server.
  await context.routeWebSocket(/.*/, (ws) => {
    state.requests.push({
      url: ws.url(),
      method: 'GET',
      type: 'websocket',
      outcome: 'blocked',
      reason: 'websocket',
    });
    void ws.close();
  });
  return state;
}

/** One routed request: the route, its URL, whether it is the page's own document, and its log entry. */
interface Routed {
  route: Route;
  url: URL;
  isMain: boolean;
  entry: RenderedRequest;
}

async function guardRoute(
  context: BrowserContext,
  route: Route,
  options: GuardOptions,
  state: GuardState,
): Promise<void> {
  const request = route.request();
  const url = new URL(request.url());
  const isMain = request.isNavigationRequest() && request.frame() === options.mainFrame();
  const entry: RenderedRequest = {
    url: url.href,
    method: request.method(),
    type: request.resourceType(),
    outcome: 'sent',
  };
  const block =
    budgetBlock(state, options.budget) ?? policyBlockOf(url, request.isNavigationRequest(), options.scope);
  if (state.requests.length < options.budget.maxRequests) state.requests.push(entry);
  const routed = { route, url, isMain, entry };
  if (block) return blockRoute(routed, block, options, state);
  try {
    await forward(context, routed, options, state);
  } catch (error) {
    await failRoute(routed, error, options, state);
  }
}

function blockRoute(routed: Routed, block: RequestBlock, options: GuardOptions, state: GuardState) {
  Object.assign(routed.entry, { outcome: 'blocked', reason: block });
  if (routed.isMain) state.documentError = blockedError(routed.url.href, block, options.scope);
  options.log.debug({ url: routed.url.href, reason: block }, 'render request blocked');
  return routed.route.abort('blockedbyclient');
}

async function forward(context: BrowserContext, routed: Routed, options: GuardOptions, state: GuardState) {
  const { route, url, isMain, entry } = routed;
  const request = route.request();
  const cookies = await context.cookies(url.href);
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const headers = { ...request.headers(), ...(cookie ? { cookie } : {}) };
  const response = await options.transport.send(
    { url: url.href, method: request.method(), headers, body: request.postDataBuffer() ?? undefined },
    {
      scope: options.scope,
      maxBytes: Math.max(0, options.budget.maxBytes - state.bytes),
      maxRedirects: isMain ? 0 : options.budget.maxRedirects,
      timeoutMs: options.budget.requestTimeoutMs,
      signal: options.signal,
    },
  );
  state.bytes += response.body.byteLength;
  Object.assign(entry, { status: response.status, bytes: response.body.byteLength });
  if (isMain && !acceptDocument(url.href, response.status, response.headers, state, options.clock)) {
    // An empty page, not an abort: an abort commits Chromium's error page, which races the next navigation.
    if (state.redirectTo) return route.fulfill({ status: 200, contentType: 'text/html', body: '' });
    return route.abort('blockedbyclient');
  }
  const body = Buffer.from(response.body);
  return route.fulfill({ status: response.status, headers: responseHeaders(response.headers), body });
}

async function failRoute(routed: Routed, error: unknown, options: GuardOptions, state: GuardState) {
  const { url } = routed;
  const failure =
    findFetchError(error) ??
    new RetryableFetchError(url.href, 'network', `渲染时请求 ${url.href} 失败：${String(error)}`, {
      cause: error,
    });
  Object.assign(routed.entry, { outcome: 'failed', reason: failure.reason });
  // One response over the byte budget spends it: later requests are refused unsent.
  if (failure.reason === 'too_large') state.bytes = options.budget.maxBytes;
  if (routed.isMain) state.documentError = failure;
  await routed.route.abort(failure instanceof PermanentFetchError ? 'blockedbyclient' : 'failed');
}

function budgetBlock(state: GuardState, budget: RenderBudget): 'too_large' | 'too_many_requests' | undefined {
  if (state.bytes >= budget.maxBytes) return 'too_large';
  if (state.requests.length >= budget.maxRequests) return 'too_many_requests';
  return undefined;
}

// A 3xx is followed by the renderer (hop checked), a non-2xx is the render's error, as for a plain fetch.
function acceptDocument(
  url: string,
  status: number,
  headers: Headers,
  state: GuardState,
  clock: () => Date,
): boolean {
  state.documentStatus = status;
  const location = headers.get('location');
  if (status >= 300 && status < 400 && status !== 304 && location) {
    state.redirectTo = new URL(location, url).href;
    return false;
  }
  if (status >= 200 && status < 300) return true;
  state.documentError = statusError(url, new Response(null, { status, headers }), clock());
  return false;
}

function responseHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!DROPPED_RESPONSE_HEADERS.has(name)) kept[name] = value;
  });
  const cookies = headers.getSetCookie();
  // Playwright splits set-cookie on newlines.
  if (cookies.length > 0) kept['set-cookie'] = cookies.join('\n');
  return kept;
}

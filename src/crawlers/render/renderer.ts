import { PermanentFetchError, RetryableFetchError } from '../errors.js';
import { type CrawlLog, silentLog } from '../log.js';
import type { RedirectHop } from '../redirects.js';
import { assertHttpUrl, type ResolveHost, resolveHostWithDns } from '../ssrf.js';
import { createBrowserHolder } from './browser-holder.js';
import { DEFAULT_CHROMIUM_PATH, type LaunchBrowser, launchChromium } from './chromium.js';
import { runSession, type SessionSettings } from './page-session.js';
import { launchError, renderError } from './render-errors.js';
import { renderScopeOf } from './request-policy.js';
import type { RenderedRequest } from './route-guard.js';
import { createSlots } from './slots.js';
import { createTransport } from './transport.js';

/** How the renderer behaves; every field has a default. */
export interface RendererOptions {
  /** Default: `$CHROMIUM_PATH`, else /usr/bin/chromium. */
  executablePath?: string;
  /** Pages rendering at once; further renders wait their turn. */
  pages?: number;
  navigationTimeoutMs?: number;
  /** For one request the page makes; a stalled script or image is cut off and the page still loads. */
  requestTimeoutMs?: number;
  /** For a whole render: navigation, redirects, waiting, screenshot. */
  renderTimeoutMs?: number;
  idleWaitMs?: number;
  /** Bytes a render may load in all, document included. */
  maxBytes?: number;
  maxRequests?: number;
  maxRedirects?: number;
  maxScreenshotHeightPx?: number;
  viewport?: { width: number; height: number };
  userAgent?: string;
  connectTimeoutMs?: number;
  resolveHost?: ResolveHost;
  launch?: LaunchBrowser;
  log?: CrawlLog;
  clock?: () => Date;
}

/** What to render and how: wait for a selector (else for the network to go quiet), keep a screenshot. */
export interface RenderOptions {
  waitFor?: string;
  screenshot?: boolean;
  /** URL prefixes documents may come from; other requests may use the prefixes' hosts. Default: the URL's folder. */
  scope?: readonly string[];
  allowPrivate?: boolean;
}

/** A page after its scripts ran, with the requests it made and, when asked, a PNG of it. */
export interface RenderResult {
  url: string;
  finalUrl: string;
  status: number;
  html: string;
  screenshotPng?: Uint8Array;
  requests: RenderedRequest[];
  redirects: RedirectHop[];
  bytes: number;
  timing: {
    startedAt: string;
    durationMs: number;
    /** Set on the render that launched the browser. */
    launchMs?: number;
    navigationMs: number;
    waitMs: number;
    screenshotMs?: number;
  };
}

/** Renders pages in one shared Chromium; throws `RetryableFetchError` or `PermanentFetchError` like the fetcher. */
export interface Renderer {
  render(url: string, options?: RenderOptions): Promise<RenderResult>;
  /** Browsers launched so far (a crash makes the next render launch another). */
  readonly launches: number;
  close(): Promise<void>;
}

const DEFAULTS = {
  pages: 2,
  navigationTimeoutMs: 15_000,
  requestTimeoutMs: 10_000,
  renderTimeoutMs: 30_000,
  idleWaitMs: 2_000,
  maxBytes: 20 * 1024 * 1024,
  maxRequests: 300,
  maxRedirects: 5,
  maxScreenshotHeightPx: 8_000,
  viewport: { width: 1280, height: 900 },
  connectTimeoutMs: 10_000,
};

/** Builds a renderer; the browser is launched by the first render, not here. */
export function createRenderer(options: RendererOptions = {}): Renderer {
  const o = { ...DEFAULTS, ...options };
  const log = options.log ?? silentLog;
  const clock = options.clock ?? (() => new Date());
  const executablePath = options.executablePath ?? process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
  const holder = createBrowserHolder({ executablePath, launch: options.launch ?? launchChromium, log });
  const transport = createTransport({
    connectTimeoutMs: o.connectTimeoutMs,
    resolveHost: options.resolveHost ?? resolveHostWithDns,
  });
  const slots = createSlots(o.pages);
  const settings: SessionSettings = {
    navigationTimeoutMs: o.navigationTimeoutMs,
    idleWaitMs: o.idleWaitMs,
    maxScreenshotHeightPx: o.maxScreenshotHeightPx,
    viewport: o.viewport,
    userAgent: options.userAgent,
    budget: {
      maxBytes: o.maxBytes,
      maxRequests: o.maxRequests,
      maxRedirects: o.maxRedirects,
      requestTimeoutMs: Math.min(o.requestTimeoutMs, o.navigationTimeoutMs),
    },
    transport,
    clock,
    log,
  };
  let closed = false;

  const renderOnce = async (url: URL, request: RenderOptions): Promise<RenderResult> => {
    if (closed)
      throw new RetryableFetchError(url.href, 'browser_crashed', `渲染器已关闭，未渲染 ${url.href}`);
    const startedAt = clock();
    const started = performance.now();
    const live = await holder.acquire().catch((error: unknown) => {
      throw launchError(url.href, error);
    });
    const { stop, release } = stopWhenLostOrLate(url.href, live.disconnected, o.renderTimeoutMs);
    try {
      const scope = renderScopeOf(url, request.scope, request.allowPrivate ?? false);
      const page = await runSession(
        live.browser,
        { url, scope, waitFor: request.waitFor, screenshot: request.screenshot ?? false, stop },
        settings,
      );
      const { navigationMs, waitMs, screenshotMs, ...rest } = page;
      const timing = {
        startedAt: startedAt.toISOString(),
        durationMs: Math.round(performance.now() - started),
        ...(live.launchedNow ? { launchMs: live.launchMs } : {}),
        navigationMs,
        waitMs,
        ...(screenshotMs === undefined ? {} : { screenshotMs }),
      };
      log.debug(
        { url: url.href, finalUrl: rest.finalUrl, requests: rest.requests.length, ...timing },
        'rendered',
      );
      return { url: url.href, ...rest, timing };
    } catch (error) {
      throw renderError(url.href, error, stop.signal, o.navigationTimeoutMs);
    } finally {
      release();
    }
  };

  return {
    render: async (url, request = {}) => slots.run(() => renderOnce(parseTarget(url), request)),
    get launches() {
      return holder.launches;
    },
    close: async () => {
      closed = true;
      await holder.close();
      await transport.close();
    },
  };
}

/**
 * A render's stop signal: aborted with a retryable error when the browser goes away or the deadline passes;
 * `release` ends the watch and stops the render's sub-requests still in flight.
 */
function stopWhenLostOrLate(url: string, disconnected: AbortSignal, timeoutMs: number) {
  const stop = new AbortController();
  const onLost = () =>
    stop.abort(new RetryableFetchError(url, 'browser_crashed', `渲染 ${url} 时 Chromium 意外退出`));
  if (disconnected.aborted) onLost();
  disconnected.addEventListener('abort', onLost, { once: true });
  const late = `渲染 ${url} 未在 ${timeoutMs} 毫秒内完成`;
  const deadline = setTimeout(() => stop.abort(new RetryableFetchError(url, 'timeout', late)), timeoutMs);
  const release = () => {
    clearTimeout(deadline);
    disconnected.removeEventListener('abort', onLost);
    if (!stop.signal.aborted) stop.abort(new Error('render finished'));
  };
  return { stop, release };
}

function parseTarget(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new PermanentFetchError(url, 'invalid_url', `网址格式错误：“${url}”`, { cause: error });
  }
  assertHttpUrl(parsed);
  return parsed;
}

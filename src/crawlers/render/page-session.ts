import { type Browser, type BrowserContext, errors, type Page } from 'playwright-core';
import { RetryableFetchError } from '../errors.js';
import type { CrawlLog } from '../log.js';
import { assertRedirectAllowed, type RedirectHop } from '../redirects.js';
import { normaliseUrl } from '../scope.js';
import type { RenderScope } from './request-policy.js';
import {
  type GuardState,
  installRouteGuard,
  type RenderBudget,
  type RenderedRequest,
} from './route-guard.js';
import type { Transport } from './transport.js';

/** How every render behaves; set once on the renderer. */
export interface SessionSettings {
  navigationTimeoutMs: number;
  /** The longest wait for the network to go quiet after `load` when no selector is given. */
  idleWaitMs: number;
  maxScreenshotHeightPx: number;
  viewport: { width: number; height: number };
  userAgent: string | undefined;
  budget: RenderBudget;
  transport: Transport;
  clock: () => Date;
  log: CrawlLog;
}

/** One render's request: where, what to wait for, whether to keep a screenshot. */
export interface SessionRequest {
  url: URL;
  scope: RenderScope;
  waitFor: string | undefined;
  screenshot: boolean;
  /** Aborted when the render must stop (crash, browser gone, deadline); the context is closed then. */
  stop: AbortController;
}

/** What one session produced, before the renderer adds its timing. */
export interface SessionResult {
  finalUrl: string;
  status: number;
  html: string;
  screenshotPng?: Uint8Array;
  requests: RenderedRequest[];
  redirects: RedirectHop[];
  bytes: number;
  navigationMs: number;
  waitMs: number;
  screenshotMs?: number;
}

/** Renders one URL in a fresh context (nothing persisted), closed afterwards whatever happened. */
export async function runSession(
  browser: Browser,
  request: SessionRequest,
  settings: SessionSettings,
): Promise<SessionResult> {
  const context = await browser.newContext({
    javaScriptEnabled: true,
    acceptDownloads: false,
    serviceWorkers: 'block',
    permissions: [],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: settings.viewport,
    ...(settings.userAgent ? { userAgent: settings.userAgent } : {}),
  });
  const closeContext = () =>
    context
      .close()
      .catch((error: unknown) =>
        settings.log.debug({ error: String(error) }, 'closing a render context failed'),
      );
  request.stop.signal.addEventListener('abort', closeContext, { once: true });
  try {
    return await renderInContext(context, request, settings);
  } finally {
    request.stop.signal.removeEventListener('abort', closeContext);
    await closeContext();
  }
}

async function renderInContext(
  context: BrowserContext,
  request: SessionRequest,
  settings: SessionSettings,
): Promise<SessionResult> {
  let page: Page | undefined;
  const guard = await installRouteGuard(context, {
    scope: request.scope,
    budget: settings.budget,
    transport: settings.transport,
    mainFrame: () => page?.mainFrame(),
    signal: request.stop.signal,
    clock: settings.clock,
    log: settings.log,
  });
  // Pop-ups get no chance to run.
  context.on('page', (opened) => {
    if (page && opened !== page) void opened.close();
  });
  page = await context.newPage();
  const url = request.url.href;
  const crashed = `渲染 ${url} 时页面崩溃（Chromium 渲染进程退出）`;
  page.on('crash', () => request.stop.abort(new RetryableFetchError(url, 'page_crashed', crashed)));
  const started = performance.now();
  const { status, redirects } = await navigate(page, request.url, guard, settings);
  const loaded = performance.now();
  await settle(page, request.waitFor, settings);
  const settled = performance.now();
  const screenshotPng = request.screenshot ? await screenshotOf(page, settings) : undefined;
  const html = await page.content();
  return {
    finalUrl: page.url(),
    status,
    html,
    ...(screenshotPng ? { screenshotPng, screenshotMs: Math.round(performance.now() - settled) } : {}),
    requests: guard.requests,
    redirects,
    bytes: guard.bytes,
    navigationMs: Math.round(loaded - started),
    waitMs: Math.round(settled - loaded),
  };
}

// Main-document redirects are followed here, one navigation per hop, so `route` vets every hop.
async function navigate(
  page: Page,
  start: URL,
  guard: GuardState,
  settings: SessionSettings,
): Promise<{ status: number; redirects: RedirectHop[] }> {
  const redirects: RedirectHop[] = [];
  const seen = new Set<string>();
  let current = start.href;
  for (;;) {
    seen.add(normaliseUrl(current));
    delete guard.redirectTo;
    delete guard.documentError;
    let failure: unknown;
    const response = await page
      .goto(current, { waitUntil: 'load', timeout: settings.navigationTimeoutMs })
      .catch((error: unknown) => {
        failure = error;
        return null;
      });
    if (guard.redirectTo) {
      const next = new URL(guard.redirectTo);
      redirects.push({ url: current, status: guard.documentStatus ?? 302, location: next.href });
      assertRedirectAllowed(start.href, next, redirects, seen, settings.budget.maxRedirects);
      current = next.href;
      continue;
    }
    if (guard.documentError) throw guard.documentError;
    if (failure) throw failure;
    return { status: response?.status() ?? guard.documentStatus ?? 200, redirects };
  }
}

async function settle(page: Page, waitFor: string | undefined, settings: SessionSettings): Promise<void> {
  if (waitFor) {
    try {
      await page.waitForSelector(waitFor, { state: 'attached', timeout: settings.navigationTimeoutMs });
    } catch (error) {
      if (!(error instanceof errors.TimeoutError)) throw error;
      const message = `${page.url()} 加载后 ${settings.navigationTimeoutMs} 毫秒内没有出现 ${waitFor}`;
      throw new RetryableFetchError(page.url(), 'timeout', message, { cause: error });
    }
    return;
  }
  try {
    await page.waitForLoadState('networkidle', { timeout: settings.idleWaitMs });
  } catch (error) {
    // A page that keeps polling never goes idle; what it drew by the cap is what we keep.
    if (!(error instanceof errors.TimeoutError)) throw error;
    settings.log.debug({ url: page.url(), idleWaitMs: settings.idleWaitMs }, 'network did not go idle');
  }
}

// Full page, but no taller than the cap: an endless page must not make an endless image.
async function screenshotOf(page: Page, settings: SessionSettings): Promise<Uint8Array> {
  // A string, since src/ is typed without the DOM library.
  const measured = Number(await page.evaluate('document.documentElement.scrollHeight'));
  const height =
    Number.isFinite(measured) && measured > 0
      ? Math.min(measured, settings.maxScreenshotHeightPx)
      : settings.viewport.height;
  const clip = { x: 0, y: 0, width: settings.viewport.width, height };
  const png = await page.screenshot({
    type: 'png',
    fullPage: true,
    clip,
    animations: 'disabled',
    timeout: settings.navigationTimeoutMs,
  });
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

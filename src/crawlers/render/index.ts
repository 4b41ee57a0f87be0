/**
 * The Chromium renderer for sources whose pages are built by script: one shared browser launched on first
 * use, a small page pool, a fresh context per render, every request checked against the source's scope and
 * the SSRF guard, and errors in the fetch layer's classes.
 */

/** - `DEFAULT_CHROMIUM_PATH`, `launchChromium`, `LaunchBrowser`, `ChromiumMissingError`: launching the system Chromium. */
export {
  ChromiumMissingError,
  DEFAULT_CHROMIUM_PATH,
  type LaunchBrowser,
  launchChromium,
} from './chromium.js';
/**
 * - `createRenderer`: builds the renderer (`render(url, options)`, `close()`).
 * - `Renderer`, `RendererOptions`, `RenderOptions`, `RenderResult`: the renderer, its settings, one render's
 *   request and what it returns.
 */
export {
  createRenderer,
  type Renderer,
  type RendererOptions,
  type RenderOptions,
  type RenderResult,
} from './renderer.js';
/** - `RenderScope`, `PolicyBlock`: where a render may go, and why a request was refused. */
export type { PolicyBlock, RenderScope } from './request-policy.js';
/** - `RenderedRequest`: one request a rendered page made (sent, blocked or failed). */
export type { RenderedRequest } from './route-guard.js';

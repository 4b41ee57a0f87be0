/**
 * The fetch layer: HTTP with limits and guards, retries, robots.txt, per-host politeness, charset decoding.
 * Each name below also carries its own TSDoc where it is declared.
 */

/**
 * - `decodeBody`: decodes an HTML or XML body by BOM, header, `<meta>`, strict UTF-8, a confident sniff, else gb18030.
 * - `normaliseCharset`: a charset label in TextDecoder's spelling, with every GB label as gb18030.
 * - `DecodedText`, `CharsetSource`: the decoded text, the charset used and where it came from.
 */
export { type CharsetSource, type DecodedText, decodeBody, normaliseCharset } from './charset.js';
/**
 * - `crawlSource`: one crawl pass over a source (start pages → lists → new articles → attachments, plus
 *   re-checks), every request in the ledger, resumable from its frontier.
 * - `CrawlEffects`, `CrawlOptions`, `CrawlProgress`, `CrawlReport`, `CrawlStats`: its effects, limits and results.
 * - `PageRenderer`, `RenderedPage`, `AttachmentReading`: what the crawler needs from a browser and a file reader.
 */
export type {
  AttachmentReading,
  CrawlEffects,
  CrawlOptions,
  CrawlProgress,
  CrawlStats,
  PageRenderer,
  RenderedPage,
} from './crawl-context.js';
export { type CrawlReport, crawlSource } from './crawl-source.js';
/**
 * - `RetryableFetchError`: a failure worth retrying (network, DNS, timeout, 5xx, 408, 429 with its Retry-After).
 * - `PermanentFetchError`: a failure retrying will not fix (4xx, too large, redirects, robots, scope, SSRF guard).
 * - `FetchError`: the base of both, carrying the URL, the reason code, the HTTP status and the bytes read.
 * - `RetryableReason`, `PermanentReason`: the reason codes of each class.
 */
export {
  FetchError,
  PermanentFetchError,
  type PermanentReason,
  RetryableFetchError,
  type RetryableReason,
} from './errors.js';
/** - `exportPostWarc`, `evidenceFetches`: a post's fetches (page and attachments) as a gzipped WARC 1.1 file. */
export { evidenceFetches, exportPostWarc } from './evidence-warc.js';
/** - `extractArticle`, `extractListPage`, `extractAttachmentText`, `classifyUrl`: reading saved pages and files. */
export {
  classifyUrl,
  type ExtractedArticle,
  extractArticle,
  extractAttachmentText,
  extractListPage,
} from './extract/index.js';
/**
 * - `parseFeedDocument`: reads an RSS, Atom or JSON Feed body; a feed that cannot be read is a source fault.
 * - `FeedDocumentOptions`: the body's Content-Type and the entry count of the last visit.
 */
export { type FeedDocumentOptions, parseFeedDocument } from './feed.js';
/** - `parseFeedDate`: a feed date as ISO in China time; a date without a zone is read as +08:00. */
export { parseFeedDate } from './feed-dates.js';
/** - `FeedEntry`, `FeedFailure`, `FeedParseResult`, `ParsedFeed`: a feed and its entries, or why it failed. */
export type { FeedEntry, FeedFailure, FeedParseResult, ParsedFeed } from './feed-entry.js';
/** - `FetchedHeaders`: the response headers a fetch keeps (content-type, etag, last-modified, retry-after). */
export type { FetchedHeaders } from './fetch-response.js';
/**
 * - `createFetcher`: builds the fetcher (global fetch, undici agents, timeouts, byte cap, manual redirects).
 * - `Fetcher`, `FetcherOptions`: the fetcher and its options.
 * - `FetchRequest`, `Validators`: one request's scope, address policy, robots gate and conditional validators.
 * - `FetchResult`, `FetchedPage`, `NotModified`: the raw bytes with final URL, redirects and timing, or a 304.
 */
export {
  createFetcher,
  type FetchedPage,
  type Fetcher,
  type FetcherOptions,
  type FetchRequest,
  type FetchResult,
  type NotModified,
  type Validators,
} from './fetcher.js';
/**
 * - `CrawlLog`: the logger the crawlers write to; pino fits it.
 * - `silentLog`: a logger that drops everything.
 */
export { type CrawlLog, silentLog } from './log.js';
/**
 * - `createPoliteScheduler`: runs tasks with at most N in flight per host and starts at least D ms apart.
 * - `hostLimitsOf`: a source's host limits, with robots.txt's Crawl-delay when larger.
 * - `HostLimits`, `PoliteScheduler`, `PolitenessEffects`: the limits, the scheduler and its clock and sleep.
 */
export {
  createPoliteScheduler,
  type HostLimits,
  hostLimitsOf,
  type PolitenessEffects,
  type PoliteScheduler,
} from './politeness.js';
/** - `nextCheckAt`: when a known post is next re-checked for removal and edits. */
export { nextCheckAt } from './recheck-policy.js';
/** - `RedirectHop`: one redirect followed (from, status, to). */
export type { RedirectHop } from './redirects.js';
/**
 * - `Renderer`, `RendererOptions`, `RenderOptions`, `RenderResult`, `RenderedRequest`, `LaunchBrowser`: the
 *   Chromium renderer's types. The renderer itself (`createRenderer`, `launchChromium`, `DEFAULT_CHROMIUM_PATH`,
 *   `ChromiumMissingError`) is imported from `crawlers/render/index.js`, so that playwright-core loads only
 *   where a source renders pages.
 */
export type {
  LaunchBrowser,
  RenderedRequest,
  Renderer,
  RendererOptions,
  RenderOptions,
  RenderResult,
} from './render/index.js';
/**
 * - `withRetry`: runs a task, retrying `RetryableFetchError` with jittered exponential backoff.
 * - `retryDelayMs`: the pause before the next attempt, never shorter than Retry-After.
 * - `parseRetryAfter`: a Retry-After header (seconds or HTTP date) in milliseconds.
 * - `RetryOptions`: attempts, delays, and the injected sleep and random.
 */
export { parseRetryAfter, type RetryOptions, retryDelayMs, withRetry } from './retry.js';
/**
 * - `createRobots`: a robots.txt cache, one fetch per origin kept for a TTL; 4xx allows all, 5xx disallows all.
 * - `Robots`, `RobotsGate`, `RobotsOptions`, `RobotsRequest`, `RobotsVerdict`: the cache, what the fetcher
 *   asks it, its options, and its answers.
 */
export {
  createRobots,
  type Robots,
  type RobotsGate,
  type RobotsOptions,
  type RobotsRequest,
  type RobotsVerdict,
} from './robots.js';
/**
 * - `startSchedule`: starts declarative `{ name, cron, run }` jobs with jitter and no overlap.
 * - `isDue`, `previousSlot`: whether a source's schedule has fired since its last run, and when it last fired.
 */
export {
  isDue,
  type Job,
  type MissedSlot,
  missedSlots,
  previousSlot,
  type Schedule,
  type ScheduleOptions,
  startSchedule,
} from './schedule.js';
/**
 * - `isInScope`: whether a URL starts with one of a source's scope prefixes (http and https alike).
 * - `normaliseUrl`: a URL without fragment, with lower-case host and no default port.
 */
export { isInScope, normaliseUrl } from './scope.js';
/**
 * - `guardUrl`: refuses non-http(s) URLs and hosts that are or resolve to internal addresses.
 * - `isPrivateAddress`: whether an IP is loopback, private, link-local, CGNAT, multicast, mapped or reserved.
 * - `resolveHostWithDns`: the system resolver (`dns.promises.lookup`, all addresses).
 * - `ResolveHost`, `ResolvedAddress`, `GuardOptions`: the injectable resolver and the guard's settings.
 */
export {
  type GuardOptions,
  guardUrl,
  isPrivateAddress,
  type ResolvedAddress,
  type ResolveHost,
  resolveHostWithDns,
} from './ssrf.js';
/** - `contentHash`: the hash of what makes a post version (text, tables, title, dates, attachment links). */
export { contentHash } from './visit-article.js';

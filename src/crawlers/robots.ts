import robotsParserCjs from 'robots-parser';
import { decodeBody } from './charset.js';
import { FetchError, PermanentFetchError, type PermanentReason, RetryableFetchError } from './errors.js';
import type { Fetcher } from './fetcher.js';
import { type CrawlLog, silentLog } from './log.js';

// robots-parser's .d.ts declares an ES default export over a CommonJS module (DEPS.md §4).
const robotsParser = robotsParserCjs as unknown as typeof robotsParserCjs.default;
type Robot = ReturnType<typeof robotsParser>;

/** What robots.txt says about one URL; `unavailable` (5xx, unreachable) means "disallow all, retry later". */
export type RobotsVerdict =
  | { kind: 'allowed' }
  | { kind: 'disallowed' }
  | { kind: 'unavailable'; detail: string };

/** Per-request settings for fetching robots.txt. */
export interface RobotsRequest {
  allowPrivate?: boolean;
}

/** What the fetcher asks before each hop. */
export interface RobotsGate {
  verdict(url: string, request?: RobotsRequest): Promise<RobotsVerdict>;
}

/** robots.txt per origin, fetched once and kept for a while. */
export interface Robots extends RobotsGate {
  isAllowed(url: string, request?: RobotsRequest): Promise<boolean>;
  /** The Crawl-delay for our user agent, in milliseconds; undefined when robots.txt sets none. */
  crawlDelayMs(origin: string, request?: RobotsRequest): Promise<number | undefined>;
}

/** What the robots cache needs; `ttlMs` defaults to a day, `unavailableTtlMs` to five minutes. */
export interface RobotsOptions {
  fetcher: Pick<Fetcher, 'fetch'>;
  userAgent: string;
  clock: () => Date;
  ttlMs?: number;
  unavailableTtlMs?: number;
  log?: CrawlLog;
}

type RobotsFile =
  | { kind: 'rules'; robot: Robot }
  | { kind: 'allow-all'; detail: string }
  | { kind: 'unavailable'; detail: string };

interface Entry {
  file: Promise<RobotsFile>;
  expiresAt: number;
}

// As Google does: a 4xx or a broken redirect means there is no robots.txt, so everything is allowed.
const ALLOW_ALL: ReadonlySet<PermanentReason> = new Set([
  'client_error',
  'too_many_redirects',
  'redirect_loop',
  'bad_redirect',
]);

/** A robots.txt cache keyed by origin that fetches through the given fetcher. */
export function createRobots(options: RobotsOptions): Robots {
  const ttlMs = options.ttlMs ?? 24 * 60 * 60_000;
  const unavailableTtlMs = options.unavailableTtlMs ?? 5 * 60_000;
  const log = options.log ?? silentLog;
  const entries = new Map<string, Entry>();

  function fileFor(origin: string, request: RobotsRequest = {}): Promise<RobotsFile> {
    const cached = entries.get(origin);
    if (cached && cached.expiresAt > options.clock().getTime()) return cached.file;
    // Kept while in flight, so concurrent questions share one fetch.
    const entry: Entry = { file: loadRobotsFile(options.fetcher, origin, request), expiresAt: Infinity };
    entries.set(origin, entry);
    entry.file.then(
      (file) => {
        const unavailable = file.kind === 'unavailable';
        entry.expiresAt = options.clock().getTime() + (unavailable ? unavailableTtlMs : ttlMs);
        const detail = file.kind === 'rules' ? {} : { detail: file.detail };
        log[unavailable ? 'warn' : 'debug']({ origin, kind: file.kind, ...detail }, 'robots.txt read');
      },
      () => entries.delete(origin),
    );
    return entry.file;
  }

  const verdict = async (url: string, request?: RobotsRequest) =>
    verdictOf(await fileFor(new URL(url).origin, request), url, options.userAgent);

  return {
    verdict,
    isAllowed: async (url, request) => (await verdict(url, request)).kind === 'allowed',
    crawlDelayMs: async (origin, request) => {
      const file = await fileFor(new URL(origin).origin, request);
      const seconds = file.kind === 'rules' ? file.robot.getCrawlDelay(options.userAgent) : undefined;
      return seconds === undefined ? undefined : seconds * 1000;
    },
  };
}

async function loadRobotsFile(
  fetcher: Pick<Fetcher, 'fetch'>,
  origin: string,
  request: RobotsRequest,
): Promise<RobotsFile> {
  const robotsUrl = `${origin}/robots.txt`;
  try {
    const result = await fetcher.fetch(robotsUrl, {
      allowPrivate: request.allowPrivate ?? false,
      accept: 'text/plain,*/*;q=0.5',
    });
    if (result.kind === 'not-modified') return { kind: 'unavailable', detail: 'HTTP 304 without validators' };
    const text = decodeBody(result.body, result.headers.contentType).text;
    return { kind: 'rules', robot: robotsParser(robotsUrl, text) };
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    if (ALLOW_ALL.has(error.reason as PermanentReason)) return { kind: 'allow-all', detail: error.message };
    return { kind: 'unavailable', detail: error.message };
  }
}

function verdictOf(file: RobotsFile, url: string, userAgent: string): RobotsVerdict {
  switch (file.kind) {
    case 'allow-all':
      return { kind: 'allowed' };
    case 'unavailable':
      return { kind: 'unavailable', detail: file.detail };
    case 'rules':
      return file.robot.isAllowed(url, userAgent) === false ? { kind: 'disallowed' } : { kind: 'allowed' };
  }
}

/** Throws `robots_disallowed` (permanent) or `robots_unavailable` (retryable) unless the gate allows the URL. */
export async function assertRobotsAllow(robots: RobotsGate, url: URL, allowPrivate: boolean): Promise<void> {
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

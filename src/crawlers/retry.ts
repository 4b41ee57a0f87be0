import { RetryableFetchError } from './errors.js';
import { type CrawlLog, silentLog } from './log.js';

/** How often and how long to retry; `sleep` and `random` are injected so tests never wait. */
export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  /** No pause is longer; a Retry-After beyond it ends the retries instead. */
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1), as `Math.random`. */
  random: () => number;
  log?: CrawlLog;
}

/**
 * Runs `task`, retrying on `RetryableFetchError` with exponential backoff and jitter, honouring the server's
 * Retry-After; any other error, or the last attempt's, is thrown as is.
 */
export async function withRetry<T>(task: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const log = options.log ?? silentLog;
  for (let attempt = 1; ; attempt++) {
    try {
      return await task(attempt);
    } catch (error) {
      if (!(error instanceof RetryableFetchError) || attempt >= options.maxAttempts) throw error;
      const delayMs = retryDelayMs(attempt, error.retryAfterMs, options);
      if (delayMs === undefined) throw error;
      log.debug({ url: error.url, reason: error.reason, attempt, delayMs }, 'retrying fetch');
      await options.sleep(delayMs);
    }
  }
}

/**
 * The pause before the next attempt: the backoff for this attempt with "equal jitter" (between half and all
 * of it), but never less than Retry-After; undefined when Retry-After exceeds `maxDelayMs`.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>,
): number | undefined {
  if (retryAfterMs !== undefined && retryAfterMs > options.maxDelayMs) return undefined;
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(ceiling / 2 + (options.random() * ceiling) / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** A Retry-After header (delay in seconds, or an HTTP date) as milliseconds from `now`; undefined if unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

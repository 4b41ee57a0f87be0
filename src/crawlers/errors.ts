/** Why a fetch failed but may succeed later. */
export type RetryableReason =
  | 'network'
  | 'dns'
  | 'timeout'
  | 'server_error'
  | 'too_many_requests'
  | 'request_timeout'
  | 'robots_unavailable'
  | 'page_crashed'
  | 'browser_crashed';

/** Why a fetch failed and will fail again unless the URL, the source or the site changes. */
export type PermanentReason =
  | 'client_error'
  | 'too_large'
  | 'too_many_redirects'
  | 'redirect_loop'
  | 'bad_redirect'
  | 'robots_disallowed'
  | 'out_of_scope'
  | 'private_address'
  | 'unsupported_scheme'
  | 'invalid_url'
  | 'browser_missing';

/** What a fetch error may carry beyond its URL and reason. */
export interface FetchErrorDetails {
  cause?: unknown;
  status?: number;
  retryAfterMs?: number;
  bytesRead?: number;
}

/** A failed fetch: the URL it failed on, a reason code, and a Chinese message naming the offending value. */
export abstract class FetchError extends Error {
  abstract readonly reason: RetryableReason | PermanentReason;
  readonly status: number | undefined;
  readonly bytesRead: number | undefined;

  constructor(
    readonly url: string,
    message: string,
    details: FetchErrorDetails,
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.bytesRead = details.bytesRead;
  }
}

/** A failure worth retrying after a pause: network, DNS, timeout, 5xx, 408, 429, robots.txt unreachable, a crashed page or browser. */
export class RetryableFetchError extends FetchError {
  override readonly name = 'RetryableFetchError';
  /** How long the server asked us to wait (Retry-After), when it said so. */
  readonly retryAfterMs: number | undefined;

  constructor(
    url: string,
    readonly reason: RetryableReason,
    message: string,
    details: FetchErrorDetails = {},
  ) {
    super(url, message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** A failure that retrying will not fix: 4xx, too large, redirect trouble, robots, scope, SSRF guard, no browser. */
export class PermanentFetchError extends FetchError {
  override readonly name = 'PermanentFetchError';

  constructor(
    url: string,
    readonly reason: PermanentReason,
    message: string,
    details: FetchErrorDetails = {},
  ) {
    super(url, message, details);
  }
}

/** The first `FetchError` in an error's cause chain, since undici wraps what its connector throws. */
export function findFetchError(error: unknown): FetchError | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (e instanceof FetchError) return e;
  }
  return undefined;
}

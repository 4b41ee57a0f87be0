import { describe, expect, it } from 'vitest';
import {
  PermanentFetchError,
  parseRetryAfter,
  RetryableFetchError,
  retryDelayMs,
  withRetry,
} from '../../src/crawlers/index.js';
import { answers, failsThenServes, useFaultServer } from '../helpers/fault-server.js';
import { aFetcher, fixedClock, rejectionOf } from './builders.js';

/** A sleep that returns at once and records what it was asked to wait. */
function aRecordingSleep(): ((ms: number) => Promise<void>) & { delays: number[] } {
  const delays: number[] = [];
  return Object.assign(async (ms: number) => void delays.push(ms), { delays });
}

const retryOptions = (overrides: Partial<Parameters<typeof withRetry>[1]> = {}) => ({
  maxAttempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  sleep: aRecordingSleep(),
  random: () => 0.5,
  ...overrides,
});

const retryable = (retryAfterMs?: number) =>
  new RetryableFetchError('http://www.shifanqu.gov.cn/', 'server_error', '服务器出错', {
    status: 503,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });

describe('withRetry', () => {
  it('returns the first success after retryable failures, pausing with growing jittered delays', async () => {
    const sleep = aRecordingSleep();
    let calls = 0;
    const result = await withRetry(async () => {
      calls++;
      if (calls < 4) throw retryable();
      return 'ok';
    }, retryOptions({ sleep }));
    expect(result).toBe('ok');
    expect(sleep.delays).toEqual([750, 1500, 3000]);
  });

  it('throws the last retryable error once the attempts are used up', async () => {
    const sleep = aRecordingSleep();
    let calls = 0;
    const error = await rejectionOf(
      withRetry(
        async () => {
          calls++;
          throw retryable();
        },
        retryOptions({ sleep, maxAttempts: 3 }),
      ),
    );
    expect(error).toBeInstanceOf(RetryableFetchError);
    expect(calls).toBe(3);
    expect(sleep.delays).toHaveLength(2);
  });

  it('does not retry a permanent error', async () => {
    const sleep = aRecordingSleep();
    let calls = 0;
    const permanent = new PermanentFetchError('http://www.shifanqu.gov.cn/x', 'client_error', '404', {
      status: 404,
    });
    const error = await rejectionOf(
      withRetry(async () => {
        calls++;
        throw permanent;
      }, retryOptions({ sleep })),
    );
    expect(error).toBe(permanent);
    expect(calls).toBe(1);
    expect(sleep.delays).toEqual([]);
  });

  it('waits at least as long as Retry-After asks', async () => {
    const sleep = aRecordingSleep();
    let calls = 0;
    await withRetry(async () => {
      if (++calls === 1) throw retryable(20_000);
      return 'ok';
    }, retryOptions({ sleep }));
    expect(sleep.delays).toEqual([20_000]);
  });

  it('gives up at once when Retry-After is beyond the longest pause', async () => {
    const sleep = aRecordingSleep();
    const error = await rejectionOf(
      withRetry(async () => {
        throw retryable(3_600_000);
      }, retryOptions({ sleep })),
    );
    expect(error).toMatchObject({ retryAfterMs: 3_600_000 });
    expect(sleep.delays).toEqual([]);
  });

  describe('against the fault server', () => {
    const server = useFaultServer({
      '/flaky': failsThenServes(2, 503, '<p>第三次才好</p>'),
      '/throttled': failsThenServes(1, 429, '<p>稍等</p>', { 'retry-after': '2' }),
      '/down': answers(503),
    });
    const fetcher = aFetcher();
    const local = { allowPrivate: true };

    it('gets the page after a 503 twice, then 200', async () => {
      const sleep = aRecordingSleep();
      const result = await withRetry(
        () => fetcher.fetch(server().url('/flaky'), local),
        retryOptions({ sleep }),
      );
      expect(result.status).toBe(200);
      expect(server().hits('/flaky')).toBe(3);
      expect(sleep.delays).toEqual([750, 1500]);
    });

    it('honours a 429 with Retry-After: 2', async () => {
      const sleep = aRecordingSleep();
      const result = await withRetry(
        () => fetcher.fetch(server().url('/throttled'), local),
        retryOptions({ sleep, baseDelayMs: 100 }),
      );
      expect(result.status).toBe(200);
      expect(sleep.delays).toEqual([2000]);
    });

    it('passes the attempt number to the task and stops at the maximum', async () => {
      const attempts: number[] = [];
      const error = await rejectionOf(
        withRetry(
          (attempt) => {
            attempts.push(attempt);
            return fetcher.fetch(server().url('/down'), local);
          },
          retryOptions({ maxAttempts: 3 }),
        ),
      );
      expect(error).toMatchObject({ reason: 'server_error', status: 503 });
      expect(attempts).toEqual([1, 2, 3]);
    });
  });
});

describe('retryDelayMs', () => {
  const options = { baseDelayMs: 1000, maxDelayMs: 10_000 };

  it('returns between half and all of the exponential backoff', () => {
    expect(retryDelayMs(1, undefined, { ...options, random: () => 0 })).toBe(500);
    expect(retryDelayMs(3, undefined, { ...options, random: () => 0.999_999 })).toBe(4000);
  });

  it('returns no more than the maximum delay', () => {
    expect(retryDelayMs(10, undefined, { ...options, random: () => 0.999_999 })).toBe(10_000);
  });

  it('returns Retry-After when it is longer than the backoff', () => {
    expect(retryDelayMs(1, 7000, { ...options, random: () => 0 })).toBe(7000);
  });

  it('returns undefined when Retry-After exceeds the maximum delay', () => {
    expect(retryDelayMs(1, 10_001, { ...options, random: () => 0 })).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  it('returns milliseconds for a delay in seconds', () => {
    expect(parseRetryAfter('120', fixedClock())).toBe(120_000);
  });

  it('returns the time until an HTTP date', () => {
    expect(parseRetryAfter('Tue, 30 Jun 2020 02:00:05 GMT', fixedClock())).toBe(5000);
  });

  it('returns zero for an HTTP date in the past', () => {
    expect(parseRetryAfter('Mon, 29 Jun 2020 02:00:00 GMT', fixedClock())).toBe(0);
  });

  it('returns undefined for a missing or unreadable value', () => {
    expect(parseRetryAfter(null, fixedClock())).toBeUndefined();
    expect(parseRetryAfter('soon', fixedClock())).toBeUndefined();
    expect(parseRetryAfter('-5', fixedClock())).toBeUndefined();
  });
});

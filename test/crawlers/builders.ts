import { afterAll } from 'vitest';
import {
  createFetcher,
  type Fetcher,
  type FetcherOptions,
  type ResolveHost,
} from '../../src/crawlers/index.js';

export const TEST_USER_AGENT = 'gongkai-test/0.1 (+https://example.org/gongkai)';
export const fixedClock = () => new Date('2020-06-30T02:00:00Z');

/** A clock the test moves by hand. */
export function aManualClock(start = '2020-06-30T02:00:00Z'): (() => Date) & { advance(ms: number): void } {
  let now = new Date(start).getTime();
  const advance = (ms: number) => {
    now += ms;
  };
  return Object.assign(() => new Date(now), { advance });
}

/** A resolver that knows only the names given, each with its addresses; it records every name asked. */
export function aResolver(names: Record<string, string[]>): ResolveHost & { asked: string[] } {
  const asked: string[] = [];
  const resolve: ResolveHost = async (hostname) => {
    asked.push(hostname);
    const addresses = names[hostname];
    if (!addresses)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as const);
  };
  return Object.assign(resolve, { asked });
}

/** A fetcher with small limits for tests, closed after the file's tests. */
export function aFetcher(overrides: Partial<FetcherOptions> = {}): Fetcher {
  const fetcher = createFetcher({
    userAgent: TEST_USER_AGENT,
    connectTimeoutMs: 1000,
    timeoutMs: 2000,
    maxBytes: 1024 * 1024,
    maxRedirects: 5,
    resolveHost: aResolver({ 'public.test': ['93.184.216.34'] }),
    clock: fixedClock,
    ...overrides,
  });
  afterAll(() => fetcher.close());
  return fetcher;
}

/** The error a promise rejects with, or a failure if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

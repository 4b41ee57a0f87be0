/** Failed attempts per key within a sliding window; past the limit the key must wait. */
export interface RateLimiter {
  /** Milliseconds to wait before another attempt, or 0 when one is allowed. */
  retryAfterMs(key: string): number;
  fail(key: string): void;
  succeed(key: string): void;
}

export function createRateLimiter(options: {
  maxFailures: number;
  windowMs: number;
  now: () => number;
}): RateLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string) => {
    const since = options.now() - options.windowMs;
    const list = (failures.get(key) ?? []).filter((t) => t > since);
    if (list.length > 0) failures.set(key, list);
    else failures.delete(key);
    return list;
  };
  return {
    retryAfterMs: (key) => {
      const list = recent(key);
      if (list.length < options.maxFailures) return 0;
      return Math.max(1, (list[0] as number) + options.windowMs - options.now());
    },
    fail: (key) => {
      failures.set(key, [...recent(key), options.now()]);
      // Bounded: a flood of distinct keys cannot grow the map without limit.
      if (failures.size > 10_000) failures.delete(failures.keys().next().value as string);
    },
    succeed: (key) => {
      failures.delete(key);
    },
  };
}

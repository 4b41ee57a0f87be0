import pLimit, { type LimitFunction } from 'p-limit';

/** How hard one host may be hit: requests in flight, and the gap between request starts. */
export interface HostLimits {
  concurrency: number;
  delayMs: number;
  /** robots.txt's Crawl-delay in milliseconds; used when larger than `delayMs`. */
  crawlDelayMs?: number | undefined;
}

/** Runs tasks against hosts politely; a task's host is that of the URL it is queued with. */
export interface PoliteScheduler {
  run<T>(url: string | URL, limits: HostLimits, task: () => Promise<T>): Promise<T>;
}

/** The clock and the sleep the scheduler spaces requests with; tests pass fakes. */
export interface PolitenessEffects {
  clock: () => Date;
  sleep: (ms: number) => Promise<void>;
}

interface HostState {
  limit: LimitFunction;
  nextStartAt: number;
}

/**
 * A scheduler that keeps at most `concurrency` tasks in flight per host and starts them at least
 * `max(delayMs, crawlDelayMs)` apart.
 */
export function createPoliteScheduler(effects: PolitenessEffects): PoliteScheduler {
  const hosts = new Map<string, HostState>();

  function stateFor(host: string, concurrency: number): HostState {
    const known = hosts.get(host);
    if (!known) {
      const state = { limit: pLimit(concurrency), nextStartAt: Number.NEGATIVE_INFINITY };
      hosts.set(host, state);
      return state;
    }
    if (known.limit.concurrency !== concurrency) known.limit.concurrency = concurrency;
    return known;
  }

  return {
    run: (url, limits, task) => {
      const state = stateFor(new URL(url).host, limits.concurrency);
      const gapMs = Math.max(limits.delayMs, limits.crawlDelayMs ?? 0);
      return state.limit(async () => {
        const now = effects.clock().getTime();
        // The slot is booked before sleeping, so tasks admitted together queue up one gap apart.
        const startAt = Math.max(now, state.nextStartAt);
        state.nextStartAt = startAt + gapMs;
        if (startAt > now) await effects.sleep(startAt - now);
        return task();
      });
    },
  };
}

/** The limits of a source for its hosts, with the robots.txt Crawl-delay when there is one. */
export function hostLimitsOf(
  source: { concurrency: number; delayMs: number },
  crawlDelayMs?: number,
): HostLimits {
  return { concurrency: source.concurrency, delayMs: source.delayMs, crawlDelayMs };
}

import { describe, expect, it } from 'vitest';
import { createPoliteScheduler, hostLimitsOf } from '../../src/crawlers/index.js';
import { aManualClock } from './builders.js';

/** A task that stays in flight until the test finishes it. */
function aDeferred() {
  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { done, finish };
}

/** A scheduler on a manual clock whose sleep moves the clock and records the wait. */
function aScheduler() {
  const clock = aManualClock('2020-06-30T02:00:00Z');
  const t0 = clock().getTime();
  const sleeps: number[] = [];
  const starts: { url: string; atMs: number }[] = [];
  const scheduler = createPoliteScheduler({
    clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
  });
  const startAt = (url: string) => starts.push({ url, atMs: clock().getTime() - t0 });
  return { scheduler, clock, sleeps, starts, startAt };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('createPoliteScheduler', () => {
  it('starts requests to one host at least delayMs apart', async () => {
    const { scheduler, starts, startAt } = aScheduler();
    const limits = { concurrency: 1, delayMs: 2000 };
    await Promise.all(
      ['/a', '/b', '/c'].map((path) =>
        scheduler.run(`http://www.shifanqu.gov.cn${path}`, limits, async () => startAt(path)),
      ),
    );
    expect(starts).toEqual([
      { url: '/a', atMs: 0 },
      { url: '/b', atMs: 2000 },
      { url: '/c', atMs: 4000 },
    ]);
  });

  it('keeps at most `concurrency` tasks in flight per host', async () => {
    const { scheduler } = aScheduler();
    const limits = { concurrency: 2, delayMs: 0 };
    let inFlight = 0;
    let most = 0;
    const tasks = Array.from({ length: 5 }, () => aDeferred());
    const runs = tasks.map((task) =>
      scheduler.run('http://www.shifanqu.gov.cn/x', limits, async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        await task.done;
        inFlight--;
      }),
    );
    await flush();
    expect(inFlight).toBe(2);
    for (const task of tasks) {
      task.finish();
      await flush();
    }
    await Promise.all(runs);
    expect(most).toBe(2);
  });

  it('lets different hosts proceed without waiting for each other', async () => {
    const { scheduler, starts, startAt } = aScheduler();
    const limits = { concurrency: 1, delayMs: 5000 };
    await Promise.all([
      scheduler.run('http://www.shifanqu.gov.cn/a', limits, async () => startAt('www')),
      scheduler.run('http://czj.shifanqu.gov.cn/a', limits, async () => startAt('czj')),
      scheduler.run('http://127.0.0.1:8080/a', limits, async () => startAt('local-8080')),
      scheduler.run('http://127.0.0.1:8081/a', limits, async () => startAt('local-8081')),
    ]);
    expect(starts.map((s) => s.atMs)).toEqual([0, 0, 0, 0]);
  });

  it('spaces requests by robots.txt’s Crawl-delay when it is longer than delayMs', async () => {
    const { scheduler, sleeps } = aScheduler();
    const limits = hostLimitsOf({ concurrency: 1, delayMs: 1000 }, 10_000);
    await Promise.all(
      [1, 2, 3].map(() => scheduler.run('http://www.shifanqu.gov.cn/', limits, async () => undefined)),
    );
    expect(sleeps).toEqual([10_000, 10_000]);
  });

  it('does not wait when the gap has already passed', async () => {
    const { scheduler, clock, sleeps } = aScheduler();
    const limits = { concurrency: 1, delayMs: 2000 };
    await scheduler.run('http://www.shifanqu.gov.cn/a', limits, async () => undefined);
    clock.advance(3000);
    await scheduler.run('http://www.shifanqu.gov.cn/b', limits, async () => undefined);
    expect(sleeps).toEqual([]);
  });

  it('passes on the task’s result and its error', async () => {
    const { scheduler } = aScheduler();
    const limits = { concurrency: 1, delayMs: 0 };
    await expect(scheduler.run('http://www.shifanqu.gov.cn/', limits, async () => 42)).resolves.toBe(42);
    await expect(
      scheduler.run('http://www.shifanqu.gov.cn/', limits, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
  });
});

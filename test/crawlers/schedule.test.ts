import { afterEach, describe, expect, it, vi } from 'vitest';
import { isDue, missedSlots, previousSlot, silentLog, startSchedule } from '../../src/crawlers/index.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('previousSlot', () => {
  it('finds the last 06:00 in China time (22:00 UTC the day before)', () => {
    const slot = previousSlot('0 6 * * *', 'Asia/Shanghai', new Date('2020-05-12T03:00:00Z'));
    expect(slot?.toISOString()).toBe('2020-05-11T22:00:00.000Z');
  });
});

describe('isDue', () => {
  it('is due when never run, or when the last run began before the latest slot', () => {
    const now = new Date('2020-05-12T03:00:00Z');
    expect(isDue('0 6 * * *', 'Asia/Shanghai', undefined, now)).toBe(true);
    expect(isDue('0 6 * * *', 'Asia/Shanghai', '2020-05-11T21:00:00Z', now)).toBe(true);
    expect(isDue('0 6 * * *', 'Asia/Shanghai', '2020-05-11T22:05:00Z', now)).toBe(false);
    expect(isDue(null, 'Asia/Shanghai', undefined, now)).toBe(false);
  });
});

describe('missedSlots', () => {
  it('lists the sources whose latest slot passed while nothing ran them', () => {
    const now = new Date('2020-05-12T03:00:00Z');
    const last: Record<string, string> = { a: '2020-05-10T22:01:00Z', b: '2020-05-11T22:01:00Z' };
    const missed = missedSlots(
      [
        { id: 'a', schedule: '0 6 * * *' },
        { id: 'b', schedule: '0 6 * * *' },
        { id: 'c', schedule: '0 6 * * *' },
        { id: 'd', schedule: null },
      ],
      (id) => last[id],
      'Asia/Shanghai',
      now,
    );
    expect(missed.map((m) => [m.sourceId, m.slot.toISOString(), m.never])).toEqual([
      ['a', '2020-05-11T22:00:00.000Z', false],
      ['c', '2020-05-11T22:00:00.000Z', true],
    ]);
  });
});

describe('startSchedule', () => {
  it('runs a job on its slots and never lets it overlap itself', async () => {
    vi.useFakeTimers({ now: new Date('2020-05-12T00:00:00Z') });
    let running = 0;
    let maxRunning = 0;
    const starts: Date[] = [];
    const warnings: string[] = [];
    const schedule = startSchedule(
      [
        {
          name: 'slow',
          cron: '* * * * * *',
          run: async (slot) => {
            starts.push(slot);
            running += 1;
            maxRunning = Math.max(maxRunning, running);
            await new Promise((r) => setTimeout(r, 2500));
            running -= 1;
          },
        },
      ],
      { timezone: 'Asia/Shanghai', maxJitterMs: 0, log: { ...silentLog, warn: (_f, m) => warnings.push(m) } },
    );
    await vi.advanceTimersByTimeAsync(7200);
    const stopping = schedule.stop();
    await vi.advanceTimersByTimeAsync(5000);
    await stopping;
    expect(maxRunning).toBe(1);
    expect(starts.length).toBeGreaterThanOrEqual(2);
    expect(starts.length).toBeLessThanOrEqual(3);
  });

  it('keeps running other jobs when one fails', async () => {
    vi.useFakeTimers({ now: new Date('2020-05-12T00:00:00Z') });
    let ok = 0;
    const schedule = startSchedule(
      [
        { name: 'bad', cron: '* * * * * *', run: async () => Promise.reject(new Error('boom')) },
        {
          name: 'good',
          cron: '* * * * * *',
          run: async () => {
            ok += 1;
          },
        },
      ],
      { timezone: 'Asia/Shanghai', maxJitterMs: 0, log: silentLog },
    );
    await vi.advanceTimersByTimeAsync(3200);
    await schedule.stop();
    expect(ok).toBeGreaterThanOrEqual(2);
  });
});

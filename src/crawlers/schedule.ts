import cron, { type ScheduledTask } from 'node-cron';
import type { CrawlLog } from './log.js';

/** A scheduled job: a name, a cron expression, and what it runs. */
export interface Job {
  name: string;
  cron: string;
  run: (slot: Date) => Promise<unknown>;
}

const MINUTE_MS = 60_000;

/**
 * The latest time at or before `now` (to the minute) that the cron expression fires, looking back at most
 * `lookbackMs`; undefined when it did not fire in that window.
 */
export function previousSlot(
  expression: string,
  timezone: string,
  now: Date,
  lookbackMs = 8 * 86_400_000,
): Date | undefined {
  const task = cron.createTask(expression, () => undefined, { timezone });
  try {
    const start = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
    for (let t = start; t >= now.getTime() - lookbackMs; t -= MINUTE_MS) {
      if (task.match(new Date(t))) return new Date(t);
    }
    return undefined;
  } finally {
    void task.destroy();
  }
}

/** Whether a source is due: it never ran, or its last run began before the schedule's latest slot. */
export function isDue(
  expression: string | null,
  timezone: string,
  lastRunStartedAt: string | undefined,
  now: Date,
): boolean {
  if (!expression) return false;
  if (!lastRunStartedAt) return true;
  const slot = previousSlot(expression, timezone, now);
  return slot !== undefined && Date.parse(lastRunStartedAt) < slot.getTime();
}

export interface ScheduleOptions {
  timezone: string;
  /** Each run starts up to this much later than its slot, so sources sharing a slot do not start together. */
  maxJitterMs: number;
  log: CrawlLog;
}

/** Running jobs; `stop` lets no new run start and waits for those in flight. */
export interface Schedule {
  stop(): Promise<void>;
  readonly running: ReadonlySet<string>;
}

/**
 * Starts the jobs on their cron expressions. A job never overlaps itself (a slot that comes while it runs is
 * skipped and logged), and a failing job never stops the others.
 */
export function startSchedule(jobs: readonly Job[], options: ScheduleOptions): Schedule {
  const running = new Set<string>();
  const inFlight = new Set<Promise<unknown>>();
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(
      job.cron,
      (context) => {
        if (running.has(job.name)) {
          options.log.warn({ job: job.name }, 'skipped a slot: the previous run is still going');
          return;
        }
        running.add(job.name);
        const execution = job
          .run(context.date)
          .catch((error: unknown) => options.log.warn({ job: job.name, error: String(error) }, 'job failed'))
          .finally(() => {
            running.delete(job.name);
            inFlight.delete(execution);
          });
        inFlight.add(execution);
        return execution;
      },
      { timezone: options.timezone, name: job.name, noOverlap: true, maxRandomDelay: options.maxJitterMs },
    ),
  );
  return {
    running,
    stop: async () => {
      await Promise.all(tasks.map((t) => t.stop()));
      await Promise.all([...inFlight]);
      await Promise.all(tasks.map((t) => t.destroy()));
    },
  };
}

/** A source whose latest scheduled slot passed while nothing ran it (the daemon was down). */
export interface MissedSlot {
  sourceId: string;
  slot: Date;
  /** True when the source has never been crawled at all. */
  never: boolean;
}

/** The sources that missed their latest slot, to record the miss and crawl them now (catch-up). */
export function missedSlots(
  sources: readonly { id: string; schedule: string | null }[],
  lastRunStartedAt: (sourceId: string) => string | undefined,
  timezone: string,
  now: Date,
): MissedSlot[] {
  return sources.flatMap((source) => {
    if (!source.schedule) return [];
    const slot = previousSlot(source.schedule, timezone, now);
    if (!slot) return [];
    const last = lastRunStartedAt(source.id);
    if (last && Date.parse(last) >= slot.getTime()) return [];
    return [{ sourceId: source.id, slot, never: last === undefined }];
  });
}

import type { Catalog, IsoDate, WorkingCalendar } from '../catalog/index.js';
import { type Job, missedSlots, startSchedule } from '../crawlers/index.js';
import type { Scheme } from '../scoring/index.js';
import type { ServerActions } from '../server/index.js';
import type { Store } from '../store/index.js';
import { createCrawlEffects } from './crawl-effects.js';
import { createDaemonCrawls } from './daemon-crawls.js';
import { componentLog, type DaemonLogger } from './daemon-log.js';
import {
  backupDue,
  dailyCron,
  retentionCutoffs,
  runBackupJob,
  runRetentionJob,
  runSealJob,
} from './daemon-upkeep.js';
import { runMatchStage } from './match-stage.js';
import { scoreStored } from './score-commands.js';
import { createServerActions } from './server-actions.js';
import { debounce, serialQueue } from './work-queue.js';

/** What the daemon runs on and how. */
export interface DaemonOptions {
  store: Store;
  catalog: Catalog;
  calendar: WorkingCalendar;
  scheme: Scheme;
  calendarFile: string | undefined;
  logger: DaemonLogger;
  timezone: string;
  jitterMs: number;
  chromiumPath?: string;
  userAgent?: string;
  backup: { enabled: boolean; dir: string; time: string; keep: number };
  retention: { days: number; frontierDays: number; time: string };
  /** Rescoring waits for crawls to stop finishing for `quietMs`, at most `maxWaitMs`. */
  rescore?: { quietMs: number; maxWaitMs: number };
  maxSourcesAtOnce?: number;
  clock?: () => Date;
}

/** The running daemon: the actions the dashboard calls, and a stop that hands back in-flight work. */
export interface Daemon {
  actions: ServerActions;
  sources: number;
  startup: { missed: number; resuming: number };
  /** Takes no new work, lets crawls stop at their next page (resumable), waits for scoring; the store stays open. */
  stop(): Promise<void>;
}

const chinaDay = (at: Date): IsoDate => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Starts the scheduler: each source on its cron (missed slots caught up, interrupted runs resumed), match and score
 * of the current year after each burst of crawls, the daily backup and ledger retention. One writer: scoring and
 * the dashboard's actions go through one queue.
 */
export function startDaemon(options: DaemonOptions): Daemon {
  const { store, catalog, calendar, scheme, logger, timezone } = options;
  const clock = options.clock ?? (() => new Date());
  const log = {
    scheduler: componentLog(logger, 'scheduler'),
    crawl: componentLog(logger, 'crawl'),
    score: componentLog(logger, 'score'),
    backup: componentLog(logger, 'backup'),
    retention: componentLog(logger, 'retention'),
  };
  const sources = store.sources.list().filter((s) => s.kind !== 'offline' && s.schedule);
  const stopping = new AbortController();
  const queue = serialQueue();
  const setup = createCrawlEffects(store, {
    log: log.crawl,
    needsBrowser: sources.some((s) => s.render === 'browser'),
    ...(options.chromiumPath ? { chromiumPath: options.chromiumPath } : {}),
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
  });
  const claims = createServerActions({
    store,
    catalog,
    calendar,
    scheme,
    calendarFile: options.calendarFile,
    log: log.crawl,
    ...(options.chromiumPath ? { chromiumPath: options.chromiumPath } : {}),
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
  });

  // The current year as of today; a past year as of the day it was last assessed.
  const rescore = async (year: number, reason: string) => {
    const today = chinaDay(clock());
    const day = today.startsWith(String(year))
      ? today
      : (store.scores.latest(year)?.today ?? `${year}-12-31`);
    const started = Date.now();
    const matched = runMatchStage(store, { catalog, calendar });
    const { runId } = await scoreStored(
      store,
      { catalog, calendar, scheme, year, today: day },
      options.calendarFile,
    );
    log.score.info(
      { year, today: day, runId, matched: matched.matched, reason, durationMs: Date.now() - started },
      'score finished',
    );
  };
  let scoreQueued = false;
  const scoreAfterCrawls = debounce(() => {
    if (scoreQueued) return;
    scoreQueued = true;
    void queue(async () => {
      scoreQueued = false;
      await rescore(Number(chinaDay(clock()).slice(0, 4)), 'crawls');
    }).catch((error: unknown) => log.score.error({ err: error }, 'score failed'));
  }, options.rescore ?? { quietMs: 60_000, maxWaitMs: 600_000 });
  const crawls = createDaemonCrawls({
    store,
    effects: setup.effects,
    signal: stopping.signal,
    log: log.crawl,
    maxSourcesAtOnce: options.maxSourcesAtOnce ?? 4,
    onCrawled: () => {
      if (!stopping.signal.aborted) scoreAfterCrawls.request();
    },
  });

  // Slots missed while the daemon was down are recorded and caught up; interrupted runs resume from their frontier.
  const missed = missedSlots(sources, (id) => store.runs.last(id)?.startedAt, timezone, clock());
  for (const m of missed) if (!m.never) store.runs.missed(m.sourceId, m.slot.toISOString());
  const resuming = sources.filter((s) => store.runs.unfinished(s.id)).map((s) => s.id);
  const startup = Promise.all([
    ...missed.map((m) => crawls.crawl(m.sourceId, 'catch-up', m.slot)),
    ...resuming.map((id) => crawls.crawl(id, 'catch-up')),
  ]);
  const backup = () =>
    runBackupJob(
      store,
      { dir: options.backup.dir, keep: options.backup.keep, timezone, now: clock() },
      log.backup,
    );
  const firstBackup =
    options.backup.enabled && backupDue(options.backup.dir, clock()) ? backup() : Promise.resolve(undefined);

  const jobs: Job[] = [
    ...sources.map((s) => ({
      name: `source:${s.id}`,
      cron: s.schedule as string,
      run: (slot: Date) => crawls.crawl(s.id, 'schedule', slot),
    })),
    ...(options.backup.enabled
      ? [{ name: 'backup', cron: dailyCron(options.backup.time), run: backup }]
      : []),
    {
      name: 'retention',
      cron: dailyCron(options.retention.time),
      // Sealed first: a day's manifest must hash its rows before retention may delete any of them.
      run: () => {
        runSealJob(store, clock(), log.retention);
        return runRetentionJob(
          store,
          retentionCutoffs(clock(), options.retention.days, options.retention.frontierDays),
          log.retention,
        );
      },
    },
  ];
  const schedule = startSchedule(jobs, { timezone, maxJitterMs: options.jitterMs, log: log.scheduler });
  log.scheduler.info(
    {
      sources: sources.length,
      missed: missed.length,
      resuming: resuming.length,
      timezone,
      jobs: jobs.length,
    },
    'scheduler started',
  );

  const actions: ServerActions = {
    rescore: (year) => queue(() => rescore(year, 'dashboard')),
    crawlNow: async (sourceId) => {
      const report = await crawls.crawl(sourceId, 'manual');
      if (!report) throw new Error(`source ${sourceId} was not crawled (stopping, inactive or offline)`);
      await queue(async () => void runMatchStage(store, { catalog, calendar }));
      return { status: report.status, newPosts: report.stats.newPosts };
    },
    fetchClaimed: (url, sourceId) => queue(() => claims.fetchClaimed(url, sourceId)),
  };

  return {
    actions,
    sources: sources.length,
    startup: { missed: missed.length, resuming: resuming.length },
    stop: async () => {
      log.scheduler.info(
        {},
        'stopping: no new work; crawls in flight stop at their next page and stay resumable',
      );
      stopping.abort();
      await schedule.stop();
      await Promise.allSettled([startup, firstBackup, ...crawls.inFlight()]);
      scoreAfterCrawls.cancel();
      await queue.idle();
      await setup.close();
      await claims.close();
      log.scheduler.info({}, 'scheduler stopped');
    },
  };
}

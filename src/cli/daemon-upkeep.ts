import { applyRetention, type RetentionCutoffs, type RetentionResult, type Store } from '../store/index.js';
import { backupAndRotate, listBackups, type RotatedBackup } from './backups.js';
import type { componentLog } from './daemon-log.js';

type Log = ReturnType<typeof componentLog>;

const DAY_MS = 86_400_000;

/** A daily cron expression for a "HH:MM" time. */
export function dailyCron(time: string): string {
  const [hour, minute] = time.split(':').map(Number);
  return `${minute} ${hour} * * *`;
}

/** The cutoffs of a retention pass at `now`: per-fetch rows after `days`, finished frontiers after `frontierDays`. */
export function retentionCutoffs(now: Date, days: number, frontierDays: number): RetentionCutoffs {
  return {
    fetchesBefore: new Date(now.getTime() - days * DAY_MS).toISOString(),
    frontierBefore: new Date(now.getTime() - frontierDays * DAY_MS).toISOString(),
  };
}

/** Whether the newest backup in `dir` is older than a day (or there is none): the daemon then makes one at start. */
export function backupDue(dir: string, now: Date): boolean {
  const newest = listBackups(dir)[0];
  return !newest || now.getTime() - newest.modifiedMs > DAY_MS;
}

/** A backup with rotation, logged; a failure is logged and never stops the daemon. */
export async function runBackupJob(
  store: Store,
  options: { dir: string; keep: number; timezone: string; now: Date },
  log: Log,
): Promise<RotatedBackup | undefined> {
  const started = Date.now();
  try {
    const result = await backupAndRotate(store, options);
    log.info(
      {
        file: result.file,
        bytes: result.bytes,
        removed: result.removed.length,
        keep: options.keep,
        durationMs: Date.now() - started,
      },
      'backup written',
    );
    return result;
  } catch (error) {
    log.error({ err: error, dir: options.dir }, 'backup failed');
    return undefined;
  }
}

/** Seals the finished days not sealed yet, logged; a failure is logged and never stops the daemon. */
export function runSealJob(store: Store, now: Date, log: Log): number | undefined {
  const started = Date.now();
  try {
    const sealed = store.manifests.seal(now);
    log.info(
      { days: sealed.length, head: sealed.at(-1)?.sha256, durationMs: Date.now() - started },
      'evidence days sealed',
    );
    return sealed.length;
  } catch (error) {
    log.error({ err: error }, 'sealing failed');
    return undefined;
  }
}

/** One retention pass, logged; a failure is logged and never stops the daemon. */
export async function runRetentionJob(
  store: Store,
  cutoffs: RetentionCutoffs,
  log: Log,
): Promise<RetentionResult | undefined> {
  const started = Date.now();
  try {
    const result = await applyRetention(store.retention, cutoffs);
    log.info({ ...cutoffs, ...result, durationMs: Date.now() - started }, 'retention applied');
    return result;
  } catch (error) {
    log.error({ err: error }, 'retention failed');
    return undefined;
  }
}

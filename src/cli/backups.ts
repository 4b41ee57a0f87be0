import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { type BackupResult, backupStore, type Store } from '../store/index.js';

const BACKUP_NAME = /^gongkai-\d{8}-\d{4}\.db$/;

/** `gongkai-YYYYMMDD-HHMM.db`, the time in the given zone (names sort oldest first). */
export function backupFileName(at: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `gongkai-${part('year')}${part('month')}${part('day')}-${part('hour')}${part('minute')}.db`;
}

/** The backups in a folder, newest first; other files are not ours and are left alone. */
export function listBackups(dir: string): { file: string; modifiedMs: number }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => BACKUP_NAME.test(n))
    .sort()
    .reverse()
    .map((n) => {
      const file = path.join(dir, n);
      return { file, modifiedMs: statSync(file).mtimeMs };
    });
}

/** What a scheduled backup did: the verified copy, and the old ones removed to keep the newest `keep`. */
export interface RotatedBackup extends BackupResult {
  removed: string[];
}

/**
 * Writes a verified online backup named for the time into `dir` (made if missing), then removes all but the
 * newest `keep` backups there. A backup in the same minute replaces the one before it.
 */
export async function backupAndRotate(
  store: Store,
  options: { dir: string; keep: number; timezone: string; now: Date },
): Promise<RotatedBackup> {
  mkdirSync(options.dir, { recursive: true });
  const file = path.join(options.dir, backupFileName(options.now, options.timezone));
  const result = await backupStore(store, file, { overwrite: true });
  // The copy just made is kept whatever its name says (a clock set back would sort it among the old ones).
  const removed = listBackups(options.dir)
    .filter((b) => b.file !== file)
    .slice(Math.max(0, options.keep - 1))
    .map((b) => b.file);
  for (const old of removed) rmSync(old, { force: true });
  return { ...result, removed };
}

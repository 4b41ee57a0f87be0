import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StoreError, toStoreError } from './errors.js';
import type { Store } from './open.js';

/** What a backup wrote. */
export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

/**
 * Copies the live database with SQLite's online backup (readers and writers may go on meanwhile),
 * into a temporary file that is checked and then renamed, so a failed backup leaves nothing behind.
 */
export async function backupStore(
  store: Store,
  out: string,
  options: { overwrite?: boolean } = {},
): Promise<BackupResult> {
  if (existsSync(out) && !options.overwrite) {
    throw new StoreError(`备份文件 ${out} 已存在：请换一个文件名，或加 --force 覆盖`, out);
  }
  const partial = `${out}.partial-${process.pid}`;
  try {
    const { totalPages } = await store.db.backup(partial);
    const copy = new Database(partial);
    try {
      // A backup is one self-contained file: no -wal/-shm beside it.
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new StoreError(`备份文件校验失败（${String(check)}），未保存`, out);
    } finally {
      copy.close();
    }
    renameSync(partial, out);
    return { file: out, bytes: statSync(out).size, pages: totalPages };
  } catch (error) {
    rmSync(partial, { force: true });
    throw toStoreError(error, out, 0);
  }
}

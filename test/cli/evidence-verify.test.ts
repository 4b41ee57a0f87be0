import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { buildSealableStore } from '../helpers/sealable-store.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();
let baseDir: string;

/** A copy of the crawled store, sealed through `gongkai evidence seal`. */
async function sealedDb(): Promise<string> {
  const file = path.join(tempDir(), 'gongkai.db');
  copyFileSync(path.join(baseDir, 'gongkai.db'), file);
  const seal = await runCli(['evidence', 'seal', '--db', file]);
  expect(seal.stdout).toContain('已封存 3 天（2020-03-02 至 2020-05-04）');
  return file;
}

/** Changes the database behind the store's back, as someone with the file could. */
function tamper<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const verify = (file: string, ...args: string[]) => runCli(['evidence', 'verify', '--db', file, ...args]);

beforeAll(async () => {
  baseDir = mkdtempSync(path.join(tmpdir(), 'gongkai-evidence-'));
  await buildSealableStore(baseDir);
}, 180_000);

afterAll(() => {
  rmSync(baseDir, { recursive: true, force: true });
});

describe('gongkai evidence seal', () => {
  it('seals nothing the second time', async () => {
    const file = await sealedDb();
    const again = await runCli(['evidence', 'seal', '--db', file, '--json']);
    expect(again.code).toBe(0);
    expect(again.json()).toEqual([]);
  });
});

describe('gongkai evidence verify', () => {
  it('passes on an untouched store', async () => {
    const result = await verify(await sealedDb());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/封存清单 3 天/);
    expect(result.stdout).toContain('校验通过');
  });

  it('fails naming the blob whose bytes were altered', async () => {
    const file = await sealedDb();
    const sha256 = tamper(file, (db) => {
      const blob = db.prepare('SELECT sha256 FROM blobs ORDER BY sha256 LIMIT 1').pluck().get() as string;
      db.prepare("UPDATE blobs SET encoding = 'identity', data = ? WHERE sha256 = ?").run(
        Buffer.from('<html>改过的页面</html>'),
        blob,
      );
      return blob;
    });
    const result = await verify(file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`存档内容 ${sha256}：内容被改动`);
    expect(result.stderr).toContain('证据校验未通过：1 处问题');
  });

  it('fails naming the day of a sealed fetch whose url was altered', async () => {
    const file = await sealedDb();
    tamper(file, (db) =>
      db
        .prepare(
          `UPDATE fetches SET url = url || '?edited' WHERE id = (SELECT min(id) FROM fetches
             WHERE outcome = 'not_modified' AND at LIKE '2020-03-09%')`,
        )
        .run(),
    );
    const result = await verify(file, '--json');
    expect(result.code).toBe(1);
    const report = result.json() as { ok: boolean; problems: { kind: string; day: string }[] };
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'fetches_altered', day: '2020-03-09' }),
    ]);
  });

  it('fails naming the day of an evidence fetch whose body_sha256 was altered', async () => {
    const file = await sealedDb();
    tamper(file, (db) =>
      db
        .prepare(
          `UPDATE fetches SET body_sha256 = (SELECT max(sha256) FROM blobs WHERE sha256 <> fetches.body_sha256)
           WHERE id = (SELECT min(fetch_id) FROM post_versions WHERE seen_at LIKE '2020-05-04%')`,
        )
        .run(),
    );
    const result = await verify(file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('2020-05-04：作为证据的抓取记录被改动或删除');
  });

  it('fails naming the days around a manifest deleted from the middle of the chain', async () => {
    const file = await sealedDb();
    tamper(file, (db) => db.prepare("DELETE FROM manifests WHERE day = '2020-03-09'").run());
    const result = await verify(file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('2020-05-04：清单未接上前一天');
    expect(result.stdout).toMatch(/2020-03-09：有 \d+ 条抓取记录却没有清单/);
  });

  it('passes after retention has thinned sealed days', async () => {
    const file = await sealedDb();
    const count = () =>
      tamper(file, (db) => db.prepare('SELECT count(*) FROM fetches').pluck().get() as number);
    const before = count();
    const maintain = await runCli(['maintain', '--db', file, '--today', '2020-05-05', '--days', '30']);
    expect(maintain.code).toBe(0);
    expect(count()).toBeLessThan(before);
    const result = await verify(file);
    expect(result.stdout).toMatch(/保留期整理已从 1 天中移除未变化的抓取记录 \d+ 条/);
    expect(result.code).toBe(0);
  });
});

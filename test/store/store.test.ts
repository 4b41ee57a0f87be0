import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupStore, LATEST_VERSION, openStore, StoreError, sha256Hex } from '../../src/store/index.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();
const dbFile = () => path.join(tempDir(), 'sub', 'gongkai.db');
const fixedClock = () => new Date('2020-06-30T02:00:00Z');

const aBody = (overrides: Partial<Parameters<ReturnType<typeof openStore>['bodies']['upsert']>[0]> = {}) => ({
  id: 'fpb',
  name: '示范区扶贫开发办公室',
  level: 'county' as const,
  parentId: null,
  role: 'poverty_office' as const,
  aliases: ['区扶贫办'],
  extra: {},
  ...overrides,
});

describe('openStore', () => {
  it('creates the file and its folder, migrates to the latest version, and sets the pragmas', () => {
    const store = openStore(dbFile(), { create: true });
    expect(store.version()).toBe(LATEST_VERSION);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    store.close();
  });

  it('refuses a missing database unless asked to create it', () => {
    expect(() => openStore(dbFile())).toThrow(StoreError);
    expect(() => openStore(dbFile())).toThrow(/不存在：请先运行 gongkai init/);
  });

  it('says so when the file is not a database', () => {
    const file = path.join(tempDir(), 'corrupt.db');
    writeFileSync(
      file,
      'this is not a database, just text that someone saved with the wrong name'.repeat(100),
    );
    expect(() => openStore(file)).toThrow(/已损坏或不是 SQLite 数据库/);
  });

  it('refuses a database made by a newer gongkai', () => {
    const file = dbFile();
    openStore(file, { create: true }).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    expect(() => openStore(file)).toThrow(/比本程序支持的（\d+）更新/);
  });

  it('reports a locked database with a clear message and leaves it as it was', () => {
    const file = dbFile();
    const store = openStore(file, { create: true });
    store.bodies.upsert(aBody());
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    const other = openStore(file, { busyTimeoutMs: 50 });
    expect(() => other.transaction(() => other.bodies.upsert(aBody({ name: '改名' })))).toThrow(
      /正被另一个进程占用/,
    );
    holder.exec('ROLLBACK');
    holder.close();
    expect(other.bodies.get('fpb')?.name).toBe('示范区扶贫开发办公室');
    other.close();
    store.close();
  });
});

describe('bodies', () => {
  it('creates, leaves unchanged, updates, and retires without deleting', () => {
    const store = openStore(dbFile(), { create: true, clock: fixedClock });
    expect(store.bodies.upsert(aBody())).toBe('created');
    expect(store.bodies.upsert(aBody())).toBe('unchanged');
    expect(store.bodies.upsert(aBody({ aliases: ['区扶贫办', '示范区扶贫办'] }))).toBe('updated');
    store.bodies.upsert(aBody({ id: 'czb', name: '示范区财政局', level: 'department', role: 'finance' }));
    expect(store.bodies.retireExcept(['fpb'])).toEqual(['czb']);
    expect(store.bodies.list().map((b) => b.id)).toEqual(['fpb']);
    expect(store.bodies.get('czb')).toMatchObject({ active: false, name: '示范区财政局' });
    expect(
      store.bodies.upsert(aBody({ id: 'czb', name: '示范区财政局', level: 'department', role: 'finance' })),
    ).toBe('updated');
    expect(store.bodies.get('czb')?.active).toBe(true);
    store.close();
  });

  it('refuses a parent that does not exist when the transaction ends', () => {
    const store = openStore(dbFile(), { create: true });
    expect(() =>
      store.transaction(() =>
        store.bodies.upsert(aBody({ id: 'v-x', level: 'village', parentId: 't-none' })),
      ),
    ).toThrow(/FOREIGN KEY/);
    expect(store.bodies.list()).toEqual([]);
    store.close();
  });
});

describe('blobs', () => {
  it('stores bytes once by sha256, compressed, and gives them back unchanged', () => {
    const store = openStore(dbFile(), { create: true });
    const page = Buffer.from('<html><body>'.concat('扶贫资金分配结果公告 '.repeat(500), '</body></html>'));
    const first = store.blobs.put(page);
    expect(first).toMatchObject({ sha256: sha256Hex(page), size: page.length, added: true });
    expect(first.storedSize).toBeLessThan(page.length / 5);
    expect(store.blobs.put(page)).toMatchObject({ sha256: first.sha256, added: false });
    expect(store.blobs.get(first.sha256)?.equals(page)).toBe(true);
    expect(store.blobs.stats()).toEqual({ count: 1, size: page.length, storedSize: first.storedSize });
    store.close();
  });

  it('keeps incompressible bytes as they are', () => {
    const store = openStore(dbFile(), { create: true });
    const noise = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 151 + 7) % 256));
    const ref = store.blobs.put(noise);
    expect(ref.storedSize).toBe(noise.length);
    expect(store.blobs.get(ref.sha256)?.equals(noise)).toBe(true);
    expect(store.blobs.get('0'.repeat(64))).toBeUndefined();
    store.close();
  });
});

describe('backupStore', () => {
  it('writes a checked, self-contained copy while the store stays open', async () => {
    const store = openStore(dbFile(), { create: true });
    store.bodies.upsert(aBody());
    const out = path.join(tempDir(), 'backup.db');
    const result = await backupStore(store, out);
    expect(result.bytes).toBeGreaterThan(0);
    const copy = openStore(out);
    expect(copy.bodies.get('fpb')?.name).toBe('示范区扶贫开发办公室');
    copy.close();
    await expect(backupStore(store, out)).rejects.toThrow(/已存在/);
    store.close();
  });
});

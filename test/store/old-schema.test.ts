import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, openStore } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { runCli } from '../helpers/cli.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();

describe('a database of an older schema', () => {
  it('is refused by ordinary commands and brought up to date by gongkai init, keeping its rows', async () => {
    const file = path.join(tempDir(), 'old.db');
    const db = new Database(file);
    for (const m of MIGRATIONS.filter((x) => x.version <= 3)) db.exec(m.sql);
    db.pragma('user_version = 3');
    db.prepare(
      "INSERT INTO bodies (id, name, level, created_at, updated_at) VALUES ('fpb', '区扶贫办', 'county', 'x', 'x')",
    ).run();
    db.close();

    const refused = await runCli(['score', '--db', file, '--year', '2020']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('结构版本（3）较旧');

    const init = await runCli(['init', '--db', file]);
    expect(init.code, init.stderr).toBe(0);
    const store = openStore(file);
    expect(store.version()).toBe(LATEST_VERSION);
    expect(store.bodies.get('fpb')?.name).toBe('区扶贫办');
    expect(store.runs.list()).toEqual([]);
    store.close();
  });
});

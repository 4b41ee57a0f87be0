import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/catalog/index.js';
import { ConfigSchema, loadSettings } from '../../src/cli/config.js';
import { CliContext } from '../../src/cli/context.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { useTempDir } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLE = path.join(ROOT, 'data', 'gongkai.example.yaml');
const tempDir = useTempDir();

function writeConfig(text: string, name = 'gongkai.yaml'): string {
  const file = path.join(tempDir(), name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** The CLI's error output with the temporary folder replaced, for inline snapshots. */
async function failureOf(args: string[], env: Record<string, string> = {}) {
  const result = await runCli(args, { cwd: tempDir(), env });
  return { code: result.code, stderr: result.stderr.replaceAll(tempDir(), '<dir>') };
}

function emptyDb(): string {
  const file = path.join(tempDir(), 'g.db');
  openStore(file, { create: true }).close();
  return file;
}

describe('gongkai run --config', () => {
  it('exits 1 naming the file, the line and the key of a bad value', async () => {
    writeConfig('logLevel: info\ndashboard:\n  host: 127.0.0.1\n  port: 99999\n');
    expect(await failureOf(['run', '--config', 'gongkai.yaml'])).toMatchInlineSnapshot(`
      {
        "code": 1,
        "stderr": "错误：<dir>/gongkai.yaml 有 1 处错误：
        <dir>/gongkai.yaml:4: dashboard.port：数值过大：期望 number <=65535
      ",
      }
    `);
  });

  it('refuses an unknown key, at the top and inside a section', async () => {
    writeConfig('backups:\n  keep: 3\nretention:\n  dayz: 30\n');
    expect(await failureOf(['run', '--config', 'gongkai.yaml'])).toMatchInlineSnapshot(`
      {
        "code": 1,
        "stderr": "错误：<dir>/gongkai.yaml 有 2 处错误：
        <dir>/gongkai.yaml:4: retention.dayz：未知的键“dayz”（可能拼写有误）
        <dir>/gongkai.yaml:1: backups：未知的键“backups”（可能拼写有误）
      ",
      }
    `);
  });

  it('is read by every command that opens the database, also when --db names it', async () => {
    writeConfig('database: x.db\nlogLevel: loud\n');
    const { code, stderr } = await failureOf(['score', '--db', 'other.db', '--config', 'gongkai.yaml']);
    expect(code).toBe(1);
    expect(stderr).toContain('<dir>/gongkai.yaml:2: logLevel');
  });

  it('exits 1 on a YAML syntax error with its line', async () => {
    writeConfig('dashboard:\n  port: 8080\n  host: [127.0.0.1\n');
    const { code, stderr } = await failureOf(['run', '--config', 'gongkai.yaml']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/<dir>\/gongkai\.yaml:\d+: YAML 语法错误/);
  });

  it('exits 1 when the named file does not exist', async () => {
    expect(await failureOf(['run', '--config', 'nowhere.yaml'])).toMatchInlineSnapshot(`
      {
        "code": 1,
        "stderr": "错误：<dir>/nowhere.yaml 有 1 处错误：
        <dir>/nowhere.yaml: 文件不存在
      ",
      }
    `);
  });

  it('reads GONGKAI_CONFIG when --config is not given', async () => {
    writeConfig('timezone: Mars/Olympus\n', 'conf/site.yaml');
    const { code, stderr } = await failureOf(['maintain', '--dry-run'], {
      GONGKAI_CONFIG: 'conf/site.yaml',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('<dir>/conf/site.yaml:1: timezone：');
  });

  it('exits 1 naming the environment variable whose value is bad', async () => {
    expect(
      await failureOf(['run', '--db', emptyDb()], { GONGKAI_PORT: 'eighty', GONGKAI_BACKUP_TIME: '25:00' }),
    ).toMatchInlineSnapshot(`
      {
        "code": 1,
        "stderr": "错误：环境变量 有 2 处错误：
        GONGKAI_PORT: 无效输入：期望 数字，实际接收 string（收到“eighty”）
        GONGKAI_BACKUP_TIME: 应为 24 小时制的“时:分”，例如 03:30（收到“25:00”）
      ",
      }
    `);
  });
});

describe('loadSettings', () => {
  it('takes the defaults when there is no file', () => {
    const settings = loadSettings({ file: undefined, env: {}, cwd: '/srv' });
    expect(settings.dashboard).toEqual({ host: '127.0.0.1', port: 8080, secureCookies: false });
    expect(settings.retention).toEqual({ days: 90, frontierDays: 7, time: '04:30' });
    expect(settings.backup).toEqual({ enabled: true, time: '03:30', keep: 7 });
    expect(settings.database).toBeUndefined();
  });

  it('lets environment variables override the file', () => {
    const file = writeConfig(
      'dashboard:\n  port: 8080\n  host: 127.0.0.1\nbackup:\n  enabled: true\n  keep: 3\n',
    );
    const settings = loadSettings({
      file,
      env: { GONGKAI_PORT: '9090', GONGKAI_BACKUP_ENABLED: 'off', GONGKAI_LOG_LEVEL: 'warn' },
      cwd: tempDir(),
    });
    expect(settings.dashboard).toEqual({ host: '127.0.0.1', port: 9090, secureCookies: false });
    expect(settings.backup).toMatchObject({ enabled: false, keep: 3 });
    expect(settings.logLevel).toBe('warn');
  });

  it("resolves the file's relative paths from its folder, the environment's from the working directory", () => {
    const file = writeConfig('database: ../db/g.db\nbackup:\n  dir: backups\n', 'conf/gongkai.yaml');
    const cwd = path.join(tempDir(), 'elsewhere');
    const fromFile = loadSettings({ file, env: {}, cwd });
    expect(fromFile.database).toBe(path.join(tempDir(), 'db', 'g.db'));
    expect(fromFile.backup.dir).toBe(path.join(tempDir(), 'conf', 'backups'));
    const fromEnv = loadSettings({ file, env: { GONGKAI_BACKUP_DIR: 'bk' }, cwd });
    expect(fromEnv.backup.dir).toBe(path.join(cwd, 'bk'));
  });

  it('treats a section whose keys are all commented out as omitted', () => {
    const file = writeConfig('database:\ndashboard:\n  # port: 9000\nbackup:\n  # keep: 3\n');
    const settings = loadSettings({ file, env: {}, cwd: tempDir() });
    expect(settings.dashboard.port).toBe(8080);
    expect(settings.backup.keep).toBe(7);
    expect(settings.database).toBeUndefined();
  });

  it('parses the shipped example, whose values are the documented defaults', () => {
    const settings = loadSettings({ file: EXAMPLE, env: {}, cwd: '/srv' });
    const defaults = ConfigSchema.parse({});
    expect(settings.database).toBe(path.join(ROOT, 'data', 'data', 'gongkai.db'));
    expect(settings.backup.dir).toBe(path.join(ROOT, 'data', 'data', 'backups'));
    expect(settings.timezone).toBe('Asia/Shanghai');
    expect(settings.crawler.chromiumPath).toBe('/usr/bin/chromium');
    expect({ ...settings.backup, dir: undefined }).toEqual({ ...defaults.backup, dir: undefined });
    expect(settings.dashboard).toEqual(defaults.dashboard);
    expect(settings.retention).toEqual(defaults.retention);
    expect(settings.logLevel).toBe(defaults.logLevel);
  });

  it('throws a DataFileError for a value of the wrong type', () => {
    const file = writeConfig('retention:\n  days: "ninety"\n');
    expect(() => loadSettings({ file, env: {}, cwd: tempDir() })).toThrow(DataFileError);
  });
});

describe('settings precedence through the command line', () => {
  // maintain --json prints its cutoff: the retention days in force show in it.
  async function cutoffWith(args: string[], env: Record<string, string>) {
    const db = emptyDb();
    const result = await runCli(
      ['maintain', '--dry-run', '--json', '--db', db, '--today', '2020-12-31', ...args],
      {
        cwd: tempDir(),
        env,
      },
    );
    expect(result.code, result.stderr).toBe(0);
    return (result.json() as { fetchesBefore: string }).fetchesBefore.slice(0, 10);
  }

  it('applies file < environment < command-line option', async () => {
    writeConfig('retention:\n  days: 30\n');
    const config = ['--config', 'gongkai.yaml'];
    expect(await cutoffWith(config, {})).toBe('2020-12-01');
    expect(await cutoffWith(config, { GONGKAI_RETENTION_DAYS: '60' })).toBe('2020-11-01');
    expect(await cutoffWith([...config, '--days', '5'], { GONGKAI_RETENTION_DAYS: '60' })).toBe('2020-12-26');
  });

  it('takes --db over GONGKAI_DB over the file', () => {
    const file = writeConfig('database: from-file.db\n');
    const io = { stdout: () => {}, stderr: () => {}, cwd: '/srv' };
    const ctx = (db: string | undefined, env: Record<string, string>) =>
      new CliContext({ ...io, env }, { config: file, ...(db ? { db } : {}) });
    expect(ctx(undefined, {}).dbPath).toBe(path.join(tempDir(), 'from-file.db'));
    expect(ctx(undefined, { GONGKAI_DB: 'env.db' }).dbPath).toBe('/srv/env.db');
    expect(ctx('cli.db', { GONGKAI_DB: 'env.db' }).dbPath).toBe('/srv/cli.db');
  });
});

import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { useTempDir } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLE = path.join(ROOT, 'data/registry.example.yaml');
const BROKEN = path.join(ROOT, 'test/fixtures/registries/broken.yaml');
const tempDir = useTempDir();
const db = () => path.join(tempDir(), 'gongkai.db');

describe('gongkai catalog', () => {
  it('lists the 13 items with rule, channels, subjects and elements as JSON', async () => {
    const run = await runCli(['catalog', '--json']);
    expect(run.code).toBe(0);
    const catalog = run.json() as { id: string; items: Record<string, unknown>[] };
    expect(catalog.id).toBe('shifanqu-2020');
    expect(catalog.items).toHaveLength(13);
    expect(catalog.items[5]).toMatchObject({
      id: 'funds.allocation',
      no: 6,
      category: '扶贫资金项目',
      name: '财政专项扶贫资金分配结果',
      rule: 'workdays(15) from issued',
      channels: ['政府网站'],
      subjects: ['财政局', '扶贫办'],
    });
    for (const item of catalog.items) expect(Object.keys(item)).toEqual(expect.arrayContaining(['elements']));
  });

  it('loads the variant by id', async () => {
    const run = await runCli(['catalog', '--catalog', 'shifanqu-2021-xczx', '--json']);
    expect(run.code).toBe(0);
    expect((run.json() as { items: { name: string }[] }).items[6]?.name).toBe('脱贫人口小额信贷');
  });

  it('prints a readable list without --json', async () => {
    const run = await runCli(['catalog']);
    expect(run.stdout).toContain('【扶贫资金项目】');
    expect(run.stdout).toContain(' 6. 财政专项扶贫资金分配结果（funds.allocation）');
  });

  it('reports an unknown catalog', async () => {
    const run = await runCli(['catalog', '--catalog', 'nowhere']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('未知的标准目录“nowhere”');
  });
});

describe('gongkai deadline', () => {
  it.each([
    ['funds.allocation', '2020-04-24', '2020-05-18', 'workdays(15) from issued'],
    ['policy.normative', '2019-12-20', '2020-01-19', 'workdays(20) from formed'],
    ['projects.implementation', '2020-01-20', '2020-02-25', 'workdays(20) from formed'],
    ['funds.loans', '2020-03-02', '2020-12-31', 'annual(by 12-31)'],
  ])('gives %s formed %s a due date of %s', async (item, formed, due, rule) => {
    const run = await runCli(['deadline', '--item', item, '--formed', formed, '--json']);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ item, formed, due, rule });
  });

  it('says how late a publication was, in working days', async () => {
    const run = await runCli([
      'deadline',
      '--item',
      '6',
      '--formed',
      '2020-04-24',
      '--published',
      '2020-05-20',
      '--json',
    ]);
    expect(run.json()).toMatchObject({ due: '2020-05-18', onTime: false, workdaysLate: 2 });
  });

  it('prints the weekday of the due date in Chinese', async () => {
    const run = await runCli(['deadline', '--item', 'policy.normative', '--formed', '2019-12-20']);
    expect(run.stdout).toContain('截止日期：2020-01-19（星期日）');
  });

  it('rejects an impossible date with exit code 1 and one clear message', async () => {
    const run = await runCli(['deadline', '--item', '6', '--formed', '2020-02-30', '--json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatchInlineSnapshot(`
      "错误：日期无效：2020-02-30（2020年2月没有30日）
      "
    `);
  });

  it('rejects an unknown item with exit code 2 and the list of items', async () => {
    const run = await runCli(['deadline', '--item', 'funds.unknown', '--formed', '2020-05-08']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('未知的事项“funds.unknown”');
    expect(run.stderr).toContain('funds.allocation（6. 财政专项扶贫资金分配结果）');
  });

  it('refuses a date beyond the holiday data', async () => {
    const run = await runCli(['deadline', '--item', '1', '--formed', '2026-12-15']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('超出节假日数据的覆盖范围');
  });

  it('applies a district calendar file', async () => {
    const file = path.join(tempDir(), 'calendar.yaml');
    writeFileSync(file, 'overrides:\n  - { date: 2020-05-18, working: false, reason: 本区临时停工 }\n');
    const run = await runCli([
      'deadline',
      '--item',
      '6',
      '--formed',
      '2020-04-24',
      '--calendar',
      file,
      '--json',
    ]);
    expect(run.json()).toMatchObject({ due: '2020-05-19' });
  });

  it('requires --item and --formed', async () => {
    const run = await runCli(['deadline', '--item', '6']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--formed');
  });
});

describe('gongkai init and import', () => {
  it('creates the database with the catalog, then imports the example registry', async () => {
    const init = await runCli(['init', '--db', db(), '--json']);
    expect(init.code).toBe(0);
    expect(init.json()).toMatchObject({
      schemaVersion: LATEST_VERSION,
      catalog: { id: 'shifanqu-2020', outcome: 'created' },
    });
    const imported = await runCli(['import', EXAMPLE, '--db', db(), '--json']);
    expect(imported.code).toBe(0);
    expect(imported.json()).toMatchObject({ bodies: { created: 4 }, sources: { created: 3 } });
    const again = await runCli(['import', EXAMPLE, '--db', db()]);
    expect(again.stdout).toContain('主体 新增 0、更新 0、未变 4、停用 0');
  });

  it('keeps the catalog the database was initialised with', async () => {
    await runCli(['init', '--db', db(), '--catalog', 'shifanqu-2021-xczx']);
    const run = await runCli(['catalog', '--db', db(), '--json']);
    expect((run.json() as { id: string }).id).toBe('shifanqu-2021-xczx');
    const reinit = await runCli(['init', '--db', db(), '--json']);
    expect(reinit.json()).toMatchObject({ catalog: { id: 'shifanqu-2021-xczx', outcome: 'unchanged' } });
  });

  it('gives line-precise errors for a broken registry and leaves the database as it was', async () => {
    await runCli(['init', '--db', db(), '--registry', EXAMPLE]);
    const before = readFileSync(db());
    const run = await runCli(['import', BROKEN, '--db', db()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('broken.yaml:8: bodies[4].parent：上级主体“t-chengcum”不在 bodies 中');
    expect(run.stderr).toContain('broken.yaml:21: sources[1].start[0]：网址格式错误');
    expect(readFileSync(db()).equals(before)).toBe(true);
  });

  it('does not create a database when init is given a broken registry', async () => {
    const run = await runCli(['init', '--db', db(), '--registry', BROKEN]);
    expect(run.code).toBe(1);
    expect(existsSync(db())).toBe(false);
  });

  it('asks for init before import', async () => {
    const run = await runCli(['import', EXAMPLE, '--db', db()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('不存在：请先运行 gongkai init');
  });

  it('refuses a file type it cannot import', async () => {
    await runCli(['init', '--db', db()]);
    const run = await runCli(['import', 'records.pdf', '--db', db()]);
    expect(run.code).toBe(2);
  });

  it('reports a missing registry file', async () => {
    await runCli(['init', '--db', db()]);
    const run = await runCli(['import', path.join(tempDir(), 'nope.yaml'), '--db', db()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nope.yaml: 文件不存在');
  });

  it('reports a corrupt database', async () => {
    writeFileSync(db(), 'not a database '.repeat(400));
    const run = await runCli(['import', EXAMPLE, '--db', db()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('已损坏或不是 SQLite 数据库');
  });

  it('reports a locked database and writes nothing', async () => {
    await runCli(['init', '--db', db()]);
    const holder = new Database(db());
    holder.exec('BEGIN IMMEDIATE');
    const run = await runCli(['import', EXAMPLE, '--db', db()], { env: { GONGKAI_BUSY_TIMEOUT_MS: '100' } });
    holder.exec('ROLLBACK');
    holder.close();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('正被另一个进程占用');
    const check = await runCli(['import', EXAMPLE, '--db', db(), '--json']);
    expect(check.json()).toMatchObject({ bodies: { created: 4 } });
  });
});

describe('gongkai backup', () => {
  it('writes a verified copy and refuses to overwrite without --force', async () => {
    await runCli(['init', '--db', db(), '--registry', EXAMPLE]);
    const out = path.join(tempDir(), 'backup.db');
    const first = await runCli(['backup', '--db', db(), '--out', out, '--json']);
    expect(first.code).toBe(0);
    const copy = new Database(out, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM bodies').get()).toEqual({ n: 4 });
    copy.close();
    expect((await runCli(['backup', '--db', db(), '--out', out])).code).toBe(1);
    expect((await runCli(['backup', '--db', db(), '--out', out, '--force'])).code).toBe(0);
  });
});

describe('the gongkai command', () => {
  it('runs through npx in the project with no build step', async () => {
    const { stdout } = await promisify(execFile)(
      'npx',
      ['gongkai', 'deadline', '--item', 'funds.allocation', '--formed', '2020-01-17', '--json'],
      {
        cwd: ROOT,
      },
    );
    expect(JSON.parse(stdout)).toMatchObject({ due: '2020-02-14' });
  });

  it('exits non-zero with a message for bad input', async () => {
    const error = await promisify(execFile)('node', [
      path.join(ROOT, 'bin/gongkai.js'),
      'deadline',
      '--item',
      '6',
      '--formed',
      '2020-13-01',
    ]).catch((e: { code: number; stderr: string }) => e);
    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr).toContain('没有 13 月');
  });
});

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { useDemoFiles } from '../helpers/demo-files.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();
const demo = useDemoFiles();

async function initWithDemoRegistry(): Promise<string> {
  const db = path.join(tempDir(), 'gongkai.db');
  const run = await runCli(['--db', db, 'init', '--registry', path.join(demo.dir(), 'registry.yaml')]);
  expect(run.code).toBe(0);
  return db;
}

describe('gongkai import', () => {
  it('imports the demo records.xlsx and reports the counts in Chinese', async () => {
    const db = await initWithDemoRegistry();
    const file = path.join(demo.dir(), 'records.xlsx');
    const rows = demo.world().events.filter((e) => e.record).length;
    const run = await runCli(['--db', db, 'import', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`已导入 ${file}（记录 ${rows} 条）：新增 ${rows}、更新 0、未变 0\n`);
    const again = await runCli(['--db', db, 'import', path.join(demo.dir(), 'records.csv'), '--json']);
    expect(again.json()).toMatchObject({ kind: 'records', rows, created: 0, updated: 0, unchanged: rows });
  });

  it('tells offline evidence from records by the headers', async () => {
    const db = await initWithDemoRegistry();
    await runCli(['--db', db, 'import', path.join(demo.dir(), 'records.csv')]);
    const run = await runCli(['--db', db, 'import', path.join(demo.dir(), 'evidence.csv'), '--json']);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ kind: 'evidence', created: demo.world().boards.length });
  });

  it('exits 1 with every bad row and column, and imports nothing', async () => {
    const db = await initWithDemoRegistry();
    const file = path.join(tempDir(), 'broken.csv');
    writeFileSync(
      file,
      'item,body,title,formed\nfunds.allocation,czb,甲,2020-01-06\nfunds.allocation,nobody,乙,2020-02-30\n',
    );
    const run = await runCli(['--db', db, 'import', file]);
    expect(run.code).toBe(1);
    expect(run.stderr.replaceAll(tempDir(), '<tmp>')).toMatchInlineSnapshot(`
      "错误：<tmp>/broken.csv 有 2 处错误：
        <tmp>/broken.csv:3: body：未知的主体“nobody”：请用 registry 中主体的 id、名称或别名
        <tmp>/broken.csv:3: formed：日期无效：2020-02-30（2020年2月没有30日）
      "
    `);
    const store = openStore(db);
    expect(store.records.list()).toEqual([]);
    store.close();
  });

  it('refuses a file it cannot import with exit code 2', async () => {
    const db = await initWithDemoRegistry();
    const run = await runCli(['--db', db, 'import', 'records.xls']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatchInlineSnapshot(`
      "错误：无法导入 records.xls：只支持 registry（.yaml/.yml）和记录表、线下公示证据表（.xlsx/.csv）；.xls 请先在 Excel 中另存为 .xlsx
      "
    `);
  });
});

describe('gongkai evidence add', () => {
  it('records a board posting with its photo', async () => {
    const db = await initWithDemoRegistry();
    await runCli(['--db', db, 'import', path.join(demo.dir(), 'records.csv')]);
    const board = demo.world().boards[0];
    writeFileSync(path.join(tempDir(), 'board.jpg'), Buffer.from('a photo of the board'));
    const args = [
      '--db',
      db,
      'evidence',
      'add',
      '--body',
      board?.bodyId as string,
      '--item',
      board?.item as string,
    ];
    const run = await runCli(
      [
        ...args,
        ...[
          '--channel',
          '村公示栏',
          '--from',
          board?.postedFrom as string,
          '--to',
          board?.postedTo as string,
        ],
        ...['--days', String(board?.statedDays), '--title', board?.title as string],
        ...['--photo', 'board.jpg', '--by', '城村镇党政办 王五'],
      ],
      { cwd: tempDir() },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^已录入线下公示 #1：/);
    const store = openStore(db);
    const [evidence] = store.offlineEvidence.list();
    expect(evidence).toMatchObject({ bodyId: board?.bodyId, enteredBy: '城村镇党政办 王五' });
    expect(store.blobs.get(evidence?.photoSha256 as string)?.toString()).toBe('a photo of the board');
    store.close();
  });
});

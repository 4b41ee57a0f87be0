import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Scorecard } from '../../src/scoring/index.js';
import { openStore } from '../../src/store/index.js';
import { artifactPath } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { demoForFile, parseCsv, pdfPagePng, pdfText } from './fixtures.js';

let demo: Awaited<ReturnType<typeof demoForFile>>;
let cards: Scorecard[];
let findingCount: number;

beforeAll(async () => {
  demo = await demoForFile();
  const store = openStore(demo.db);
  cards = store.scores.scorecards<Scorecard>(1, 'own').map((r) => r.data);
  findingCount = store.scores.findings(1).length;
  store.close();
}, 120_000);

afterAll(async () => {
  await demo?.close();
});

async function exportTo(name: string, ...args: string[]): Promise<Buffer> {
  const out = path.join(demo.dir, name);
  const run = await runCli(['export', '--year', '2020', '--out', out, '--db', demo.db, ...args]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return readFileSync(out);
}

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const headerOf = (sheet: ExcelJS.Worksheet): string[] =>
  (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v));

describe('gongkai export --format xlsx', () => {
  it('writes the same bytes when the same run is exported again, a year later by the clock', async () => {
    const first = await exportTo('a.xlsx', '--format', 'xlsx');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-06-15T03:04:05Z'));
      const later = await exportTo('b.xlsx', '--format', 'xlsx');
      expect(first.length).toBeGreaterThan(10_000);
      expect(later.equals(first)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('has the five sheets, with frozen, filtered headers', async () => {
    const workbook = await workbookOf(await exportTo('sheets.xlsx', '--format', 'xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '汇总',
      '评分',
      '扣分明细',
      '逾期事项',
      '方法说明',
    ]);
    for (const name of ['评分', '扣分明细', '逾期事项']) {
      const sheet = workbook.getWorksheet(name) as ExcelJS.Worksheet;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
    }
    expect(workbook.created.toISOString()).toBe(workbook.modified.toISOString());
  });

  it('gives each body its stored points as a number, best first', async () => {
    const sheet = (await workbookOf(await exportTo('scores.xlsx', '--format', 'xlsx'))).getWorksheet(
      '评分',
    ) as ExcelJS.Worksheet;
    const header = headerOf(sheet);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(sheet.rowCount - 1).toBe(cards.length);
    const rows = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(col('主体编号')).value), row);
    });
    const fpb = cards.find((c) => c.body.id === 'fpb') as Scorecard;
    const row = rows.get('fpb') as ExcelJS.Row;
    expect(row.getCell(col('主体')).value).toBe(fpb.body.name);
    expect(row.getCell(col('得分')).value).toBe(fpb.points);
    expect(row.getCell(col('及时率')).value).toBe(fpb.timeliness);
    expect(row.getCell(col('及时率')).numFmt).toBe('0.0%');
    const points = [...rows.values()].map((r) => r.getCell(col('得分')).value as number);
    expect(points).toEqual([...points].sort((a, b) => b - a));
  });

  it('writes due and published days as real dates, and working days as numbers', async () => {
    const sheet = (await workbookOf(await exportTo('findings.xlsx', '--format', 'xlsx'))).getWorksheet(
      '扣分明细',
    ) as ExcelJS.Worksheet;
    const header = headerOf(sheet);
    expect(sheet.rowCount - 1).toBe(findingCount);
    let late: ExcelJS.Row | undefined;
    sheet.eachRow((row, n) => {
      if (n > 1 && !late && row.getCell(header.indexOf('类型代码') + 1).value === 'late') late = row;
    });
    const row = late as ExcelJS.Row;
    const due = row.getCell(header.indexOf('截止日期') + 1);
    expect(due.value).toBeInstanceOf(Date);
    expect(due.numFmt).toBe('yyyy-mm-dd');
    expect((due.value as Date).toISOString()).toMatch(/^2020-\d\d-\d\dT00:00:00\.000Z$/);
    expect(row.getCell(header.indexOf('公开日期') + 1).value).toBeInstanceOf(Date);
    expect(typeof row.getCell(header.indexOf('逾期工作日') + 1).value).toBe('number');
    expect(String(row.getCell(header.indexOf('证据 SHA-256') + 1).value)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('states its inputs on 汇总: the year, the run’s day and the snapshot hash', async () => {
    const sheet = (await workbookOf(await exportTo('summary.xlsx', '--format', 'xlsx'))).getWorksheet(
      '汇总',
    ) as ExcelJS.Worksheet;
    const values = new Map<string, unknown>();
    sheet.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('考核年度')).toBe(2020);
    expect(values.get('评分截至日期')).toEqual(new Date('2020-12-31T00:00:00Z'));
    expect(String(values.get('数据快照（评分输入 SHA-256）'))).toMatch(/^[0-9a-f]{64}$/);
    expect(values.get('节假日数据')).toMatch(/^chinese-days@/);
  });

  it('limits --body to the township and its villages', async () => {
    const sheet = (
      await workbookOf(await exportTo('hexi.xlsx', '--format', 'xlsx', '--body', 't-hexi'))
    ).getWorksheet('评分') as ExcelJS.Worksheet;
    const ids: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) ids.push(String(row.getCell(2).value));
    });
    const store = openStore(demo.db);
    const expected = [
      't-hexi',
      ...store.bodies
        .list()
        .filter((b) => b.parentId === 't-hexi')
        .map((b) => b.id),
    ];
    store.close();
    expect(ids.sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(1);
  });
});

describe('gongkai export --format csv', () => {
  it('writes UTF-8 with a BOM that parses as RFC 4180, the same bytes whenever exported', async () => {
    const first = await exportTo('a.csv', '--format', 'csv');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-06-15T03:04:05Z'));
    const second = await exportTo('b.csv', '--format', 'csv').finally(() => vi.useRealTimers());
    expect([...first.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(first.equals(second)).toBe(true);
    const rows = parseCsv(first.toString('utf8').slice(1));
    expect(rows[0]?.slice(0, 4)).toEqual(['序号', '主体编号', '主体', '问题类型']);
    expect(rows).toHaveLength(findingCount + 1);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([rows[0]?.length]));
  });

  it('lists only the township’s and its villages’ findings with --body', async () => {
    const rows = parseCsv(
      (await exportTo('hexi.csv', '--format', 'csv', '--body', 't-hexi')).toString('utf8').slice(1),
    );
    const bodies = new Set(rows.slice(1).map((r) => r[1]));
    expect(rows.length).toBeGreaterThan(1);
    expect([...bodies].every((id) => id === 't-hexi' || id?.startsWith('v-'))).toBe(true);
  });
});

describe('gongkai export errors', () => {
  it('tells to run gongkai score when the year has no score run (exit 1)', async () => {
    const run = await runCli([
      'export',
      '--year',
      '2019',
      '--format',
      'csv',
      '--out',
      path.join(demo.dir, 'x.csv'),
      '--db',
      demo.db,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatchInlineSnapshot(`
      "错误：2019 年度还没有评分结果：请先运行 gongkai score --year 2019
      "
    `);
  });

  it('refuses an unknown format, a missing year and an unknown body (exit 2)', async () => {
    const out = path.join(demo.dir, 'x.csv');
    const format = await runCli([
      'export',
      '--year',
      '2020',
      '--format',
      'docx',
      '--out',
      out,
      '--db',
      demo.db,
    ]);
    expect([format.code, format.stderr]).toEqual([2, '错误：--format 应为 xlsx、pdf 或 csv，收到“docx”\n']);
    const year = await runCli(['export', '--format', 'csv', '--out', out, '--db', demo.db]);
    expect([year.code, year.stderr]).toEqual([2, '错误：请用 --year 指定考核年度，例如 --year 2020\n']);
    const body = await runCli([
      'export',
      '--year',
      '2020',
      '--format',
      'csv',
      '--out',
      out,
      '--body',
      'nope',
      '--db',
      demo.db,
    ]);
    expect([body.code, body.stderr]).toEqual([2, '错误：找不到主体“nope”：请给出登记的主体编号\n']);
  });
});

describe('gongkai export --format pdf', () => {
  it('prints the district’s bodies in Chinese, page numbers included, and keeps page 1 as a PNG', async () => {
    const started = Date.now();
    const bytes = await exportTo('report.pdf', '--format', 'pdf');
    const ms = Date.now() - started;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(demo.dir, 'report.pdf');
    const text = pdfText(file);
    for (const card of cards) expect(text).toContain(card.body.name);
    expect(text).toContain('考核评估报告');
    expect(text).toMatch(/第 1 页\s+共 \d+ 页/);
    expect(text).toContain('附录');
    const png = pdfPagePng(file, 1, artifactPath('report-page-1.png'));
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    pdfPagePng(file, 2, artifactPath('report-page-2.png'));
    // Not a limit the report must meet; kept beside the pages so a slow machine shows.
    writeFileSync(
      artifactPath('report-pdf.json'),
      JSON.stringify({ bodies: cards.length, bytes: bytes.length, ms }),
    );
  }, 60_000);
});

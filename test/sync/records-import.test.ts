import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/catalog/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { importRecords, importRegistry } from '../../src/sync/index.js';
import { catalog, storeWithRegistry, tableContents, useDemoFiles, variant } from '../helpers/demo-files.js';
import { useTempDir } from '../helpers/temp.js';

const EXAMPLE = path.resolve(import.meta.dirname, '../../data/registry.example.yaml');
const tempDir = useTempDir();
const demo = useDemoFiles();
const options = { catalog, variants: [variant] };

/** A store with the example registry (fpb, czb, t-chengcun, v-xicun). */
function exampleStore(): Store {
  const store = openStore(path.join(tempDir(), 'gongkai.db'), { create: true });
  importRegistry(store, EXAMPLE);
  return store;
}

function writeCsv(name: string, lines: string[], encoding: 'utf8' | 'gbk' | 'bom' = 'utf8'): string {
  const file = path.join(tempDir(), name);
  const text = `${lines.join('\r\n')}\r\n`;
  const bytes =
    encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(encoding === 'bom' ? `\uFEFF${text}` : text);
  writeFileSync(file, bytes);
  return file;
}

async function writeXlsx(name: string, rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  rows.forEach((row, i) => {
    if (row.length > 0) sheet.getRow(i + 1).values = row as ExcelJS.CellValue[];
  });
  const file = path.join(tempDir(), name);
  await workbook.xlsx.writeFile(file);
  return file;
}

async function importError(store: Store, file: string): Promise<string> {
  const error = await importRecords(store, file, options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DataFileError);
  return (error as DataFileError).message.replaceAll(tempDir(), '<tmp>');
}

const HEADER = '事项,主体,标题,文号,形成日期,金额,备注';

describe('importRecords', () => {
  it('imports the demo records.xlsx fully, by Chinese headers and names', async () => {
    const store = storeWithRegistry(tempDir(), demo.dir());
    const expected = demo.world().events.filter((e) => e.record);
    const summary = await importRecords(store, path.join(demo.dir(), 'records.xlsx'), options);
    expect(summary).toMatchObject({
      kind: 'records',
      rows: expected.length,
      created: expected.length,
      warnings: [],
    });
    const stored = store.records.list();
    expect(stored).toHaveLength(expected.length);
    const allocation = expected.find((e) => e.item === 'funds.allocation' && e.refNo);
    const record = stored.find((r) => r.refNo === allocation?.refNo);
    expect(record).toMatchObject({
      item: 'funds.allocation',
      bodyId: allocation?.bodyId,
      title: allocation?.title,
      formed: allocation?.formed,
      amount: allocation?.amount,
    });
    const upper = expected.filter((e) => e.item === 'projects.annual-plan' && e.row === 'b');
    expect(stored.filter((r) => r.item === 'projects.annual-plan' && r.row === 'b')).toHaveLength(
      upper.length,
    );
    store.close();
  });

  it('reads the demo records.csv (UTF-8 with BOM, English headers, ids) as the same records as the xlsx', async () => {
    const store = storeWithRegistry(tempDir(), demo.dir());
    await importRecords(store, path.join(demo.dir(), 'records.xlsx'), options);
    const before = tableContents(store);
    const summary = await importRecords(store, path.join(demo.dir(), 'records.csv'), options);
    expect(summary).toMatchObject({ created: 0, updated: 0, unchanged: summary.rows });
    expect(tableContents(store)).toEqual(before);
    store.close();
  });

  it('changes nothing when the same file is imported twice', async () => {
    const store = storeWithRegistry(tempDir(), demo.dir());
    const file = path.join(demo.dir(), 'records.csv');
    const first = await importRecords(store, file, options);
    const before = tableContents(store);
    const again = await importRecords(store, file, options);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: first.rows });
    expect(tableContents(store)).toEqual(before);
    expect(store.meta.imports().map((i) => i.kind)).toEqual(['registry', 'records', 'records']);
    store.close();
  });

  it('decodes a GBK csv', async () => {
    const store = exampleStore();
    const file = writeCsv(
      'gbk.csv',
      [
        HEADER,
        '财政专项扶贫资金分配结果,示范区扶贫开发办公室,2020年第二批财政专项扶贫资金分配,示财〔2020〕21号,2020-05-08,1280000,',
      ],
      'gbk',
    );
    await importRecords(store, file, options);
    expect(store.records.list()[0]).toMatchObject({
      item: 'funds.allocation',
      bodyId: 'fpb',
      title: '2020年第二批财政专项扶贫资金分配',
      refNo: '示财〔2020〕21号',
      amount: 1_280_000,
    });
    store.close();
  });

  it('finds an item by id, number, name and 2021 name, and a body by id, name and alias', async () => {
    const store = exampleStore();
    const file = writeCsv('forms.csv', [
      'item,body,title,refNo,formed',
      'funds.allocation,fpb,甲,示财〔2020〕1号,2020-01-06',
      '6,示范区扶贫开发办公室,乙,示财〔2020〕2号,2020-01-07',
      '财政专项扶贫资金分配结果,区扶贫办,丙,示财〔2020〕3号,2020-01-08',
      '财政衔接推进乡村振兴补助资金分配结果,示范区扶贫办,丁,示财〔2020〕4号,2020-01-09',
      '贫困人口识别,西村,戊,,2020-03-02',
    ]);
    await importRecords(store, file, options);
    expect(store.records.list().map((r) => [r.item, r.bodyId, r.title])).toEqual([
      ['funds.allocation', 'fpb', '甲'],
      ['funds.allocation', 'fpb', '乙'],
      ['funds.allocation', 'fpb', '丙'],
      ['funds.allocation', 'fpb', '丁'],
      ['target.identification', 'v-xicun', '戊'],
    ]);
    store.close();
  });

  it('accepts header synonyms, amounts in 万元 or with separators, and warns about unknown columns', async () => {
    const store = exampleStore();
    const file = writeCsv('synonyms.csv', [
      '事项名称,公开主体,文件标题,发文字号,下达日期,金额（万元）,说明,经办人',
      '6,fpb,甲,示财〔2020〕1号,2020/5/8,128,,张三',
      '6,fpb,乙,示财〔2020〕2号,2020年5月9日,"1,280,000元",,张三',
      '6,fpb,丙,示财〔2020〕3号,20200510 00:00:00,1.5亿元,,张三',
    ]);
    const summary = await importRecords(store, file, options);
    expect(store.records.list().map((r) => [r.formed, r.amount])).toEqual([
      ['2020-05-08', 1_280_000],
      ['2020-05-09', 1_280_000],
      ['2020-05-10', 150_000_000],
    ]);
    expect(summary.warnings).toEqual([{ line: 1, path: '经办人', message: '未知的列“经办人”，已忽略' }]);
    store.close();
  });

  it('reads quoted fields with commas, quotes and line breaks, numbering rows as a spreadsheet does', async () => {
    const store = exampleStore();
    const file = writeCsv('quoted.csv', [
      HEADER,
      '6,fpb,"关于下达""第一批""资金，的通知",示财〔2020〕1号,2020-01-06,,"两行\n备注"',
      '6,fpb,乙,示财〔2020〕2号,2020-02-30,,',
    ]);
    expect(await importError(store, file)).toMatchInlineSnapshot(`
      "<tmp>/quoted.csv 有 1 处错误：
        <tmp>/quoted.csv:3: 形成日期：日期无效：2020-02-30（2020年2月没有30日）"
    `);
    const fixed = writeCsv('quoted.csv', [
      HEADER,
      '6,fpb,"关于下达""第一批""资金，的通知",示财〔2020〕1号,2020-01-06,,"两行\n备注"',
    ]);
    await importRecords(store, fixed, options);
    expect(store.records.list()[0]).toMatchObject({
      title: '关于下达"第一批"资金，的通知',
      note: '两行\n备注',
    });
    store.close();
  });

  it('reads xlsx dates as real dates, day numbers or text, below blank rows', async () => {
    const store = exampleStore();
    const rows = [
      [],
      ['事项', '主体', '标题', '文号', '形成日期', '金额'],
      ['funds.allocation', 'fpb', '甲', '示财〔2020〕1号', new Date('2020-05-08T00:00:00Z'), 1280000],
      ['funds.allocation', 'fpb', '乙', '示财〔2020〕2号', 43960, '128万元'],
      ['funds.allocation', 'fpb', '丙', '示财〔2020〕3号', '2020.5.10', { formula: '1+1', result: 2 }],
      ['funds.allocation', 'fpb', '丁', '示财〔2020〕4号', '2020-02-30'],
    ];
    expect(await importError(store, await writeXlsx('dates.xlsx', rows))).toMatchInlineSnapshot(`
      "<tmp>/dates.xlsx 有 1 处错误：
        <tmp>/dates.xlsx:6: 形成日期：日期无效：2020-02-30（2020年2月没有30日）"
    `);
    expect(store.records.list()).toEqual([]);
    await importRecords(store, await writeXlsx('dates.xlsx', rows.slice(0, -1)), options);
    expect(store.records.list().map((r) => [r.formed, r.amount])).toEqual([
      ['2020-05-08', 1280000],
      ['2020-05-09', 1280000],
      ['2020-05-10', 2],
    ]);
    store.close();
  });

  it('puts an item 10 record on row b when it is a 上级下达 plan, or where the row column says', async () => {
    const store = exampleStore();
    const file = writeCsv('plans.csv', [
      'item,body,title,formed,note,row',
      'projects.annual-plan,t-chengcun,城村镇2020年扶贫资金项目计划,2020-04-07,,',
      'projects.annual-plan,t-chengcun,关于城村镇2020年项目计划的批复,2020-04-20,,',
      'projects.annual-plan,v-xicun,西村2020年扶贫资金项目计划,2020-04-21,上级下达计划,',
      'projects.annual-plan,v-xicun,西村2020年第二批项目计划,2020-06-01,,B',
    ]);
    await importRecords(store, file, options);
    expect(store.records.list().map((r) => r.row)).toEqual(['a', 'b', 'b', 'b']);
    store.close();
  });

  it('updates an edited row in place, keeps the change in history, and leaves rows no longer listed', async () => {
    const store = exampleStore();
    const first = writeCsv('v1.csv', [
      HEADER,
      '6,fpb,第一批资金分配,示财〔2020〕1号,2020-01-06,100000,',
      '6,fpb,第二批资金分配,示财〔2020〕2号,2020-02-06,200000,',
    ]);
    await importRecords(store, first, options);
    const second = writeCsv('v2.csv', [
      HEADER,
      '6,fpb,第一批资金分配（调整）,示财[2020]1号,2020-01-06,150000,调整金额',
    ]);
    const summary = await importRecords(store, second, options);
    expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const records = store.records.list();
    expect(records.map((r) => [r.title, r.amount])).toEqual([
      ['第一批资金分配（调整）', 150000],
      ['第二批资金分配', 200000],
    ]);
    const history = store.records.history(records[0]?.id as number);
    expect(history).toHaveLength(1);
    expect(history[0]?.before).toMatchObject({
      title: '第一批资金分配',
      refNo: '示财〔2020〕1号',
      amount: 100000,
    });
    expect(history[0]?.after).toMatchObject({
      title: '第一批资金分配（调整）',
      amount: 150000,
      note: '调整金额',
    });
    store.close();
  });

  it('warns, and still imports, when the catalog row does not name the body as a publisher', async () => {
    const store = exampleStore();
    const file = writeCsv('cover.csv', [HEADER, '6,西村,西村资金分配,,2020-01-06,,']);
    const summary = await importRecords(store, file, options);
    expect(summary.created).toBe(1);
    expect(summary.warnings).toMatchInlineSnapshot(`
      [
        {
          "line": 2,
          "message": "“西村村民委员会”不在事项“财政专项扶贫资金分配结果”的公开主体（财政局、扶贫办）之列，请核对（仍会导入）",
          "path": "主体",
        },
      ]
    `);
    store.close();
  });

  it('reports every bad row with its row, column and reason, and imports nothing of the file', async () => {
    const store = exampleStore();
    importRegistry(store, retiredCzb());
    const file = writeCsv('broken.csv', [
      HEADER,
      '6,fpb,好的一行,示财〔2020〕1号,2020-01-06,100000,',
      '资金分配,fpb,未知事项,示财〔2020〕2号,2020-01-07,,',
      '6,县扶贫办,未知主体,示财〔2020〕3号,2020-01-08,,',
      '6,示范区财政局,停用主体,示财〔2020〕4号,2020-01-09,,',
      '6,fpb,坏日期,示财〔2020〕5号,2020-02-30,,',
      '6,fpb,,示财〔2020〕6号,,很多,',
      '6,fpb,重复文号,示财〔2020〕1号,2020-01-10,,',
      '资金分配,县扶贫办,三处错误,示财〔2020〕7号,2020-13-01,,',
    ]);
    const before = tableContents(store);
    expect(await importError(store, file)).toMatchInlineSnapshot(`
      "<tmp>/broken.csv 有 11 处错误：
        <tmp>/broken.csv:3: 事项：未知的事项“资金分配”：请用事项 id（如 funds.allocation）、序号（1–13）或目录中的名称
        <tmp>/broken.csv:4: 主体：未知的主体“县扶贫办”：请用 registry 中主体的 id、名称或别名
        <tmp>/broken.csv:5: 主体：主体“示范区财政局”（czb）已停用：registry 中已不再列出
        <tmp>/broken.csv:6: 形成日期：日期无效：2020-02-30（2020年2月没有30日）
        <tmp>/broken.csv:7: 标题：缺少此项
        <tmp>/broken.csv:7: 形成日期：缺少此项
        <tmp>/broken.csv:7: 金额：金额无效：“很多”，应为数字，例如 1280000 或 128万元
        <tmp>/broken.csv:8: 文号：与第 2 行是同一条记录（事项、主体和文号相同），但其余内容不同
        <tmp>/broken.csv:9: 事项：未知的事项“资金分配”：请用事项 id（如 funds.allocation）、序号（1–13）或目录中的名称
        <tmp>/broken.csv:9: 主体：未知的主体“县扶贫办”：请用 registry 中主体的 id、名称或别名
        <tmp>/broken.csv:9: 形成日期：日期无效：2020-13-01（没有 13 月）"
    `);
    expect(tableContents(store)).toEqual(before);
    expect(store.meta.imports().map((i) => i.kind)).toEqual(['registry', 'registry']);
    store.close();
  });

  it('names a missing column at the header row', async () => {
    const store = exampleStore();
    const file = writeCsv('no-date.csv', ['事项,主体,标题,文号', '6,fpb,甲,示财〔2020〕1号']);
    expect(await importError(store, file)).toMatchInlineSnapshot(`
      "<tmp>/no-date.csv 有 1 处错误：
        <tmp>/no-date.csv:1: 形成日期：缺少必需的列“形成日期”（也可写作 formed、成文日期、下达日期）"
    `);
    store.close();
  });
});

function retiredCzb(): string {
  const file = path.join(tempDir(), 'registry-without-czb.yaml');
  writeFileSync(file, readFileSync(EXAMPLE, 'utf8').replace(/ {2}- \{ id: czb.*\n/, ''));
  return file;
}

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/catalog/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { addEvidence, importEvidence, importRecords, importRegistry } from '../../src/sync/index.js';
import { catalog, storeWithRegistry, tableContents, useDemoFiles } from '../helpers/demo-files.js';
import { useTempDir } from '../helpers/temp.js';

const EXAMPLE = path.resolve(import.meta.dirname, '../../data/registry.example.yaml');
const tempDir = useTempDir();
const demo = useDemoFiles();

async function demoStoreWithRecords(): Promise<Store> {
  const store = storeWithRegistry(tempDir(), demo.dir());
  await importRecords(store, path.join(demo.dir(), 'records.csv'), { catalog });
  return store;
}

async function exampleStoreWithRecord(): Promise<Store> {
  const store = openStore(path.join(tempDir(), 'gongkai.db'), { create: true });
  importRegistry(store, EXAMPLE);
  const records = path.join(tempDir(), 'records.csv');
  writeFileSync(
    records,
    'item,body,title,refNo,formed\nprojects.annual-plan,v-xicun,西村2020年扶贫资金项目计划,,2020-04-07\n',
  );
  await importRecords(store, records, { catalog });
  return store;
}

function writeCsv(name: string, lines: string[]): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DataFileError);
  return (error as DataFileError).message.replaceAll(tempDir(), '<tmp>');
};

describe('importEvidence', () => {
  it('imports the demo evidence.csv, each posting tied to its record where it has one', async () => {
    const store = await demoStoreWithRecords();
    const world = demo.world();
    const summary = await importEvidence(store, path.join(demo.dir(), 'evidence.csv'), { catalog });
    expect(summary).toMatchObject({ kind: 'evidence', created: world.boards.length, warnings: [] });
    const stored = store.offlineEvidence.list();
    expect(stored).toHaveLength(world.boards.length);
    const events = new Map(world.events.map((e) => [e.id, e]));
    const withRecord = world.boards.filter((b) => events.get(b.eventId)?.record);
    expect(stored.filter((e) => e.recordId !== null)).toHaveLength(withRecord.length);
    const board = withRecord[0];
    const posting = stored.find((e) => e.bodyId === board?.bodyId && e.postedFrom === board.postedFrom);
    expect(posting).toMatchObject({
      item: board?.item,
      channel: '村公示栏',
      postedTo: board?.postedTo,
      statedDays: board?.statedDays,
      enteredBy: '示范区扶贫办录入',
    });
    expect(store.records.get(posting?.recordId as number)?.title).toBe(
      events.get(board?.eventId ?? '')?.title,
    );
    store.close();
  });

  it('changes nothing when the same file is imported twice', async () => {
    const store = await demoStoreWithRecords();
    const file = path.join(demo.dir(), 'evidence.csv');
    await importEvidence(store, file, { catalog });
    const before = tableContents(store);
    const again = await importEvidence(store, file, { catalog });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: again.rows });
    expect(tableContents(store)).toEqual(before);
    store.close();
  });

  it('refuses postings of records that were never imported, and imports none', async () => {
    const store = storeWithRegistry(tempDir(), demo.dir());
    const message = await failure(importEvidence(store, path.join(demo.dir(), 'evidence.csv'), { catalog }));
    expect(message).toContain('记录：找不到记录');
    expect(store.offlineEvidence.list()).toEqual([]);
    store.close();
  });

  it('reports every bad posting with its row, column and reason', async () => {
    const store = await exampleStoreWithRecord();
    const file = writeCsv('evidence.csv', [
      '主体,事项,渠道,张贴日期,撤下日期,公示天数,记录,录入人,照片',
      '西村,年度计划安排情况,村公示栏,2020-04-10,2020-04-20,10,西村2020年扶贫资金项目计划,李四,',
      '西村,年度计划安排情况,黑板报,2020-04-10,,,,李四,',
      '西村,年度计划安排情况,村公示栏,2020-04-10,2020-04-01,,,李四,',
      '西村,年度计划安排情况,村公示栏,2020-04-10,,,东村计划,,',
      '西村,年度计划安排情况,村公示栏,2020-04-31,,,,李四,',
      '西村,年度计划安排情况,村公示栏,2020-04-10,,十天,,李四,',
      '西村,年度计划安排情况,村公示栏,2020-04-10,,,,李四,no-such.jpg',
      '东村,年度计划安排情况,村公示栏,2020-04-10,,,,李四,',
    ]);
    expect(await failure(importEvidence(store, file, { catalog }))).toMatchInlineSnapshot(`
      "<tmp>/evidence.csv 有 8 处错误：
        <tmp>/evidence.csv:3: 渠道：“黑板报”不是标准目录的公开渠道（例如 村公示栏、便民服务站）
        <tmp>/evidence.csv:4: 撤下日期：撤下日期 2020-04-01 早于张贴日期 2020-04-10
        <tmp>/evidence.csv:5: 记录：找不到记录“东村计划”：应为已导入记录的文号、标题或编号（请先导入记录表）
        <tmp>/evidence.csv:5: 录入人：缺少录入人
        <tmp>/evidence.csv:6: 张贴日期：日期无效：2020-04-31（2020年4月没有31日）
        <tmp>/evidence.csv:7: 公示天数：天数无效：“十天”，应为整数，例如 10
        <tmp>/evidence.csv:8: 照片：无法读取照片文件 <tmp>/no-such.jpg（文件不存在）
        <tmp>/evidence.csv:9: 主体：未知的主体“东村”：请用 registry 中主体的 id、名称或别名"
    `);
    expect(store.offlineEvidence.list()).toEqual([]);
    store.close();
  });
});

describe('addEvidence', () => {
  it('stores a posting with its photo as a blob, tied to its record by title', async () => {
    const store = await exampleStoreWithRecord();
    const photo = Buffer.from('\xff\xd8\xff\xe0 a photo of the board', 'latin1');
    writeFileSync(path.join(tempDir(), 'board.jpg'), photo);
    const entry = {
      body: 'v-xicun',
      item: '10',
      record: '西村2020年扶贫资金项目计划',
      channel: '公示栏',
      postedFrom: '2020-04-10',
      postedTo: '2020-04-20',
      days: '10',
      photo: 'board.jpg',
      by: '李四',
    };
    const added = addEvidence(store, entry, { catalog, baseDir: tempDir() });
    expect(added.outcome).toBe('created');
    expect(added.evidence).toMatchObject({
      bodyId: 'v-xicun',
      item: 'projects.annual-plan',
      recordId: store.records.list()[0]?.id,
      channel: '村公示栏',
      statedDays: 10,
      enteredBy: '李四',
    });
    expect(store.blobs.get(added.evidence.photoSha256 as string)?.equals(photo)).toBe(true);
    expect(addEvidence(store, entry, { catalog, baseDir: tempDir() }).outcome).toBe('unchanged');
    expect(store.offlineEvidence.list()).toHaveLength(1);
    store.close();
  });

  it('names the option of each bad value', async () => {
    const store = await exampleStoreWithRecord();
    const entry = {
      body: 'nobody',
      item: '10',
      channel: '黑板报',
      postedFrom: '2020-04-10',
      days: '0',
      by: '李四',
    };
    const error = (() => {
      try {
        addEvidence(store, entry, { catalog, baseDir: tempDir() });
      } catch (e) {
        return e as DataFileError;
      }
    })();
    expect(error?.message).toMatchInlineSnapshot(`
      "gongkai evidence add 有 2 处错误：
        gongkai evidence add: --body：未知的主体“nobody”：请用 registry 中主体的 id、名称或别名
        gongkai evidence add: --days：天数应大于 0"
    `);
    store.close();
  });
});

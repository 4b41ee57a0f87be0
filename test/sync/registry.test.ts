import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/catalog/index.js';
import { openStore } from '../../src/store/index.js';
import { importRegistry } from '../../src/sync/index.js';
import { useTempDir } from '../helpers/temp.js';

const EXAMPLE = path.resolve(import.meta.dirname, '../../data/registry.example.yaml');
const BROKEN = path.resolve(import.meta.dirname, '../fixtures/registries/broken.yaml');
const tempDir = useTempDir();

function freshStore() {
  return openStore(path.join(tempDir(), 'gongkai.db'), { create: true });
}

function editedCopy(edit: (text: string) => string): string {
  const file = path.join(tempDir(), 'registry.yaml');
  writeFileSync(file, edit(readFileSync(EXAMPLE, 'utf8')));
  return file;
}

describe('importRegistry', () => {
  it('loads the example registry of DESIGN.md', () => {
    const store = freshStore();
    const summary = importRegistry(store, EXAMPLE);
    expect(summary).toMatchObject({
      district: '示范区',
      timezone: 'Asia/Shanghai',
      bodies: { created: 4, updated: 0, unchanged: 0, retired: 0 },
      sources: { created: 3, updated: 0, unchanged: 0, retired: 0 },
      warnings: [],
    });
    expect(store.bodies.get('v-xicun')).toMatchObject({
      level: 'village',
      parentId: 't-chengcun',
      aliases: ['西村村委会', '西村'],
    });
    expect(store.bodies.get('fpb')?.role).toBe('poverty_office');
    expect(store.bodies.get('czb')?.role).toBe('finance');
    expect(store.sources.get('fpb-web')).toMatchObject({
      kind: 'website',
      channel: '政府网站',
      scope: ['http://127.0.0.1:8080/fpzl/'],
      schedule: '0 6 * * *',
      concurrency: 2,
      delayMs: 1000,
      allowPrivate: false,
    });
    expect(store.sources.get('chengcun-wx')).toMatchObject({
      scope: ['http://127.0.0.1:8080/feeds/'],
      delayMs: 2000,
    });
    expect(store.sources.get('xicun-board')).toMatchObject({
      kind: 'offline',
      channel: '村公示栏',
      schedule: null,
      start: [],
    });
    expect(store.meta.getSetting('district')).toBe('示范区');
    store.close();
  });

  it('changes nothing when the same file is imported again', () => {
    const store = freshStore();
    importRegistry(store, EXAMPLE);
    const before = store.db
      .prepare(
        'SELECT * FROM bodies UNION ALL SELECT id, body_id, kind, channel, config, active, created_at, updated_at, 0, 0 FROM sources',
      )
      .all();
    const again = importRegistry(store, EXAMPLE);
    expect(again.bodies).toEqual({ created: 0, updated: 0, unchanged: 4, retired: 0 });
    expect(again.sources).toEqual({ created: 0, updated: 0, unchanged: 3, retired: 0 });
    const after = store.db
      .prepare(
        'SELECT * FROM bodies UNION ALL SELECT id, body_id, kind, channel, config, active, created_at, updated_at, 0, 0 FROM sources',
      )
      .all();
    expect(after).toEqual(before);
    store.close();
  });

  it('updates an edited body in place and retires what the file no longer lists', () => {
    const store = freshStore();
    importRegistry(store, EXAMPLE);
    const edited = editedCopy((t) =>
      t
        .replace('aliases: [区扶贫办, 示范区扶贫办]', 'aliases: [区扶贫办, 示范区扶贫办, 区乡村振兴局]')
        .replace(/ {2}- \{ id: chengcun-wx.*\n/, ''),
    );
    const summary = importRegistry(store, edited);
    expect(summary.bodies).toEqual({ created: 0, updated: 1, unchanged: 3, retired: 0 });
    expect(summary.sources).toEqual({ created: 0, updated: 0, unchanged: 2, retired: 1 });
    expect(store.bodies.get('fpb')?.aliases).toContain('区乡村振兴局');
    expect(store.sources.get('chengcun-wx')?.active).toBe(false);
    expect(store.sources.list().map((s) => s.id)).toEqual(['fpb-web', 'xicun-board']);
    store.close();
  });

  it('keeps keys beyond the contract, and warns about a likely misspelt one', () => {
    const store = freshStore();
    const file = editedCopy((t) =>
      t.replace(
        'level: department }',
        'level: department, website: http://czj.example.gov.cn, parnet: fpb }',
      ),
    );
    const summary = importRegistry(store, file);
    expect(store.bodies.get('czb')?.extra).toEqual({ website: 'http://czj.example.gov.cn', parnet: 'fpb' });
    expect(summary.warnings).toEqual([
      {
        line: 6,
        path: 'bodies[1].parnet',
        message: '未知的键“parnet”，是否应为“parent”？（已作为附加信息保存）',
      },
    ]);
    store.close();
  });

  it('names the line and key of every error in a broken registry, and writes nothing', () => {
    const store = freshStore();
    importRegistry(store, EXAMPLE);
    const error = (() => {
      try {
        importRegistry(store, BROKEN);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DataFileError);
    expect(
      (error as Error).message.replace(BROKEN, 'broken.yaml').replaceAll(BROKEN, 'broken.yaml'),
    ).toMatchInlineSnapshot(`
      "broken.yaml 有 6 处错误：
        broken.yaml:6: bodies[2].id：主体 id “czb”重复
        broken.yaml:8: bodies[4].parent：上级主体“t-chengcum”不在 bodies 中
        broken.yaml:14: sources[0].channel：“政府网址”不是标准目录的 13 种公开渠道之一（政府网站、政府公报、两微一端、发布会/听证会、广播电视、纸质媒体、公开查阅点、政务服务中心、便民服务站、入户/现场、村公示栏、精准推送、其他）
        broken.yaml:16: sources[0].schedule：定时表达式“0 25 * * *”无效，应为 cron 格式，例如 "0 6 * * *"（每天 6 点）
        broken.yaml:21: sources[1].start[0]：网址格式错误：“htp//czj.example.gov.cn/”
        broken.yaml:22: sources[2].body：主体“v-nowhere”不在 bodies 中"
    `);
    expect(store.bodies.list()).toHaveLength(4);
    expect(store.sources.get('fpb-web')?.channel).toBe('政府网站');
    store.close();
  });

  it('refuses a village whose parent is not a township', () => {
    const store = freshStore();
    const file = editedCopy((t) => t.replace('parent: t-chengcun', 'parent: fpb'));
    expect(() => importRegistry(store, file)).toThrow(/registry\.yaml:8: bodies\[3\]\.parent：层级不符/);
    store.close();
  });

  it('reports a missing file', () => {
    const store = freshStore();
    expect(() => importRegistry(store, path.join(tempDir(), 'none.yaml'))).toThrow(/none\.yaml: 文件不存在/);
    store.close();
  });

  it('accepts a copy of the example anywhere on disk', () => {
    const store = freshStore();
    const copy = path.join(tempDir(), 'copy.yaml');
    copyFileSync(EXAMPLE, copy);
    expect(importRegistry(store, copy).bodies.created).toBe(4);
    store.close();
  });
});

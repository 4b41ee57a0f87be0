import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useTempDir } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEMO = path.join(ROOT, 'test/fixtures/demo');
const POSTS = path.join(ROOT, 'test/fixtures/posts');
const tempDir = useTempDir();
/** No database: publishers are reported as written. */
const NO_DB = () => ['--db', path.join(tempDir(), 'none.db')];

interface AnalyzeJson {
  url: string | null;
  title: string;
  publishedAt: string | null;
  formedAt: string | null;
  publisher: string | null;
  items: Array<{ id: string; confidence: number }>;
  notice: { start: string | null; end: string | null; days: number | null } | null;
  elements: { present: string[]; missing: string[] };
  privacy: Array<{ kind: string; count: number }>;
  publisherBody: string | null;
}

async function analyze(...args: string[]): Promise<AnalyzeJson> {
  const run = await runCli(['analyze', ...args, '--json', ...NO_DB()]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.json() as AnalyzeJson;
}

const DEMO_ARTICLES = [
  'boda-article.html',
  'gkmlpt-article.html',
  'hanweb-gbk-article.html',
  'plain-article.html',
  'trs-portal-article-allocation.html',
  'trs-township-article.html',
  'wechat-article.html',
];

describe('gongkai analyze on the demo layouts', () => {
  for (const file of DEMO_ARTICLES) {
    it(`answers the contract for ${file}`, async () => {
      const json = await analyze(path.join(DEMO, file));
      expect(Object.keys(json)).toEqual(
        expect.arrayContaining([
          'url',
          'title',
          'publishedAt',
          'formedAt',
          'publisher',
          'items',
          'notice',
          'elements',
          'privacy',
        ]),
      );
      expect(json.title.length).toBeGreaterThan(0);
      expect(json.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(json.items.length).toBeGreaterThan(0);
      for (const item of json.items) expect(item.confidence).toBeGreaterThan(0);
      expect(json.publisher).not.toBeNull();
    });
  }

  it('reads the allocation page: item, dates, 文号 year, elements', async () => {
    const json = await analyze(path.join(DEMO, 'trs-portal-article-allocation.html'));
    expect(json).toMatchObject({
      url: 'http://www.smxsfq.gov.cn/fpzl/zjxm/202004/t20200407_12245.html',
      publishedAt: '2020-04-07',
      items: [{ id: 'funds.allocation' }],
      notice: null,
      privacy: [],
    });
    expect(json.elements.present).toContain('资金来源');
  });

  it('reads the GBK Hanweb page as an exit notice with its period', async () => {
    const json = await analyze(path.join(DEMO, 'hanweb-gbk-article.html'));
    expect(json.items[0]?.id).toBe('target.exit');
    expect(json.notice?.days).toBe(10);
  });

  it('finds no item on list pages', async () => {
    for (const file of ['boda-list.html', 'plain-list.html', 'trs-portal-list.html'])
      expect((await analyze(path.join(DEMO, file))).items).toEqual([]);
  });
});

describe('gongkai analyze on labelled posts', () => {
  it('reads a village notice with IDs and mobiles, counting but never showing them', async () => {
    const run = await runCli([
      'analyze',
      path.join(POSTS, 'plain-2017-funds-loans-01-gbk.html'),
      '--json',
      ...NO_DB(),
    ]);
    const json = run.json() as AnalyzeJson;
    expect(json.items[0]?.id).toBe('funds.loans');
    expect(json.privacy.map((p) => p.kind).sort()).toEqual(['id_number', 'mobile']);
    expect(run.stdout).not.toMatch(/(?<!\d)\d{17}[\dX](?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)/);
  });

  it('reads the 发文日期 of a Sichuan-style page as publication and the 落款 as formation', async () => {
    const json = await analyze(path.join(POSTS, 'public-2022-funds-allocation-10.html'));
    expect([json.publishedAt, json.formedAt]).toEqual(['2022-06-17', '2022-05-30']);
  });

  it('takes the URL from --url, else the page’s Url meta', async () => {
    const file = path.join(POSTS, 'gkmlpt-2019-funds-allocation-05.html');
    expect((await analyze(file)).url).toBe(
      'http://www.lianling.gov.cn/gkmlpt/content/1/1234/post_1234567.html',
    );
    expect((await analyze(file, '--url', 'https://example.gov.cn/a.html')).url).toBe(
      'https://example.gov.cn/a.html',
    );
  });

  it('prints one object per line for several files, in order', async () => {
    const files = ['wechat-2018-funds-allocation-06.html', 'trs-2019-none-tender-notice.html'].map((f) =>
      path.join(POSTS, f),
    );
    const run = await runCli(['analyze', ...files, '--json', ...NO_DB()]);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AnalyzeJson);
    expect(lines.map((l) => l.items.map((i) => i.id))).toEqual([['funds.allocation'], []]);
  });

  it('does not depend on the file’s name', async () => {
    const original = path.join(POSTS, 'trs-2021-target-identification-09.html');
    const renamed = path.join(tempDir(), 'page.html');
    copyFileSync(original, renamed);
    const [a, b] = [await analyze(original), await analyze(renamed)];
    expect({ ...b, file: undefined }).toEqual({ ...a, file: undefined });
  });

  it('matches the publisher to the registry of the database', async () => {
    const db = path.join(tempDir(), 'gongkai.db');
    await runCli(['init', '--db', db, '--registry', path.join(ROOT, 'data/registry.example.yaml')]);
    const run = await runCli([
      'analyze',
      path.join(POSTS, 'trs-2020-projects-library-08.html'),
      '--json',
      '--db',
      db,
    ]);
    expect(run.json()).toMatchObject({ publisher: '示范区扶贫开发办公室', publisherBody: 'fpb' });
  });

  it('prints a Chinese summary without --json', async () => {
    const run = await runCli([
      'analyze',
      path.join(POSTS, 'wechat-2018-funds-allocation-06.html'),
      ...NO_DB(),
    ]);
    expect(run.stdout).toContain('事项：funds.allocation');
  });
});

describe('gongkai analyze errors', () => {
  it('exits 1 with a Chinese message for a missing file', async () => {
    const run = await runCli(['analyze', 'no-such-page.html', '--json', ...NO_DB()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('文件不存在');
    expect(run.stdout).toBe('');
  });

  it('says in --help that attachments are not fetched', async () => {
    const run = await runCli(['analyze', '--help']);
    expect(run.stdout).toContain('附件不会被下载');
  });
});

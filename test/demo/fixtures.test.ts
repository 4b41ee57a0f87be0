import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar, loadCatalog } from '../../src/catalog/index.js';
import { createDemoWorld, type DemoServer, type DemoWorld, startDemoServer } from '../../src/demo/index.js';

// One saved page per layout of the demo web (seed 1, seen on 2020-12-31). They are fixtures for the
// crawler and matcher tests, and they pin the demo's output: regenerate with UPDATE_DEMO_FIXTURES=1.
const DIR = path.resolve(import.meta.dirname, '../fixtures/demo');
const ORIGIN = 'http://127.0.0.1:8080';
const catalog = loadCatalog('shifanqu-2020', {
  dir: path.resolve(import.meta.dirname, '../../data/catalog'),
}).catalog;
const world = createDemoWorld({ seed: 1, catalog, calendar: loadCalendar() });
let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer(world, 0, { today: '2020-12-31' });
});
afterAll(async () => {
  await server.close();
});

type Post = DemoWorld['posts'][number];
const online = (p: Post) => p.appearsAt <= '2020-12-31' && !p.removedAt;
const first = (test: (p: Post) => boolean) => (world.posts.find((p) => online(p) && test(p)) as Post).url;

const PAGES: [string, () => string][] = [
  ['trs-portal-section.html', () => '/fpzl/index.html'],
  ['trs-portal-list.html', () => '/fpzl/gzdt/index.html'],
  [
    'trs-portal-article-allocation.html',
    () => first((p) => p.siteId === 'portal' && p.items.includes('funds.allocation')),
  ],
  ['trs-township-article.html', () => first((p) => p.siteId === 'taoyuan' && p.items.length > 0)],
  ['hanweb-gbk-column.html', () => '/chengcun/col/col13/index.html'],
  [
    'hanweb-gbk-dataproxy.xml',
    () => '/chengcun/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=30&perpage=15&columnid=13',
  ],
  ['hanweb-gbk-article.html', () => first((p) => p.siteId === 'chengcun' && p.items.includes('target.exit'))],
  ['gkmlpt-shell.html', () => '/liuhe/gkmlpt/index'],
  ['gkmlpt-api.json', () => '/liuhe/gkmlpt/api/all/0?page=1&sid=1301'],
  ['gkmlpt-article.html', () => first((p) => p.siteId === 'liuhe' && p.items.length > 0)],
  ['plain-list.html', () => '/dongpo/News.aspx?ClassID=33&page=2'],
  ['plain-article.html', () => first((p) => p.siteId === 'dongpo' && p.notice !== null)],
  ['boda-list.html', () => '/hexi/xxgk/cwgk.htm'],
  ['boda-article.html', () => first((p) => p.siteId === 'hexi' && p.attachments.length > 0)],
  ['wechat-rss.xml', () => '/feeds/shiqiao.xml'],
  ['wechat-atom.xml', () => '/feeds/hexi.atom'],
  ['wechat-article.html', () => first((p) => p.siteId === 'shiqiao-wx' && p.items.length > 0)],
];

describe('the demo layouts as fixtures', () => {
  it.each(PAGES)('%s is what the demo serves', async (name, url) => {
    const response = await fetch(`${server.origin}${url()}`);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('latin1').replaceAll(server.origin, ORIGIN);
    const saved = Buffer.from(text, 'latin1');
    const file = path.join(DIR, name);
    if (process.env.UPDATE_DEMO_FIXTURES || !existsSync(file)) {
      mkdirSync(DIR, { recursive: true });
      writeFileSync(file, saved);
    }
    expect(saved.equals(readFileSync(file)), `${name} differs from the demo's output`).toBe(true);
  });
});

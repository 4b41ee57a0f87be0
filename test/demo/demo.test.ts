import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar, loadCatalog } from '../../src/catalog/index.js';
import {
  createDemoWorld,
  type DemoServer,
  type DemoWorld,
  startDemoServer,
  writeDemoFiles,
} from '../../src/demo/index.js';
import { readRegistry } from '../../src/sync/index.js';
import { followLinks } from '../helpers/link-follower.js';

const catalog = loadCatalog('shifanqu-2020', {
  dir: path.resolve(import.meta.dirname, '../../data/catalog'),
}).catalog;
const calendar = loadCalendar();
const world = createDemoWorld({ seed: 7, catalog, calendar });
let server: DemoServer;
let dir: string;

beforeAll(async () => {
  server = await startDemoServer(world, 0, { today: '2020-12-31' });
  dir = mkdtempSync(path.join(tmpdir(), 'gongkai-demo-'));
  await writeDemoFiles(world, dir, server.origin);
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${server.origin}${url}`, { headers });

describe('createDemoWorld', () => {
  it('builds the district of the issue: 扶贫办, 财政局, three sector departments, six townships, thirty villages', () => {
    const count = (level: string) => world.district.bodies.filter((b) => b.level === level).length;
    expect(count('county')).toBe(1);
    expect(count('department')).toBe(4);
    expect(count('township')).toBe(6);
    expect(count('village')).toBe(30);
  });

  it('forms information under every catalog item and publishes posts for each', () => {
    const items = new Set(world.posts.flatMap((p) => p.items));
    expect([...items].sort()).toEqual([...catalog.items.map((i) => i.id)].sort());
    expect(world.posts.filter((p) => p.kind === 'distractor').length).toBeGreaterThan(100);
  });

  it('varies behaviour so that scorecards differ: late, missing, removed, edited, back-dated, exposed, short notices', () => {
    const statuses = world.outcomes.flatMap((o) => [o.website?.status, o.board?.status]);
    expect(statuses).toContain('late');
    expect(statuses).toContain('missing');
    const flags = new Set(world.posts.flatMap((p) => p.flags));
    for (const flag of ['removed_early', 'removed_later', 'edited', 'backdated', 'no_interpretation'])
      expect(flags).toContain(flag);
    expect(world.posts.some((p) => p.privacy.some((x) => x.kind === 'id_number'))).toBe(true);
    expect(world.posts.some((p) => p.notice && p.notice.days < 10)).toBe(true);
    expect(world.posts.some((p) => p.elements.missing.length > 0)).toBe(true);
    expect(
      world.outcomes.some(
        (o) => o.website?.status !== 'missing' && o.website && o.board?.status === 'missing',
      ),
    ).toBe(true);
  });

  it('gives the same world for the same seed and another for another seed', () => {
    const again = createDemoWorld({ seed: 7, catalog, calendar });
    expect(JSON.stringify(again.posts)).toBe(JSON.stringify(world.posts));
    const other = createDemoWorld({ seed: 8, catalog, calendar });
    expect(JSON.stringify(other.posts)).not.toBe(JSON.stringify(world.posts));
  });
});

describe('the demo web', () => {
  it('serves the same bytes for the same seed, attachments included', async () => {
    const twin: DemoWorld = createDemoWorld({ seed: 7, catalog, calendar });
    const other = await startDemoServer(twin, 0, { today: '2020-12-31' });
    try {
      const withFile = world.posts
        .filter((p) => p.attachments.length > 0 && p.appearsAt <= '2020-12-31' && !p.removedAt)
        .slice(0, 3);
      const samples = [
        '/fpzl/index.html',
        '/chengcun/col/col12/index.html',
        '/feeds/shiqiao.xml',
        ...world.posts.slice(0, 40).map((p) => p.url),
      ];
      for (const p of withFile) samples.push(p.url.replace(/[^/]+$/, ''));
      for (const url of samples) {
        const [a, b] = await Promise.all([get(url), fetch(`${other.origin}${url}`)]);
        const [x, y] = [Buffer.from(await a.arrayBuffer()), Buffer.from(await b.arrayBuffer())];
        expect(x.toString('latin1').replaceAll(server.origin, '').length).toBe(
          y.toString('latin1').replaceAll(other.origin, '').length,
        );
        if (!url.startsWith('/feeds/')) expect(x.equals(y), url).toBe(true);
      }
      for (const post of withFile) {
        const html = await (await get(post.url)).text();
        const href = /href="([^"]+\.(?:xlsx|docx|pdf))"/.exec(html)?.[1] as string;
        const resolved = new URL(href, `${server.origin}${post.url}`).pathname;
        const [a, b] = await Promise.all([get(resolved), fetch(`${other.origin}${resolved}`)]);
        expect(a.status).toBe(200);
        expect(Buffer.from(await a.arrayBuffer()).equals(Buffer.from(await b.arrayBuffer()))).toBe(true);
      }
    } finally {
      await other.close();
    }
  });

  it('links every post online at year end from the start pages of the registry', async () => {
    const { registry } = readRegistry(path.join(dir, 'registry.yaml'));
    const web = registry.sources.filter((s) => s.kind !== 'offline');
    const scopes = web.flatMap((s) => s.scope ?? []);
    const reached = await followLinks(
      server.origin,
      web.flatMap((s) => s.start ?? []),
      scopes,
    );
    const watched = (url: string) => scopes.some((s) => `${server.origin}${url}`.startsWith(s));
    const online = world.posts.filter(
      (p) => p.appearsAt <= '2020-12-31' && !p.removedAt && p.channel === '政府网站' && watched(p.url),
    );
    expect(online.length).toBeGreaterThan(300);
    const missed = online.filter((p) => !reached.has(`${server.origin}${p.url}`)).map((p) => p.url);
    expect(missed).toEqual([]);
  });

  it('shows a removed post on the days it was online, and a 404 after', async () => {
    const removed = world.posts.find(
      (p) => p.removedAt && p.removedAt <= '2020-12-31',
    ) as DemoWorld['posts'][number];
    expect((await get(removed.url)).status).toBe(404);
    server.today = removed.appearsAt;
    try {
      expect((await get(removed.url)).status).toBe(200);
      const reached = await followLinks(
        server.origin,
        [`${server.origin}${siteStart(removed.siteId)}`],
        [`${server.origin}${world.district.sites.find((s) => s.id === removed.siteId)?.prefix}`],
      );
      expect(reached.has(`${server.origin}${removed.url}`)).toBe(true);
    } finally {
      server.today = '2020-12-31';
    }
  });

  it('hides posts before their day and changes an edited post after its edit', async () => {
    const edited = world.posts.find(
      (p) => p.edits.length > 0 && p.edits[0] && p.edits[0].at <= '2020-12-31',
    ) as DemoWorld['posts'][number];
    const later = await get(edited.url);
    server.today = edited.appearsAt;
    try {
      const first = await get(edited.url);
      expect(first.status).toBe(200);
      expect(first.headers.get('etag')).not.toBe(later.headers.get('etag'));
      server.today = '2020-01-01';
      const future = world.posts.find((p) => p.appearsAt > '2020-01-01') as DemoWorld['posts'][number];
      expect((await get(future.url)).status).toBe(404);
    } finally {
      server.today = '2020-12-31';
    }
  });

  it('answers a conditional request with 304', async () => {
    const first = await get('/fpzl/zcwj/index.html');
    const etag = first.headers.get('etag') as string;
    expect((await get('/fpzl/zcwj/index.html', { 'If-None-Match': etag })).status).toBe(304);
    const modified = first.headers.get('last-modified') as string;
    expect((await get('/fpzl/zcwj/index.html', { 'If-Modified-Since': modified })).status).toBe(304);
  });

  it('serves the Hanweb township in GBK with no charset in the HTTP header', async () => {
    const post = world.posts.find(
      (p) => p.siteId === 'chengcun' && p.appearsAt <= '2020-12-31' && !p.removedAt,
    ) as DemoWorld['posts'][number];
    const response = await get(post.url);
    expect(response.headers.get('content-type')).toBe('text/html');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(new TextDecoder('gb18030').decode(bytes)).toContain(post.title);
  });

  it('serves feeds that parse, and article pages that carry the time only in ct', async () => {
    for (const url of ['/feeds/shiqiao.xml', '/feeds/hexi.atom']) {
      const feed = parseFeed(await (await get(url)).text());
      expect(feed.items.length).toBeGreaterThan(5);
      const item = feed.items[0];
      const link = item?.url as string;
      const post = world.posts.find((p) => `${server.origin}${p.url}` === link) as DemoWorld['posts'][number];
      expect(item?.title).toBe(post.title);
      const html = await (await fetch(link)).text();
      const ct = Number(/var ct = "(\d+)"/.exec(html)?.[1]);
      expect(new Date((ct + 8 * 3600) * 1000).toISOString().slice(0, 10)).toBe(post.publishedAt);
      expect(html).not.toContain(post.publishedAt as string);
    }
  });

  it('hides the gkmlpt township list from a plain fetch: only its JSON or a browser shows it', async () => {
    const shell = await (await get('/liuhe/gkmlpt/index')).text();
    const post = world.posts.find(
      (p) => p.siteId === 'liuhe' && p.appearsAt <= '2020-12-31' && !p.removedAt,
    ) as DemoWorld['posts'][number];
    expect(shell).not.toContain(post.url);
    const column = world.district.sites
      .find((s) => s.id === 'liuhe')
      ?.columns.find((c) => c.id === post.columnId);
    const pages = await Promise.all(
      [1, 2, 3, 4, 5].map(async (page) =>
        (await get(`/liuhe/gkmlpt/api/all/${column?.code}?page=${page}&sid=1301`)).text(),
      ),
    );
    expect(pages.join('')).toContain(post.url);
  });

  it('serves robots.txt', async () => {
    expect(await (await get('/robots.txt')).text()).toContain('Disallow: /was5/');
  });
});

describe('writeDemoFiles', () => {
  it('writes a registry gongkai imports, with a source per site and feed and a board per township and village', () => {
    const { registry } = readRegistry(path.join(dir, 'registry.yaml'));
    expect(registry.bodies).toHaveLength(41);
    expect(registry.sources.filter((s) => s.kind === 'website')).toHaveLength(10);
    expect(registry.sources.filter((s) => s.kind === 'feed')).toHaveLength(2);
    expect(registry.sources.filter((s) => s.kind === 'offline')).toHaveLength(36);
  });

  it('writes the records as xlsx (Chinese headers) and csv (ids), including records never published', async () => {
    const csv = readFileSync(path.join(dir, 'records.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFitem,body,title,refNo,formed,amount,note')).toBe(true);
    const rows = csv.trim().split('\r\n').slice(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'records.xlsx'));
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      '事项',
      '主体',
      '标题',
      '文号',
      '形成日期',
      '金额',
      '备注',
    ]);
    expect(sheet?.rowCount).toBe(rows.length + 1);
    expect(sheet?.getRow(2).getCell(5).value).toBeInstanceOf(Date);
    const missing = world.outcomes.filter(
      (o) => o.website?.status === 'missing' && (!o.board || o.board.status === 'missing'),
    );
    const recordIds = world.events.filter((e) => e.record).map((e) => e.id);
    expect(missing.some((o) => recordIds.includes(o.eventId))).toBe(true);
  });

  it('writes the board postings as evidence.csv, Chinese headers, the record by its 文号 or title', () => {
    const csv = readFileSync(path.join(dir, 'evidence.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF主体,事项,渠道,张贴日期,撤下日期,公示天数,标题,记录,录入人\r\n')).toBe(true);
    const rows = csv.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(world.boards.length);
    const board = world.boards.find((b) => world.events.find((e) => e.id === b.eventId)?.refNo);
    const event = world.events.find((e) => e.id === board?.eventId);
    expect(
      rows.some(
        (r) => r.includes(`${board?.postedFrom},${board?.postedTo}`) && r.includes(event?.refNo as string),
      ),
    ).toBe(true);
  });

  it('writes the truth with every post, its item, dates, notice, elements and personal data', () => {
    const truth = JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as {
      posts: unknown[];
      events: unknown[];
      boardPostings: unknown[];
    };
    expect(truth.posts).toHaveLength(world.posts.length);
    expect(truth.posts[0]).toEqual(
      expect.objectContaining({
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1/),
        items: expect.any(Array),
        publishedAt: expect.any(String),
      }),
    );
    expect(truth.boardPostings.length).toBeGreaterThan(100);
  });
});

describe('the demo at scale', () => {
  it('tops up to 100,000 posts without materialising them, and serves any of them', async () => {
    const before = process.memoryUsage().heapUsed;
    const big = createDemoWorld({ seed: 7, catalog, calendar, posts: 100_000 });
    const grown = process.memoryUsage().heapUsed - before;
    expect(big.posts.length).toBe(world.posts.length);
    expect((big.fillers?.count ?? 0) + big.posts.length).toBe(100_000);
    expect(grown).toBeLessThan(40 * 1024 * 1024);
    const s = await startDemoServer(big, 0, { today: '2020-12-31' });
    try {
      const deep = big.fillers?.post(99_999 - big.posts.length);
      expect((await fetch(`${s.origin}${deep?.url}`)).status).toBe(200);
      const list = await (await fetch(`${s.origin}/xwzx/zwyw/index_100.html`)).text();
      expect(list).toContain('countPage');
    } finally {
      await s.close();
    }
  });
});

const START_PAGE = {
  trs: 'index.html',
  hanweb: 'index.html',
  gkmlpt: 'gkmlpt/index',
  plain: 'index.html',
  boda: 'index.htm',
  rss: '',
  atom: '',
};

function siteStart(siteId: string): string {
  const site = world.district.sites.find((s) => s.id === siteId);
  return site ? `${site.prefix}${START_PAGE[site.kind]}` : '/';
}

import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar, loadCatalog } from '../../src/catalog/index.js';
import { extractArticle } from '../../src/crawlers/extract/index.js';
import {
  type FeedEntry,
  type FeedParseResult,
  parseFeedDate,
  parseFeedDocument,
} from '../../src/crawlers/index.js';
import { createDemoWorld, type DemoServer, startDemoServer } from '../../src/demo/index.js';
import { aFetcher } from './builders.js';

const catalog = loadCatalog('shifanqu-2020', {
  dir: path.resolve(import.meta.dirname, '../../data/catalog'),
}).catalog;
const world = createDemoWorld({ seed: 3, catalog, calendar: loadCalendar() });
const fetcher = aFetcher();
let demo: DemoServer;

beforeAll(async () => {
  demo = await startDemoServer(world, 0, { today: '2020-12-31' });
});

afterAll(async () => {
  await demo.close();
});

const FEED_URL = 'https://wechat2rss.example.org/feed/shiqiao.xml';

async function fetchFeed(
  pathname: string,
): Promise<{ url: string; body: Uint8Array; contentType: string | null }> {
  const result = await fetcher.fetch(`${demo.origin}${pathname}`, { allowPrivate: true });
  if (result.kind !== 'fetched') throw new Error(`expected a body from ${pathname}`);
  return { url: result.finalUrl, body: result.body, contentType: result.headers.contentType };
}

function entriesOf(result: FeedParseResult): FeedEntry[] {
  if (result.kind !== 'feed') throw new Error(`expected a feed, got: ${result.reason}`);
  return result.entries;
}

async function articleTime(entry: FeedEntry): Promise<string | undefined> {
  const page = await fetcher.fetch(entry.url, { allowPrivate: true });
  if (page.kind !== 'fetched') return undefined;
  return extractArticle(new TextDecoder().decode(page.body), entry.url).publishedAt;
}

function rss(items: string, head = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  return `${head}\n<rss version="2.0"><channel><title>石桥乡发布</title><link>https://mp.example.org/</link>${items}</channel></rss>`;
}

const anItem = (fields: string) => `<item><title>关于2020年拟退出贫困户名单的公示</title>${fields}</item>`;

describe('parseFeedDocument', () => {
  it('reads the demo RSS feed: links, titles and China-time dates, each entry flagged to fetch its article', async () => {
    const { url, body, contentType } = await fetchFeed('/feeds/shiqiao.xml');
    const result = parseFeedDocument(body, url, { contentType });
    expect(result).toMatchObject({ kind: 'feed', format: 'rss', title: '石桥乡发布', skipped: 0 });
    const entries = entriesOf(result);
    expect(entries.length).toBeGreaterThan(5);
    const posts = new Map(world.posts.map((p) => [`${demo.origin}${p.url}`, p]));
    for (const entry of entries) {
      const post = posts.get(entry.url);
      expect(entry.title).toBe(post?.title);
      expect(entry.publishedAt?.slice(0, 10)).toBe(post?.publishedAt ?? post?.appearsAt);
      expect(entry.publishedAt).toMatch(/\+08:00$/);
      expect(entry.needsArticle).toBe(true);
    }
  });

  it('agrees with the WeChat-like page: the RSS pubDate is the article’s inline ct time', async () => {
    const { url, body } = await fetchFeed('/feeds/shiqiao.xml');
    const [first] = entriesOf(parseFeedDocument(body, url));
    expect(first).toBeDefined();
    if (first) expect(await articleTime(first)).toBe(first.publishedAt);
  });

  it('reads the demo Atom feed, whose only date is the bridge’s, so the time must come from the article', async () => {
    const { url, body, contentType } = await fetchFeed('/feeds/hexi.atom');
    const result = parseFeedDocument(body, url, { contentType });
    expect(result).toMatchObject({ kind: 'feed', format: 'atom', title: '河西街道发布' });
    const [first, ...rest] = entriesOf(result);
    expect(rest.length).toBeGreaterThan(3);
    expect(first).toMatchObject({ needsArticle: true, id: expect.stringMatching(/^urn:wechat:/) });
    expect(first?.publishedAt).toBeUndefined();
    const published = first ? await articleTime(first) : undefined;
    // The demo bridge stamps an entry five hours after the article's ct.
    expect(Date.parse(first?.updatedAt ?? '') - Date.parse(published ?? '')).toBe(5 * 3_600_000);
  });

  it('decodes a GBK RSS feed declared in its XML prolog', () => {
    const text = rss(
      anItem(
        '<link>https://mp.example.org/s/1</link><description>联系人：王镕、李喆、张堃、赵珺</description>',
      ),
      '<?xml version="1.0" encoding="GBK"?>',
    );
    const entries = entriesOf(parseFeedDocument(new Uint8Array(iconv.encode(text, 'gbk')), FEED_URL));
    expect(entries[0]).toMatchObject({
      title: '关于2020年拟退出贫困户名单的公示',
      summary: '联系人：王镕、李喆、张堃、赵珺',
    });
  });

  it('reads a JSON Feed 1.1 and fetches only the entries that carry no content', () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: '城村镇发布',
      items: [
        {
          id: 'a1',
          url: 'https://mp.example.org/s/a1',
          title: '城村镇2020年项目库公示',
          content_html: '<p>现将项目库予以公示，公示期10天。</p>',
          date_published: '2020-05-12T10:40:00+08:00',
        },
        {
          id: 2,
          url: '/s/a2',
          title: '资金分配结果',
          summary: '详见原文',
          date_published: '2020-05-13T02:00:00Z',
        },
        { id: 'no-link', title: '没有链接的条目' },
      ],
    };
    const result = parseFeedDocument(JSON.stringify(feed), 'https://bridge.example.org/feeds/chengcun.json');
    expect(result).toMatchObject({ kind: 'feed', format: 'json', skipped: 1 });
    expect(entriesOf(result)).toEqual([
      expect.objectContaining({ id: 'a1', publishedAt: '2020-05-12T10:40:00+08:00', needsArticle: false }),
      expect.objectContaining({
        id: '2',
        url: 'https://bridge.example.org/s/a2',
        publishedAt: '2020-05-13T10:00:00+08:00',
        summary: '详见原文',
        needsArticle: true,
      }),
    ]);
  });

  it('reads a zone-less pubDate as China time, whatever the process time zone', () => {
    const text = rss(anItem('<link>https://mp.example.org/s/1</link><pubDate>2021-10-13 08:00:00</pubDate>'));
    expect(entriesOf(parseFeedDocument(text, FEED_URL))[0]?.publishedAt).toBe('2021-10-13T08:00:00+08:00');
  });

  it('reports a bridge’s HTML error page as a source fault naming the page', () => {
    const page =
      '<!DOCTYPE html><html><head><title>Welcome to RSSHub! 路由不存在</title></head><body>…</body></html>';
    expect(parseFeedDocument(page, FEED_URL)).toMatchInlineSnapshot(`
      {
        "kind": "failed",
        "reason": "订阅源 https://wechat2rss.example.org/feed/shiqiao.xml 返回的是网页而不是订阅源，可能是桥接服务的错误页：“Welcome to RSSHub! 路由不存在”",
      }
    `);
  });

  it('reports a bridge’s JSON error as a source fault', () => {
    const result = parseFeedDocument('{"error":{"message":"账号已失效"}}', FEED_URL);
    expect(result).toEqual({ kind: 'failed', reason: expect.stringContaining('“账号已失效”') });
  });

  it('reports an empty feed as a source fault when the last visit found entries', () => {
    expect(parseFeedDocument(rss(''), FEED_URL, { previousEntryCount: 12 })).toMatchInlineSnapshot(`
      {
        "kind": "failed",
        "reason": "订阅源 https://wechat2rss.example.org/feed/shiqiao.xml 上次有 12 条，这次一条也没有：按来源故障处理（桥接服务可能失效），不视为“未发布”",
      }
    `);
  });

  it('returns an empty feed as a feed when it has never had entries', () => {
    expect(parseFeedDocument(rss(''), FEED_URL)).toMatchObject({ kind: 'feed', entries: [] });
  });

  it('reports a truncated XML download as a source fault instead of the entries before the cut', async () => {
    const { url, body } = await fetchFeed('/feeds/shiqiao.xml');
    const cut = new TextDecoder().decode(body).slice(0, Math.floor(body.byteLength / 2));
    expect(parseFeedDocument(cut, url)).toEqual({
      kind: 'failed',
      reason: expect.stringContaining('XML 不完整'),
    });
  });

  it('reports an empty body and broken JSON as source faults', () => {
    expect(parseFeedDocument(new Uint8Array(), FEED_URL)).toMatchObject({ kind: 'failed' });
    expect(
      parseFeedDocument('{"version":"https://jsonfeed.org/version/1.1","items":[', FEED_URL),
    ).toMatchObject({
      kind: 'failed',
    });
  });

  it('refuses XML that declares entities', () => {
    const text = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]>${rss(anItem('<link>https://a.example/1</link>'), '')}`;
    expect(parseFeedDocument(text, FEED_URL)).toMatchObject({ kind: 'failed' });
  });
});

describe('parseFeedDate', () => {
  it.each([
    ['Wed, 06 May 2020 09:30:00 +0800', '2020-05-06T09:30:00+08:00'],
    ['2020-05-06T01:30:00Z', '2020-05-06T09:30:00+08:00'],
    ['Wed, 06 May 2020 01:30:00 GMT', '2020-05-06T09:30:00+08:00'],
    ['Wed, 06 May 2020 09:30:00 CST', '2020-05-06T09:30:00+08:00'],
    ['Wed, 06 May 2020 09:30:00', '2020-05-06T09:30:00+08:00'],
    ['2020-05-06 09:30', '2020-05-06T09:30:00+08:00'],
    ['2020年05月06日 09:30', '2020-05-06T09:30:00+08:00'],
    ['2020-05-06', '2020-05-06'],
  ])('reads %s as %s', (raw, iso) => {
    expect(parseFeedDate(raw)).toBe(iso);
  });

  it('returns undefined for text that is no date', () => {
    expect(parseFeedDate('garbage')).toBeUndefined();
    expect(parseFeedDate('')).toBeUndefined();
  });
});

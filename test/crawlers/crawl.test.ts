import { afterEach, describe, expect, it } from 'vitest';
import { crawlSource, type ExtractedArticle } from '../../src/crawlers/index.js';
import { createDemoWorld, type DemoServer, type DemoWorld } from '../../src/demo/index.js';
import type { Store } from '../../src/store/index.js';
import { calendar, catalog, demoEffects, demoSetup } from '../helpers/demo-crawl.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();
let server: DemoServer | undefined;
let store: Store | undefined;

afterEach(async () => {
  store?.close();
  await server?.close();
  store = undefined;
  server = undefined;
});

type Truth = DemoWorld['posts'][number];

/** Truth posts of a source online on the server's day. */
function truthOf(world: DemoWorld, s: DemoServer, sourceScope: readonly string[]): Truth[] {
  return world.posts.filter(
    (p) =>
      p.appearsAt <= s.today &&
      (!p.removedAt || s.today < p.removedAt) &&
      sourceScope.some((prefix) => `${s.origin}${p.url}`.startsWith(prefix)),
  );
}

async function crawl(sourceId: string) {
  if (!store || !server) throw new Error('no setup');
  const source = store.sources.get(sourceId);
  if (!source) throw new Error(`no source ${sourceId}`);
  const day = server;
  const effects = demoEffects(store, () => day.today);
  try {
    return await crawlSource(effects, source);
  } finally {
    await effects.close();
  }
}

describe('crawlSource on the demo web', () => {
  it.each(['fpb-web', 'czb-web', 'chengcun-web', 'dongpo-web', 'taoyuan-web', 'hexi-web'])(
    'stores every post of %s online that day, with its title and publication date',
    async (sourceId) => {
      ({ server, store } = await demoSetup(tempDir()));
      const world = demoWorldOf(11);
      const report = await crawl(sourceId);
      expect(report.status).toBe('ok');
      const source = store.sources.get(sourceId);
      const expected = truthOf(world, server, source?.scope ?? []).filter(
        (p) => p.siteId === siteOf(sourceId, world),
      );
      const stored = new Map(store.posts.list({ sourceId }).map((p) => [p.url, p]));
      const missing = expected.filter((p) => !stored.has(`${server?.origin}${p.url}`)).map((p) => p.url);
      expect(missing).toEqual([]);
      for (const truth of expected) {
        const post = stored.get(`${server.origin}${truth.url}`);
        expect(post?.title, truth.url).toBe(truth.title);
        expect(post?.publishedAt?.slice(0, 10), truth.url).toBe(truth.publishedAt);
      }
    },
  );

  it.each(['shiqiao-wx', 'hexi-wx'])(
    'follows the feed %s week by week and keeps every entry with its ct time',
    async (sourceId) => {
      ({ server, store } = await demoSetup(tempDir(), 11, '2020-01-06'));
      const world = demoWorldOf(11);
      const days: string[] = [];
      for (let day = Date.parse('2020-01-06'); day <= Date.parse('2020-12-31'); day += 7 * 86_400_000) {
        server.today = new Date(day).toISOString().slice(0, 10);
        days.push(server.today);
        await crawl(sourceId);
      }
      // Every entry that was in the feed on some day it was polled.
      const seen = (p: Truth) => days.some((d) => p.appearsAt <= d && (!p.removedAt || d < p.removedAt));
      const expected = world.posts.filter((p) => p.siteId === sourceId && seen(p));
      const stored = new Map(store.posts.list({ sourceId }).map((p) => [p.url, p]));
      expect(expected.filter((p) => !stored.has(`${server?.origin}${p.url}`)).map((p) => p.url)).toEqual([]);
      for (const truth of expected)
        expect(stored.get(`${server.origin}${truth.url}`)?.publishedAt?.slice(0, 10)).toBe(truth.publishedAt);
    },
  );

  it('sends one conditional request per list page and fetches no article on a second pass over an unchanged site', async () => {
    ({ server, store } = await demoSetup(tempDir()));
    const first = await crawl('chengcun-web');
    expect(first.stats.newPosts).toBeGreaterThan(20);
    const second = await crawl('chengcun-web');
    const fetches = store.fetches.forRun(second.runId);
    expect(fetches.filter((f) => f.purpose === 'article')).toEqual([]);
    expect(second.stats.newPosts).toBe(0);
    const urls = fetches.map((f) => f.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(fetches.every((f) => f.outcome === 'not_modified')).toBe(true);
  });

  it('keeps the raw bytes of every page once, with the decoder it used', async () => {
    ({ server, store } = await demoSetup(tempDir()));
    await crawl('chengcun-web');
    const post = store.posts.list({ sourceId: 'chengcun-web' })[0];
    const version = post?.currentVersionId ? store.posts.version(post.currentVersionId) : undefined;
    const fetch = version ? store.fetches.get(version.fetchId) : undefined;
    expect(fetch?.charset).toBe('gb18030');
    expect(store.blobs.get(fetch?.bodySha256 ?? '')?.length).toBe(fetch?.size);
    expect((version?.extracted as ExtractedArticle | undefined)?.title).toBe(post?.title);
  });

  it('finds a village notice taken down early', async () => {
    const dir = tempDir();
    ({ server, store } = await demoSetup(dir, 11, '2020-03-01'));
    const world = demoWorldOf(11);
    const early = world.posts.find(
      (p) => p.siteId === 'hexi' && p.flags.includes('removed_early') && p.removedAt,
    ) as Truth;
    server.today = early.appearsAt;
    await crawl('hexi-web');
    const stored = store.posts.byUrl('hexi-web', `${server.origin}${early.url}`);
    expect(stored?.removedAt).toBeNull();
    server.today = early.removedAt as string;
    await crawl('hexi-web');
    expect(store.posts.byUrl('hexi-web', `${server.origin}${early.url}`)?.removedAt?.slice(0, 10)).toBe(
      early.removedAt,
    );
  });

  it('keeps a new version when a post is edited after publication', async () => {
    ({ server, store } = await demoSetup(tempDir(), 11, '2020-01-01'));
    const world = demoWorldOf(11);
    const edited = world.posts.find(
      (p) => p.siteId === 'hexi' && p.edits.length > 0 && !p.removedAt,
    ) as Truth;
    server.today = edited.appearsAt;
    await crawl('hexi-web');
    server.today = (edited.edits[0] as Truth['edits'][number]).at;
    await crawl('hexi-web');
    const post = store.posts.byUrl('hexi-web', `${server.origin}${edited.url}`);
    expect(store.posts.versions(post?.id ?? 0).length).toBeGreaterThanOrEqual(2);
  });

  it('fetches and reads attachments once per file', async () => {
    ({ server, store } = await demoSetup(tempDir()));
    const report = await crawl('fpb-web');
    expect(report.stats.attachments).toBeGreaterThan(0);
    const rows = store.db.prepare('SELECT status, count(*) AS n FROM attachments GROUP BY status').all() as {
      status: string;
      n: number;
    }[];
    expect(rows.find((r) => r.status === 'text')?.n).toBeGreaterThan(0);
  });

  it('records a source that is down as failed, and marks nothing removed', async () => {
    ({ server, store } = await demoSetup(tempDir()));
    await crawl('dongpo-web');
    const before = store.posts.count('dongpo-web');
    await server.close();
    server = undefined;
    const source = store.sources.get('dongpo-web');
    if (!source) throw new Error('no source');
    const effects = demoEffects(store, () => '2021-06-30');
    const report = await crawlSource(effects, source);
    await effects.close();
    expect(report.status).toBe('failed');
    expect(store.health.get('dongpo-web')).toMatchObject({ consecutiveFailures: 1 });
    expect(store.posts.list({ sourceId: 'dongpo-web' }).filter((p) => p.removedAt)).toEqual([]);
    expect(store.posts.count('dongpo-web')).toBe(before);
  });
});

const worlds = new Map<number, DemoWorld>();
function demoWorldOf(seed: number): DemoWorld {
  const world = worlds.get(seed) ?? createDemoWorld({ seed, catalog, calendar });
  worlds.set(seed, world);
  return world;
}

function siteOf(sourceId: string, world: DemoWorld): string {
  if (['fpb-web', 'czb-web', 'jtj-web', 'slj-web', 'jyj-web'].includes(sourceId)) return 'portal';
  const site = world.district.sites.find((s) => `${s.id}-web` === sourceId || s.id === sourceId);
  return site?.id ?? sourceId;
}

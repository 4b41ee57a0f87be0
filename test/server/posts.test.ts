import { describe, expect, it } from 'vitest';
import { MATCHER_VERSION } from '../../src/matchers/index.js';
import type { Store } from '../../src/store/index.js';
import { dashboardApp, login, useScoredDemo } from '../helpers/dashboard.js';
import { catalog } from '../helpers/demo-crawl.js';

let store: Store;
useScoredDemo((s) => {
  store = s;
});

const HOSTILE = '<img src=x onerror=alert(1)>';

/** The ids of the posts a page lists, in order. */
const listed = (html: string) => [...html.matchAll(/data-post="(\d+)"/g)].map((m) => Number(m[1]));

async function page(app: ReturnType<typeof dashboardApp>['app'], url: string, cookie: string) {
  const res = await app.request(url, { headers: { cookie } });
  return { status: res.status, html: await res.text() };
}

const matchOf = (postId: number) => {
  const post = store.posts.get(postId);
  return post?.currentVersionId ? store.matches.get(post.currentVersionId) : undefined;
};
const sourceBody = (postId: number) => store.sources.get(store.posts.get(postId)?.sourceId ?? '')?.bodyId;

/** A post on the poverty office's site with a hostile title, URL and analysis, stored as the crawler would. */
function addHostilePost(): number {
  const at = '2020-06-02T02:00:00.000Z';
  const blob = store.blobs.put(new TextEncoder().encode(`<html><title>${HOSTILE}</title></html>`));
  const url = 'javascript:alert(1)//evil.html';
  const fetchId = store.fetches.record({
    runId: null,
    sourceId: 'fpb-web',
    url,
    finalUrl: null,
    purpose: 'article',
    at,
    durationMs: 5,
    status: 200,
    outcome: 'fetched',
    reason: null,
    contentType: 'text/html',
    etag: null,
    lastModified: null,
    charset: 'utf-8',
    charsetSource: 'header',
    bodySha256: blob.sha256,
    size: blob.size,
    rendered: false,
    screenshotSha256: null,
    redirects: [],
  });
  const { post, version } = store.posts.recordVersion({
    sourceId: 'fpb-web',
    url,
    at,
    contentSha256: 'c'.repeat(64),
    bodySha256: blob.sha256,
    fetchId,
    title: HOSTILE,
    publishedAt: '2020-06-01',
    extracted: {},
    nextCheck: null,
  });
  store.matches.save(
    {
      versionId: version.id,
      matcherVersion: MATCHER_VERSION,
      catalog: catalog.id,
      items: [{ id: 'funds.allocation', confidence: 0.42 }],
      publishedAt: '2020-06-01',
      formedAt: null,
      notice: null,
      publisherBody: 'fpb',
      publisherName: '<b>fake</b>',
      elements: { present: ['资金来源'], missing: [] },
      privacy: [{ kind: 'id_number', count: 2 }],
      interpretationOf: null,
      docNo: null,
      analysis: {
        items: [{ id: 'funds.allocation', evidence: [{ kind: 'title', text: HOSTILE }] }],
        elements: {
          present: [{ key: '资金来源', span: { where: 'body', text: '<script>alert(2)</script>' } }],
        },
      },
    },
    [],
  );
  return post.id;
}

describe('/posts', () => {
  it('filters by catalog item, body and publication date, and pages without counting', async () => {
    const { app } = dashboardApp(store);
    const { cookie } = await login(app, '评估员');

    const all = await page(app, '/posts', cookie);
    expect(all.status).toBe(200);
    expect(listed(all.html)).toHaveLength(20);
    expect(all.html).toContain('href="/posts?offset=20"');
    const next = listed((await page(app, '/posts?offset=20', cookie)).html);
    expect(next).toHaveLength(20);
    expect(next.filter((id) => listed(all.html).includes(id))).toEqual([]);

    const funds = listed((await page(app, '/posts?item=funds.allocation', cookie)).html);
    expect(funds.length).toBeGreaterThan(0);
    for (const id of funds) expect(matchOf(id)?.items.map((i) => i.id)).toContain('funds.allocation');
    const none = listed((await page(app, '/posts?item=none', cookie)).html);
    expect(none.length).toBeGreaterThan(0);
    for (const id of none) expect(matchOf(id)?.items ?? []).toEqual([]);

    const hexi = new Set(['t-hexi', ...store.bodies.children('t-hexi').map((b) => b.id)]);
    const ofHexi = listed((await page(app, '/posts?body=t-hexi', cookie)).html);
    expect(ofHexi.length).toBeGreaterThan(0);
    for (const id of ofHexi)
      expect(sourceBody(id) === 't-hexi' || matchOf(id)?.publisherBody === 't-hexi').toBe(true);
    expect(ofHexi.some((id) => hexi.has(sourceBody(id) ?? ''))).toBe(true);

    const june = listed((await page(app, '/posts?from=2020-06-01&to=2020-06-30', cookie)).html);
    expect(june.length).toBeGreaterThan(0);
    for (const id of june) {
      const day = matchOf(id)?.publishedAt ?? store.posts.get(id)?.publishedAt?.slice(0, 10);
      expect(day && day >= '2020-06-01' && day <= '2020-06-30').toBe(true);
    }
    expect(listed((await page(app, '/posts?status=reviewed', cookie)).html)).toEqual([]);
  });

  it('shows a township only its own bodies’ posts, and 404 for the others', async () => {
    const { app } = dashboardApp(store);
    const { cookie } = await login(app, 'hexi');
    const hexi = new Set(['t-hexi', ...store.bodies.children('t-hexi').map((b) => b.id)]);
    const own = await page(app, '/posts', cookie);
    expect(own.status).toBe(200);
    const ids = listed(own.html);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids)
      expect(hexi.has(sourceBody(id) ?? '') || hexi.has(matchOf(id)?.publisherBody ?? '')).toBe(true);
    expect(ids.map((id) => store.posts.get(id)?.sourceId)).not.toContain('fpb-web');
    expect(own.html).not.toContain('<option value="fpb"');

    const office = store.posts
      .list({ sourceId: 'fpb-web' })
      .find((p) => matchOf(p.id)?.publisherBody === 'fpb');
    expect((await page(app, `/posts/${office?.id}`, cookie)).status).toBe(404);
    expect((await page(app, '/posts?body=fpb', cookie)).status).toBe(404);
    expect((await page(app, `/posts/${ids[0]}`, cookie)).status).toBe(200);
  });

  it('shows a post’s match, versions and reviews on its page', async () => {
    const { app } = dashboardApp(store);
    const { cookie } = await login(app, '评估员');
    const id = listed((await page(app, '/posts?item=funds.allocation', cookie)).html)[0] as number;
    const detail = await page(app, `/posts/${id}`, cookie);
    expect(detail.status).toBe(200);
    expect(detail.html).toContain('财政专项扶贫资金分配结果');
    expect(detail.html).toMatch(/置信度 \d+\.\d%/);
    expect(detail.html).toContain(`href="/archive/${store.posts.get(id)?.currentVersionId}"`);
    expect(detail.html).toContain(`href="/review/posts/${id}"`);
    expect(detail.html).toContain('尚未复核');
  });

  it('escapes a hostile title and analysis, and links only http(s) addresses', async () => {
    const id = addHostilePost();
    const { app } = dashboardApp(store);
    const { cookie } = await login(app, '评估员');
    const found = await page(app, '/posts?q=onerror', cookie);
    expect(listed(found.html)).toEqual([id]);
    expect(found.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(found.html).not.toContain('<img src=x');

    const detail = await page(app, `/posts/${id}`, cookie);
    expect(detail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(detail.html).not.toContain('<img src=x');
    expect(detail.html).not.toContain('<script>alert(2)');
    expect(detail.html).not.toContain('<b>fake</b>');
    expect(detail.html).not.toMatch(/href="javascript:/i);
    expect(detail.html).toContain('身份证号 2 处');
  });

  it('answers a filter it cannot read with 400 and says which', async () => {
    const { app } = dashboardApp(store);
    const { cookie } = await login(app, '评估员');
    const bad = await page(app, '/posts?from=2020-13', cookie);
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('筛选条件无效：起始日期');
    const item = await page(app, '/posts?item=funds.nothing', cookie);
    expect(item.status).toBe(400);
    expect(item.html).toContain('没有这个目录事项');
  });
});

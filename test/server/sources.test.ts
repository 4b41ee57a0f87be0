import { describe, expect, it } from 'vitest';
import { nextSlot } from '../../src/server/routes/sources.js';
import type { Store } from '../../src/store/index.js';
import { dashboardApp, login, testActions, useScoredDemo } from '../helpers/dashboard.js';

let store: Store;
useScoredDemo((s) => {
  store = s;
});

type App = ReturnType<typeof dashboardApp>['app'];

const crawlNow = (app: App, sourceId: string, cookie: string, csrf?: string) =>
  app.request(`/sources/${sourceId}/crawl`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(csrf ? { _csrf: csrf } : {}).toString(),
  });

/** The table row of a source on the page. */
const rowOf = (html: string, sourceId: string) => {
  const start = html.indexOf(`<tr id="${sourceId}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</tr>', start));
};

describe('nextSlot', () => {
  it('returns the next time a schedule fires in its timezone', () => {
    // 10:00 in China: the next 06:00 is tomorrow's, 22:00 UTC today.
    const now = new Date('2021-01-05T02:00:00Z');
    expect(nextSlot('0 6 * * *', 'Asia/Shanghai', now)?.toISOString()).toBe('2021-01-05T22:00:00.000Z');
    expect(nextSlot('*/15 * * * *', 'Asia/Shanghai', now)?.toISOString()).toBe('2021-01-05T02:15:00.000Z');
  });

  it('returns undefined for an expression the scheduler cannot read', () => {
    expect(nextSlot('not a cron', 'Asia/Shanghai', new Date('2021-01-05T02:00:00Z'))).toBeUndefined();
  });
});

describe('/sources', () => {
  it('shows each source’s health with Chinese labels, anchored by its id, failing sources first', async () => {
    store.health.report('czb-web', '2021-01-04T22:00:00.000Z', {
      ok: false,
      errors: { timeout: 2, server_error: 1 },
      lastError: 'timeout',
    });
    const { app } = dashboardApp(store);
    const { cookie } = await login(app, '评估员');
    const res = await app.request('/sources', { headers: { cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    const failing = rowOf(html, 'czb-web');
    expect(failing).toContain('<strong class="bad">1 次</strong>');
    expect(failing).toContain('请求超时');
    expect(failing).toContain('网站服务器错误（5xx）');
    expect(html.indexOf('<tr id="czb-web"')).toBeLessThan(html.indexOf('<tr id="fpb-web"'));
    const office = rowOf(html, 'fpb-web');
    expect(office).toContain('成功');
    expect(office).toMatch(/请求 \d+，新信息 \d+/);
    // The clock says 2021-01-05 10:00 in China; the demo's sources crawl at 06:00.
    expect(office).toContain('2021年1月6日 06:00');
    expect(office).toContain('action="/sources/fpb-web/crawl"');
    expect(html).toContain('<li id="v-xicun-board">');
  });

  it('crawls a source now with the session’s CSRF token, audits it and shows the result', async () => {
    const { actions } = testActions(store, { crawlNow: async () => ({ status: 'ok', newPosts: 3 }) });
    const { app } = dashboardApp(store, { actions });
    const { cookie, csrf } = await login(app, '评估员');
    const res = await crawlNow(app, 'fpb-web', cookie, csrf);
    expect(res.status).toBe(303);
    const location = res.headers.get('location') as string;
    expect(location).toBe('/sources?crawled=fpb-web&result=ok&new=3#fpb-web');
    expect(store.accounts.auditLog({ actor: '评估员' })[0]).toMatchObject({
      action: 'source.crawl',
      target: 'source:fpb-web',
    });
    const page = await (await app.request(location, { headers: { cookie } })).text();
    expect(page).toContain('fpb-web：抓取完成，新发现 3 条信息。');
  });

  it('records the request and tells when the crawl fails', async () => {
    const { actions } = testActions(store, {
      crawlNow: async (id) => {
        throw new Error(`no route to ${id}`);
      },
    });
    const { app } = dashboardApp(store, { actions });
    const { cookie, csrf } = await login(app, 'admin');
    const res = await crawlNow(app, 'hexi-web', cookie, csrf);
    expect(res.headers.get('location')).toBe('/sources?crawled=hexi-web&result=error#hexi-web');
    const page = await (
      await app.request(res.headers.get('location') as string, { headers: { cookie } })
    ).text();
    expect(page).toContain('抓取 hexi-web 时出错');
    expect(store.accounts.auditLog({ actor: 'admin' })[0]).toMatchObject({ target: 'source:hexi-web' });
  });

  it('refuses a crawl without the CSRF token, from a township lead, and of an offline source', async () => {
    const { app, calls } = dashboardApp(store);
    const evaluator = await login(app, '评估员');
    expect((await crawlNow(app, 'fpb-web', evaluator.cookie)).status).toBe(403);
    expect((await crawlNow(app, 'fpb-web', evaluator.cookie, 'forged')).status).toBe(403);
    expect((await crawlNow(app, 'v-xicun-board', evaluator.cookie, evaluator.csrf)).status).toBe(404);
    const township = await login(app, 'hexi');
    expect((await crawlNow(app, 'hexi-web', township.cookie, township.csrf)).status).toBe(403);
    expect((await app.request('/sources', { headers: { cookie: township.cookie } })).status).toBe(403);
    expect(calls).toEqual([]);
  });

  it('calls the crawl action with the source', async () => {
    const { app, calls } = dashboardApp(store);
    const { cookie, csrf } = await login(app, 'admin');
    expect((await crawlNow(app, 'hexi-wx', cookie, csrf)).status).toBe(303);
    expect(calls).toEqual([{ action: 'crawlNow', args: ['hexi-wx'] }]);
  });
});

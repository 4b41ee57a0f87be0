import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerActions } from '../../src/cli/server-actions.js';
import { silentLog } from '../../src/crawlers/index.js';
import type { Obligation } from '../../src/scoring/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { addAccounts, dashboardApp, login, scheme, scoredDemo } from '../helpers/dashboard.js';
import { calendar, catalog } from '../helpers/demo-crawl.js';
import { type FaultServer, serves, startFaultServer } from '../helpers/fault-server.js';

let dir: string;
let store: Store;
let demo: Awaited<ReturnType<typeof scoredDemo>>;
let web: FaultServer;
let actions: ReturnType<typeof createServerActions>;

const HOSTILE_TITLE = '关于<script>alert(1)</script><img src=x onerror=alert(2)>五里村计划完成情况的公示';
const COMPLETION_TITLE = '五里村2020年扶贫资金项目计划完成情况公示';
const COMPLETION_TEXT = `<p>根据扶贫资金项目管理有关规定，现将五里村2020年扶贫资金项目计划完成情况公示如下：</p>
  <p>一、项目建设完成情况：计划实施项目3个，已全部完工并通过验收。</p>
  <p>二、资金使用情况：下达资金86万元，已支付86万元。</p>
  <p>三、建设任务：硬化道路2.1公里，建设扶贫车间1座。</p>
  <p>四、绩效目标和减贫机制实现情况：带动脱贫户32户增收。</p>
  <p>公示期：2021年1月4日至2021年1月13日。监督电话：0398-12317。</p>`;
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'gongkai-township-'));
  demo = await scoredDemo(dir);
  store = openStore(demo.db);
  await addAccounts(store);
  const page = (title: string, text: string) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>
     <h1>${escapeHtml(title)}</h1><p>发布时间：2021-01-04 来源：河西街道办事处</p><div class="content">${text}</div></body></html>`;
  web = await startFaultServer({
    '/hexi/info/99/1.htm': serves(page(HOSTILE_TITLE, '<p>见附表。</p>'), { 'content-type': 'text/html' }),
    '/hexi/info/99/2.htm': serves(page(COMPLETION_TITLE, COMPLETION_TEXT), { 'content-type': 'text/html' }),
  });
  // The township's site as registered, plus this server's copy of its folder.
  const site = store.sources.get('hexi-web');
  if (site) store.sources.upsert({ ...site, scope: [...site.scope, web.url('/hexi/')] });
  actions = createServerActions({
    store,
    catalog,
    calendar,
    scheme,
    calendarFile: undefined,
    log: silentLog,
  });
}, 120_000);

afterAll(async () => {
  await actions?.close();
  store?.close();
  await web?.close();
  await demo?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// accounts.auditLog passes its numbered parameters positionally (better-sqlite3 refuses): read the table.
function lastAudit(store: Store, actor: string) {
  const row = store.db
    .prepare<[string], { action: string; target: string | null; detail: string }>(
      'SELECT action, target, detail FROM audit_log WHERE actor = ? ORDER BY id DESC LIMIT 1',
    )
    .get(actor);
  return row ? { ...row, detail: JSON.parse(row.detail) as Record<string, unknown> } : undefined;
}

const hexiIds = () => [
  't-hexi',
  ...store.bodies
    .list()
    .filter((b) => b.parentId === 't-hexi')
    .map((b) => b.id),
];
const obligationsOf = (bodyId: string): Obligation[] => {
  const run = store.scores.latest(2020);
  return run ? store.scores.obligations<Obligation>(run.id, bodyId).map((r) => r.data) : [];
};
// v-wuli's website obligation due on 2021-01-06: overdue when the list is computed for 2021-01-08.
const websiteObligation = () =>
  obligationsOf('v-wuli').find((o) => o.channel === '政府网站' && o.status === 'pending') as Obligation;

function claimForm(csrf: string, fields: Record<string, string>) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, year: '2020', publishedOn: '', note: '', ...fields }).toString(),
  };
}

describe('/overdue', () => {
  it('shows a township lead only 河西街道 and its villages, most overdue first, in working days', async () => {
    const { app } = dashboardApp(store);
    const { cookie } = await login(app, 'hexi');
    const res = await app.request('/overdue', { headers: { cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    const options = [...html.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
    expect(options.filter((v) => store.bodies.get(v ?? ''))).toEqual(expect.arrayContaining(hexiIds()));
    expect(options.every((v) => !v || hexiIds().includes(v) || /^\d{4}$/.test(v))).toBe(true);
    expect(html).not.toContain('城村镇');
    const late = obligationsOf('t-hexi')
      .filter((o) => o.status === 'missing')
      .map((o) => o.workdaysLate as number)
      .sort((a, b) => b - a);
    expect(late.length).toBeGreaterThan(1);
    const section = html.slice(html.indexOf('id="b-t-hexi"'), html.indexOf('id="b-v-'));
    const shown = [...section.matchAll(/逾期 (\d+) 个工作日/g)].map((m) => Number(m[1]));
    expect(shown).toEqual(late);
    expect(section).toContain('今天到期');
    // The loans post states neither a term nor the enterprises' loan amounts (the demo's truth says the same).
    expect(section).toContain('缺少要素：期限、贷款额度');
    expect(section).toContain('信息形成（变更）20个工作日内');
    expect(section).toContain('2020年4月8日');
    expect(html.indexOf('id="b-t-hexi"')).toBeLessThan(html.indexOf('id="b-v-binhe"'));
    expect((await app.request('/overdue?body=fpb', { headers: { cookie } })).status).toBe(404);
    expect((await app.request('/overdue?body=v-binhe', { headers: { cookie } })).status).toBe(200);
  });

  it('gives an evaluator each township’s counts and any body on request', async () => {
    const { app } = dashboardApp(store);
    const { cookie } = await login(app, '评估员');
    const index = await (await app.request('/overdue', { headers: { cookie } })).text();
    expect(index).toContain('href="/overdue?body=t-hexi&amp;year=2020"');
    expect(index).toContain('城村镇');
    const fpb = await app.request('/overdue?body=fpb', { headers: { cookie } });
    expect(fpb.status).toBe(200);
    expect(await fpb.text()).toContain('待办与逾期');
  });

  it('on a later day, sends a village’s website item to the township’s site with a claim form', async () => {
    const { app } = dashboardApp(store);
    const { cookie } = await login(app, 'hexi');
    const html = await (
      await app.request('/overdue?body=v-wuli&today=2021-01-08', { headers: { cookie } })
    ).text();
    const card = html.slice(html.indexOf(`value="${websiteObligation().key}"`) - 3000);
    expect(card).toContain('政府网站：河西街道办事处（由所属乡镇街道代为发布）');
    expect(card).toContain('逾期 2 个工作日');
    expect(card).toContain('action="/overdue/claims"');
    const bad = await app.request('/overdue?today=2031-01-01', { headers: { cookie } });
    expect(bad.status).toBe(400);
  });
});

describe('the 已发布 self-check', () => {
  it('fetches the page, files a pending claim with its post, audits it and shows what was read', async () => {
    const { app } = dashboardApp(store, { actions });
    const { cookie, csrf } = await login(app, 'hexi');
    const target = websiteObligation();
    const url = web.url('/hexi/info/99/2.htm');
    const fetchesBefore = web.hits('/hexi/info/99/2.htm');
    const res = await app.request('/overdue/claims', {
      ...claimForm(csrf, { body: 'v-wuli', obligation: target.key, url, publishedOn: '2021-01-04' }),
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('待评估人员核实');
    expect(html).toContain('识别事项');
    expect(web.hits('/hexi/info/99/2.htm')).toBe(fetchesBefore + 1);
    expect(html).toContain(COMPLETION_TITLE);
    expect(html).toContain('自动识别为“年度计划完成情况”');
    expect(html).toContain('2021年1月4日');
    const [claim] = store.claims.list({ bodyId: 'v-wuli' }).filter((c) => c.obligationKey === target.key);
    expect(claim).toMatchObject({ status: 'pending', by: 'hexi', url, publishedOn: '2021-01-04' });
    expect(claim?.postId).toBe(store.posts.byUrl('hexi-web', url)?.id);
    expect(lastAudit(store, 'hexi')).toMatchObject({
      action: 'claim.add',
      target: `claim:${claim?.id}`,
      detail: { bodyId: 'v-wuli', obligationKey: target.key, url, postId: claim?.postId },
    });
    const list = await app.request('/overdue?body=v-wuli&today=2021-01-08', { headers: { cookie } });
    expect(await list.text()).toContain('待评估人员核实');
  });

  it('shows a fetched title full of markup as text', async () => {
    const { app } = dashboardApp(store, { actions });
    const { cookie, csrf } = await login(app, 'hexi');
    const url = web.url('/hexi/info/99/1.htm');
    const res = await app.request('/overdue/claims', {
      ...claimForm(csrf, { body: 'v-wuli', obligation: websiteObligation().key, url }),
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    const html = await res.text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
  });

  it('files the claim and says why when the page cannot be fetched', async () => {
    const { app } = dashboardApp(store, { actions });
    const { cookie, csrf } = await login(app, 'hexi');
    const url = `${demo.origin}/hexi/info/63/no-such-page.htm`;
    const res = await app.request('/overdue/claims', {
      ...claimForm(csrf, { body: 'v-wuli', obligation: websiteObligation().key, url }),
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    const html = await res.text();
    expect(html).toContain('未能抓取该网页：无法获取该网页（HTTP 404）');
    expect(store.claims.list({ bodyId: 'v-wuli' }).find((c) => c.url === url)).toMatchObject({
      status: 'pending',
      postId: null,
    });
  });

  it('refuses a bad link, a board item, another township’s body and a forged token', async () => {
    const { app, calls } = dashboardApp(store);
    const { cookie, csrf } = await login(app, 'hexi');
    const post = (fields: Record<string, string>, token = csrf) =>
      app.request('/overdue/claims', {
        ...claimForm(token, fields),
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      });
    const key = websiteObligation().key;
    const script = await post({ body: 'v-wuli', obligation: key, url: 'javascript:alert(1)' });
    expect(script.status).toBe(400);
    expect(await script.text()).toContain('链接应以 http:// 或 https:// 开头');
    const board = obligationsOf('v-binhe').find((o) => o.channel === '村公示栏') as Obligation;
    const offline = await post({ body: 'v-binhe', obligation: board.key, url: 'https://example.org/a' });
    expect(offline.status).toBe(400);
    expect(await offline.text()).toContain('线下渠道');
    const fpb = obligationsOf('fpb')[0] as Obligation;
    expect((await post({ body: 'fpb', obligation: fpb.key, url: 'https://example.org/a' })).status).toBe(404);
    expect(
      (await post({ body: 'v-wuli', obligation: key, url: 'https://example.org/a' }, 'forged')).status,
    ).toBe(403);
    expect(calls.filter((c) => c.action === 'fetchClaimed')).toEqual([]);
  });
});

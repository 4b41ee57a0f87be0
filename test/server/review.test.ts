import { describe, expect, it } from 'vitest';
import type { Obligation } from '../../src/scoring/index.js';
import type { Store } from '../../src/store/index.js';
import { dashboardApp, login, useScoredDemo } from '../helpers/dashboard.js';

let store: Store;
useScoredDemo((s) => {
  store = s;
});

type App = ReturnType<typeof dashboardApp>['app'];

const submit = (app: App, url: string, cookie: string, fields: [string, string][]) =>
  app.request(url, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

const obligations = (): Obligation[] => {
  const run = store.scores.latest(2020);
  return run ? store.scores.obligations<Obligation>(run.id).map((r) => r.data) : [];
};
const obligation = (key: string) => obligations().find((o) => o.key === key);

/** Makes the matchers' reading of a post uncertain: its best item at the confidence given. */
function lowerConfidence(postId: number, confidence: number): void {
  const versionId = store.posts.get(postId)?.currentVersionId as number;
  const { matchedAt: _at, ...match } = store.matches.get(versionId) ?? ({} as never);
  store.matches.save(
    { ...match, items: match.items.map((i, n) => (n === 0 ? { ...i, confidence } : i)) },
    store.postList.recordLinks(versionId),
  );
}

describe('/review: uncertain matches', () => {
  it('records a decision with who and when, audits it, rescores, and the obligation it evidenced goes missing', async () => {
    // A record published on time on a crawled website, by one post only.
    const crawled = new Set(store.health.list().map((h) => store.sources.get(h.sourceId)?.bodyId));
    const target = obligations().find(
      (o) =>
        o.origin === 'record' &&
        crawled.has(o.bodyId) &&
        o.status === 'on_time' &&
        o.channel === '政府网站' &&
        o.evidence.length === 1 &&
        o.evidence[0]?.kind === 'post',
    ) as Obligation;
    expect(target).toBeDefined();
    const postId = target.evidence[0]?.id as number;
    lowerConfidence(postId, 0.45);
    // The demo was crawled by the wall clock, after the scoring day: a visit on the scoring day says what was absent.
    const source = store.sources.list().find((s) => s.bodyId === target.bodyId && s.channel === '政府网站');
    const visit = store.runs.start(source?.id as string, 'schedule', undefined, '2020-12-30T22:00:00.000Z');
    store.runs.finish(visit.id, 'ok', {}, undefined, '2020-12-30T22:10:00.000Z');
    const runBefore = store.scores.latest(2020)?.id;

    const { app, calls } = dashboardApp(store);
    const { cookie, csrf } = await login(app, '评估员');
    const queue = await (await app.request('/review', { headers: { cookie } })).text();
    expect(queue).toContain(`id="post-${postId}"`);
    expect(queue).toContain('置信度 45.0%');

    const res = await submit(app, `/review/posts/${postId}`, cookie, [
      ['_csrf', csrf],
      ['action', 'none'],
      ['note', '会议通知，不是分配结果'],
      ['back', '/review?below=0.6&margin=0.1'],
    ]);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/review?below=0.6&margin=0.1&saved=${postId}&years=2020`);
    expect(store.matches.reviews(postId)).toMatchObject([
      {
        by: '评估员',
        at: '2021-01-05T02:00:00.000Z',
        decision: { items: [] },
        note: '会议通知，不是分配结果',
      },
    ]);
    const audit = store.accounts.auditLog({ actor: '评估员' }).find((e) => e.action === 'review.add');
    expect(audit).toMatchObject({
      target: `post:${postId}`,
      detail: { decision: { items: [] }, rescore: [2020] },
    });
    // What the matchers read when the person decided is kept with the decision's audit entry.
    expect(audit?.detail.matcher).toMatchObject({ items: [{ id: target.item, confidence: 0.45 }] });
    expect(calls).toContainEqual({ action: 'rescore', args: [2020] });
    expect(store.scores.latest(2020)?.id).toBeGreaterThan(runBefore as number);
    expect(obligation(target.key)?.status).toBe('missing');

    const after = await (
      await app.request(res.headers.get('location') as string, { headers: { cookie } })
    ).text();
    expect(after).toContain(`已记录对信息 #${postId} 的复核，已重新评分（2020 年度）`);
    expect(after).not.toContain(`id="post-${postId}"`);
  });

  it('keeps only what differs from the matchers, refuses an unclear decision, and measures accuracy on decisions', async () => {
    const { app } = dashboardApp(store);
    const { cookie, csrf } = await login(app, '评估员');
    const reviewed = new Set(store.matches.reviews().map((r) => r.postId));
    const post = store.posts.list({ sourceId: 'hexi-web' }).find((p) => {
      const m = p.currentVersionId ? store.matches.get(p.currentVersionId) : undefined;
      return !reviewed.has(p.id) && m?.items.length === 1 && m.formedAt !== null;
    });
    const match = store.matches.get(post?.currentVersionId as number);
    const item = match?.items[0]?.id as string;
    const url = `/review/posts/${post?.id}`;

    const unclear = await submit(app, url, cookie, [
      ['_csrf', csrf],
      ['action', 'correct'],
    ]);
    expect(unclear.status).toBe(400);
    expect(await unclear.text()).toContain('请选择目录事项，或勾选“不属于目录事项”');
    const stranger = await submit(app, url, cookie, [
      ['_csrf', csrf],
      ['action', 'correct'],
      ['items', item],
      ['publisherBody', '不存在的单位'],
    ]);
    expect(stranger.status).toBe(400);
    expect(store.matches.reviews(post?.id)).toEqual([]);

    const saved = await submit(app, url, cookie, [
      ['_csrf', csrf],
      ['action', 'correct'],
      ['items', item],
      ['publishedAt', '2020-03-03'],
      ['formedAt', match?.formedAt as string],
      // Named as people know it, stored as the registry's id.
      ['publisherBody', store.bodies.get('fpb')?.name as string],
    ]);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toMatch(new RegExp(`^/posts/${post?.id}\\?saved=`));
    expect(store.matches.reviews(post?.id)[0]?.decision).toEqual({
      items: [item],
      publishedAt: '2020-03-03',
      publisherBody: 'fpb',
    });

    // Two posts decided: one the matchers got wrong (above), this one right.
    const page = await (await app.request('/review', { headers: { cookie } })).text();
    const accuracy = page.slice(page.indexOf('id="accuracy"'));
    expect(accuracy).toMatch(/<strong>2<\/strong><span>已复核信息/);
    expect(accuracy).toContain('<strong>50.0%</strong><span>自动识别的事项被确认（1 条）');
    expect(accuracy).toMatch(new RegExp(`data-item="${item.replace('.', '\\.')}">`));
  });

  it('refuses a post without the session’s CSRF token', async () => {
    const { app, calls } = dashboardApp(store);
    const { cookie } = await login(app, '评估员');
    const postId = store.posts.list()[0]?.id as number;
    const before = store.matches.reviews(postId).length;
    const res = await submit(app, `/review/posts/${postId}`, cookie, [['action', 'none']]);
    expect(res.status).toBe(403);
    expect(store.matches.reviews(postId)).toHaveLength(before);
    expect(calls).toEqual([]);
  });
});

describe('/review: claims', () => {
  it('confirms a claim, and the obligation it answers is met in the new run', async () => {
    const target = obligations().find(
      (o) => o.origin === 'record' && o.status === 'missing' && o.channel === '政府网站',
    ) as Obligation;
    expect(target).toBeDefined();
    const { id } = store.claims.add({
      bodyId: target.bodyId,
      obligationKey: target.key,
      url: 'http://127.0.0.1:9/claimed.html',
      publishedOn: target.formed,
      by: '乡镇联络员',
      note: '已在政府网站公开',
    });
    const { app, calls } = dashboardApp(store);
    const { cookie, csrf } = await login(app, '评估员');
    const page = await (await app.request('/review', { headers: { cookie } })).text();
    expect(page).toContain(`id="claim-${id}"`);
    expect(page).toContain(target.record?.title as string);
    expect(page).toContain('href="http://127.0.0.1:9/claimed.html" rel="noopener noreferrer nofollow"');

    const res = await submit(app, `/review/claims/${id}`, cookie, [
      ['_csrf', csrf],
      ['action', 'confirm'],
      ['note', '核实无误'],
    ]);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/review?claim=${id}&decided=confirmed&years=2020#claims`);
    expect(store.claims.get(id)).toMatchObject({
      status: 'confirmed',
      reviewedBy: '评估员',
      note: '核实无误',
    });
    expect(
      store.accounts.auditLog({ actor: '评估员' }).find((e) => e.action === 'claim.confirm'),
    ).toMatchObject({
      target: `claim:${id}`,
      detail: { obligationKey: target.key },
    });
    expect(calls).toContainEqual({ action: 'rescore', args: [2020] });
    expect(obligation(target.key)?.status).not.toBe('missing');
    expect(obligation(target.key)?.evidence[0]?.kind).toBe('claim');
  });

  it('rejects a claim: recorded, and the obligation stays missing', async () => {
    const target = obligations().find(
      (o) => o.origin === 'record' && o.status === 'missing' && o.channel === '政府网站',
    ) as Obligation;
    const { id } = store.claims.add({
      bodyId: target.bodyId,
      obligationKey: target.key,
      url: 'http://127.0.0.1:9/other.html',
      publishedOn: null,
      by: '乡镇联络员',
      note: null,
    });
    const { app } = dashboardApp(store);
    const { cookie, csrf } = await login(app, 'admin');
    const res = await submit(app, `/review/claims/${id}`, cookie, [
      ['_csrf', csrf],
      ['action', 'reject'],
    ]);
    expect(res.status).toBe(303);
    expect(store.claims.get(id)).toMatchObject({ status: 'rejected', reviewedBy: 'admin' });
    expect(obligation(target.key)?.status).toBe('missing');
  });
});

describe('/review: roles', () => {
  it('answers a township lead 403 on the review pages and their forms', async () => {
    const { app, calls } = dashboardApp(store);
    const { cookie, csrf } = await login(app, 'hexi');
    const postId = store.posts.list({ sourceId: 'hexi-web' })[0]?.id as number;
    const before = store.matches.reviews(postId).length;
    expect((await app.request('/review', { headers: { cookie } })).status).toBe(403);
    expect((await app.request(`/review/posts/${postId}`, { headers: { cookie } })).status).toBe(403);
    const post = await submit(app, `/review/posts/${postId}`, cookie, [
      ['_csrf', csrf],
      ['action', 'none'],
    ]);
    expect(post.status).toBe(403);
    const claim = await submit(app, '/review/claims/1', cookie, [
      ['_csrf', csrf],
      ['action', 'confirm'],
    ]);
    expect(claim.status).toBe(403);
    expect(store.matches.reviews(postId)).toHaveLength(before);
    expect(calls).toEqual([]);
  });
});

import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { addToken, dashboardApp, login, useScoredDemo } from '../helpers/dashboard.js';

let store: Store;
useScoredDemo((s) => {
  store = s;
});

describe('the dashboard: sessions', () => {
  it('sends a visitor without a session to the login page, and back after logging in', async () => {
    const { app } = dashboardApp(store);
    const res = await app.request('/bodies/fpb');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/login?next=%2Fbodies%2Ffpb');
    const ok = await app.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        name: '评估员',
        password: 'correct-horse-battery',
        next: '/bodies/fpb',
      }).toString(),
    });
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe('/bodies/fpb');
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^gongkai_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
  });

  it('answers a wrong password with 401, and the sixth try within a minute with 429', async () => {
    const { app } = dashboardApp(store);
    const attempt = () =>
      app.request('/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ name: 'admin', password: 'wrong-password' }).toString(),
      });
    for (let i = 0; i < 5; i += 1) expect((await attempt()).status).toBe(401);
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await blocked.text()).toContain('尝试次数过多');
  });

  it('refuses a form posted without the session’s CSRF token', async () => {
    const { app } = dashboardApp(store);
    const { cookie, csrf } = await login(app, 'admin');
    expect(csrf).toMatch(/^[\w-]{40,}$/);
    const forged = await app.request('/logout', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: '_csrf=forged',
    });
    expect(forged.status).toBe(403);
    const real = await app.request('/logout', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    expect(real.status).toBe(302);
    expect((await app.request('/bodies/fpb', { headers: { cookie } })).status).toBe(302);
  });
});

describe('the dashboard: pages and API', () => {
  it('shows an evaluator the overview with the ranking and chart data, escaped', async () => {
    const { app } = dashboardApp(store);
    const { cookie } = await login(app, '评估员');
    const res = await app.request('/?year=2020', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('2020 年度总览');
    expect(html).toContain('河西街道办事处');
    expect(html).toMatch(/<script type="application\/json" data-chart="chart-scores">/);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    // The cached overview sits in each viewer's own header: their name and their session's CSRF token.
    const admin = await login(app, 'admin');
    const again = await (await app.request('/?year=2020', { headers: { cookie: admin.cookie } })).text();
    expect(again).toContain(admin.csrf);
    expect(again).toMatch(/>admin（/);
    expect(again).not.toContain('评估员（');
    expect(again.slice(again.indexOf('<main'))).toBe(html.slice(html.indexOf('<main')));
  });

  it('answers the scorecards API per the contract, and a township token only for its own bodies', async () => {
    const { app } = dashboardApp(store);
    const evaluator = addToken(store, 'evaluator');
    const res = await app.request('/api/scorecards?year=2020', {
      headers: { authorization: `Bearer ${evaluator}` },
    });
    expect(res.status).toBe(200);
    const cards = (await res.json()) as {
      body: { id: string; name: string; level: string };
      findings: number;
    }[];
    expect(cards.length).toBe(store.bodies.list().length);
    expect(cards[0]).toMatchObject({
      body: { id: expect.any(String), name: expect.any(String), level: expect.any(String) },
      points: expect.any(Number),
      findings: expect.any(Number),
    });
    expect(Object.keys(cards[0] ?? {})).toEqual(expect.arrayContaining(['timeliness', 'completeness']));
    const township = addToken(store, 'township', 't-hexi');
    const own = (await (
      await app.request('/api/scorecards?year=2020', { headers: { authorization: `Bearer ${township}` } })
    ).json()) as { body: { id: string } }[];
    const hexi = new Set([
      't-hexi',
      ...store.bodies
        .list()
        .filter((b) => b.parentId === 't-hexi')
        .map((b) => b.id),
    ]);
    expect(own.map((c) => c.body.id).sort()).toEqual([...hexi].sort());
    const other = await app.request('/api/bodies/fpb/findings?year=2020', {
      headers: { authorization: `Bearer ${township}` },
    });
    expect(other.status).toBe(404);
    expect(
      (await app.request('/api/scorecards?year=20x0', { headers: { authorization: `Bearer ${evaluator}` } }))
        .status,
    ).toBe(400);
    expect((await app.request('/api/scorecards')).status).toBe(401);
  });

  it('answers /healthz without a session, with nothing but the health of crawls and scoring', async () => {
    const { app } = dashboardApp(store);
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const health = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(health).sort()).toEqual(
      [
        'failingSources',
        'lastCrawlSuccessAt',
        'lastScoreAt',
        'schemaVersion',
        'sourcesFailing',
        'status',
      ].sort(),
    );
    expect(health.status).toMatch(/^(ok|degraded)$/);
    expect(health.schemaVersion).toBe(store.version());
    expect(typeof health.lastScoreAt).toBe('string');
  });

  it('sends the scorecards gzipped to a client that accepts it, the same JSON once inflated', async () => {
    const { app } = dashboardApp(store);
    const headers = { authorization: `Bearer ${addToken(store, 'evaluator')}` };
    const plain = await app.request('/api/scorecards?year=2020', { headers });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    const zipped = await app.request('/api/scorecards?year=2020', {
      headers: { ...headers, 'accept-encoding': 'br;q=1, gzip;q=0.8' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(Buffer.byteLength(text));
    expect(gunzipSync(bytes).toString('utf8')).toBe(text);
    const refused = await app.request('/api/scorecards?year=2020', {
      headers: { ...headers, 'accept-encoding': 'gzip;q=0, identity' },
    });
    expect(refused.headers.get('content-encoding')).toBeNull();
  });

  it('lists posts with their match through the API, filtered by item and scoped by body', async () => {
    const { app } = dashboardApp(store);
    const evaluator = addToken(store, 'evaluator');
    const res = await app.request('/api/posts?item=policy.normative&limit=5', {
      headers: { authorization: `Bearer ${evaluator}` },
    });
    expect(res.status).toBe(200);
    const posts = (await res.json()) as { url: string; items: { id: string }[]; firstSeen: string }[];
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((p) => p.items.some((i) => i.id === 'policy.normative'))).toBe(true);
    const township = addToken(store, 'township', 't-hexi');
    expect(
      (await app.request('/api/posts?body=fpb', { headers: { authorization: `Bearer ${township}` } })).status,
    ).toBe(404);
    const own = (await (
      await app.request('/api/posts', { headers: { authorization: `Bearer ${township}` } })
    ).json()) as { body: string; publisher: string | null }[];
    expect(own.length).toBeGreaterThan(0);
    expect(
      own.every((p) => p.body === 't-hexi' || p.publisher?.startsWith('v-') || p.publisher === 't-hexi'),
    ).toBe(true);
  });

  it('serves an archived page with no scripts allowed', async () => {
    const { app } = dashboardApp(store);
    const { cookie } = await login(app, '评估员');
    const post = store.posts.list()[0];
    const res = await app.request(`/archive/${post?.currentVersionId}/raw`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
    const page = await app.request(`/archive/${post?.currentVersionId}`, { headers: { cookie } });
    expect(await page.text()).toContain('<iframe class="archive" sandbox=""');
  });
});

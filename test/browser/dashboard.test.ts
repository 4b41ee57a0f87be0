import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Obligation } from '../../src/scoring/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { launchBrowser, loginInBrowser, screenshot, serveApp } from '../helpers/browser.js';
import { addAccounts, dashboardApp, PASSWORD, scoredDemo } from '../helpers/dashboard.js';

// The dashboard in the real Chromium, as an evaluator and a township lead use it; screenshots are kept in
// test-artifacts/screenshots for a person to look at.
let store: Store;
let browser: Browser;
let dir: string;
let site: { url: string; close(): Promise<void> };
let demo: { close(): Promise<void> };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'gongkai-browser-'));
  demo = await scoredDemo(dir);
  store = openStore(path.join(dir, 'gongkai.db'));
  await addAccounts(store);
  site = await serveApp(dashboardApp(store, { clock: () => new Date() }).app);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  store?.close();
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the dashboard in Chromium', () => {
  it('logs an evaluator in and draws the overview’s charts', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await loginInBrowser(page, site.url, '评估员', PASSWORD);
    await expect.poll(() => page.locator('canvas[data-drawn]').count()).toBe(3);
    const drawn = await page
      .locator('canvas[data-drawn]')
      .evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('data-drawn'))));
    expect(drawn.every((n) => n > 0)).toBe(true);
    // The scores chart really painted something: its canvas is not blank.
    type Canvas = {
      width: number;
      height: number;
      getContext(
        kind: '2d',
      ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
    };
    const inked = await page.locator('#chart-scores').evaluate((c) => {
      const canvas = c as unknown as Canvas;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) n += 1;
      return n;
    });
    expect(inked).toBeGreaterThan(1000);
    await expect.poll(() => page.getByRole('heading', { name: '主体排名' }).isVisible()).toBe(true);
    await screenshot(page, 'overview-1280');
    await page.getByRole('link', { name: '河西街道办事处' }).first().click();
    await page.waitForURL(/\/bodies\/t-hexi/);
    await expect.poll(() => page.getByRole('heading', { name: /问题（\d+）/ }).isVisible()).toBe(true);
    await screenshot(page, 'body-1280');
    await page.close();
  });

  it('keeps a township lead on their own township and villages, on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await loginInBrowser(page, site.url, 'hexi', PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/overdue');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('河西街道');
    expect(text).not.toContain('柳河镇');
    // Nothing wider than the phone's screen.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'overdue-phone');
    const other = await page.goto(`${site.url}/bodies/fpb`);
    expect(other?.status()).toBe(404);
    await page.close();
  });

  it('uploads a records table and shows what was imported', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await loginInBrowser(page, site.url, 'admin', PASSWORD);
    await page.goto(`${site.url}/data`);
    await page.locator('input[type=file][name=file]').setInputFiles(path.join(dir, 'records.csv'));
    await Promise.all([
      page.waitForLoadState('load'),
      page.locator('form[action="/data/records"] button[type=submit]').click(),
    ]);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toMatch(/未变\s*\d+|未变 \d+/);
    await screenshot(page, 'records-upload');
    await page.close();
  });

  it('lets an evaluator overrule a match, and the body’s score changes with it', async () => {
    const latest = () => {
      const run = store.scores.latest(2020);
      if (!run) throw new Error('no score run for 2020');
      return { id: run.id, obligations: store.scores.obligations<Obligation>(run.id).map((r) => r.data) };
    };
    const before = latest();
    // A record of 河西街道 met on time by exactly one crawled post: an evaluator finds it was really put up on
    // 30 December, which makes it late.
    const target = before.obligations.find(
      (o) =>
        o.bodyId === 't-hexi' &&
        o.origin === 'record' &&
        o.status === 'on_time' &&
        o.due < '2020-12-15' &&
        o.evidence.length === 1 &&
        o.evidence[0]?.kind === 'post',
    ) as Obligation;
    expect(target).toBeDefined();
    const postId = target.evidence[0]?.id as number;

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await loginInBrowser(page, site.url, '评估员', PASSWORD);
    const points = async () => {
      await page.goto(`${site.url}/bodies/t-hexi`);
      return Number(await page.locator('section.card .stats strong').first().textContent());
    };
    const pointsBefore = await points();
    await page.goto(`${site.url}/review/posts/${postId}`);
    const form = page.locator(`form[action="/review/posts/${postId}"]`);
    await form.locator('input[name=note]').fill('乡镇公示栏照片显示 12 月 30 日才张贴，网页日期为补发时所填');
    // The correction fields, folded away on the queue, open on a post's own review page.
    if (!(await form.locator('input[name=publishedAt]').isVisible())) await form.locator('summary').click();
    await form.locator('input[name=publishedAt]').fill('2020-12-30');
    await Promise.all([
      page.waitForURL(new RegExp(`saved=${postId}`)),
      form.getByRole('button', { name: '保存更正' }).click(),
    ]);
    await screenshot(page, 'review-decided');

    const after = latest();
    expect(after.id).toBeGreaterThan(before.id);
    const changed = after.obligations.find((o) => o.key === target.key);
    expect(changed?.status).toBe('late');
    expect(changed?.published).toBe('2020-12-30');
    const pointsAfter = await points();
    expect(pointsAfter).toBeLessThan(pointsBefore);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain(target.record?.title as string);
    await screenshot(page, 'body-after-review');
    await page.close();
  });
});

import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar, loadCatalog } from '../../src/catalog/index.js';
import { createDemoWorld, type DemoServer, startDemoServer } from '../../src/demo/index.js';
import { artifactPath, launchBrowser } from '../helpers/browser.js';

const catalog = loadCatalog('shifanqu-2020', {
  dir: path.resolve(import.meta.dirname, '../../data/catalog'),
}).catalog;
const world = createDemoWorld({ seed: 1, catalog, calendar: loadCalendar() });
let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer(world, 0, { today: '2020-12-31' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the demo web in Chromium', () => {
  it('draws the county portal and an article like a real county site (screenshots kept)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.origin}/fpzl/index.html`);
    expect(await page.title()).toContain('扶贫专栏');
    await page.screenshot({ path: artifactPath('demo-portal-fpzl.png'), fullPage: true });
    const post = world.posts.find(
      (p) =>
        p.siteId === 'portal' &&
        p.items.includes('funds.allocation') &&
        !p.removedAt &&
        p.appearsAt <= '2020-12-31',
    );
    await page.goto(`${server.origin}${post?.url}`);
    expect(await page.locator('h1.article-title').textContent()).toBe(post?.title);
    await page.screenshot({ path: artifactPath('demo-portal-article.png'), fullPage: true });
    const list = `${server.origin}/fpzl/gzdt/index.html`;
    await page.goto(list);
    expect(await page.locator('.page a', { hasText: '下一页' }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('builds the gkmlpt township list by script, so the browser sees links a plain fetch does not', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/liuhe/gkmlpt/index`);
    await page.waitForSelector('#list li a');
    const links = await page.locator('#list li a').count();
    expect(links).toBeGreaterThan(3);
    await page.screenshot({ path: artifactPath('demo-gkmlpt-list.png') });
    await page.close();
  });

  it('shows the WeChat-like article once its script has run', async () => {
    const page = await browser.newPage({ viewport: { width: 414, height: 800 } });
    const post = world.posts.find((p) => p.siteId === 'shiqiao-wx' && p.appearsAt <= '2020-12-31');
    await page.goto(`${server.origin}${post?.url}`);
    expect(await page.locator('#js_content').isVisible()).toBe(true);
    await page.screenshot({ path: artifactPath('demo-wechat-article.png'), fullPage: true });
    await page.close();
  });
});

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar, loadCatalog } from '../../src/catalog/index.js';
import { RetryableFetchError } from '../../src/crawlers/index.js';
import {
  createRenderer,
  type LaunchBrowser,
  launchChromium,
  type Renderer,
  type RendererOptions,
} from '../../src/crawlers/render/index.js';
import { createDemoWorld, type DemoServer, startDemoServer } from '../../src/demo/index.js';
import { artifactPath, CHROMIUM_PATH } from '../helpers/browser.js';
import { type FaultServer, neverAnswers, serves, startFaultServer } from '../helpers/fault-server.js';

const catalog = loadCatalog('shifanqu-2020', {
  dir: path.resolve(import.meta.dirname, '../../data/catalog'),
}).catalog;
const world = createDemoWorld({ seed: 1, catalog, calendar: loadCalendar() });

let demo: DemoServer;
let site: FaultServer;
let elsewhere: FaultServer;
const renderers: Renderer[] = [];

/** A renderer on the system Chromium that keeps every browser it launched, closed after the file. */
function aRenderer(overrides: RendererOptions = {}): Renderer & { browsers: Browser[] } {
  const browsers: Browser[] = [];
  const launch: LaunchBrowser = async (executablePath) => {
    const browser = await launchChromium(executablePath);
    browsers.push(browser);
    return browser;
  };
  const renderer = createRenderer({
    executablePath: CHROMIUM_PATH,
    pages: 2,
    idleWaitMs: 600,
    launch,
    ...overrides,
  });
  renderers.push(renderer);
  return Object.assign(renderer, { browsers });
}

let sharedRenderer: Renderer | undefined;
/** One renderer for the tests that do not count launches or change limits. */
const shared = () => (sharedRenderer ??= aRenderer());

/** A promise resolved by the fault server when a path is first requested. */
function requested(server: FaultServer, pathname: string): Promise<void> {
  return new Promise((resolve) => server.route(pathname, () => resolve()));
}

// Renders of the fault site wait for their content, not for the network to go quiet (500 ms at least).
const onSite = () => ({ scope: [site.url('/site/')], allowPrivate: true, waitFor: 'body > *' });

const html = (body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>测试页</title></head><body>${body}</body></html>`;

beforeAll(async () => {
  demo = await startDemoServer(world, 0, { today: '2020-12-31' });
  elsewhere = await startFaultServer({ '/pixel.png': serves('png'), '/secret': serves('secret') });
  const other = `http://localhost:${new URL(elsewhere.origin).port}`;
  site = await startFaultServer({
    '/site/plain.html': serves(html('<h1>城村镇人民政府</h1>')),
    '/site/moved': (_req, res) => res.writeHead(302, { location: '/site/plain.html' }).end(),
    '/site/away': (_req, res) => res.writeHead(302, { location: `${other}/secret` }).end(),
    '/site/jump': (_req, res) => res.writeHead(302, { location: `${other}/secret` }).end(),
    '/site/api': (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk));
      req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end(`${req.method} ${body}`));
    },
    '/site/escape.html': serves(
      html(`<p id="out"></p>
<img src="${other}/pixel.png"><img src="http://10.1.2.3/x.png"><img src="/site/jump"><img src="/static/logo.png">
<iframe src="${other}/secret"></iframe>
<script>
fetch('http://169.254.169.254/latest/meta-data/').catch(() => {});
fetch('/site/api', { method: 'POST', body: 'col=1301' }).then((r) => r.text()).then((t) => { document.getElementById('out').textContent = t; });
</script>`),
    ),
    '/site/hanging.html': serves(html('<p>加载中</p><script src="/site/never.js"></script>')),
    '/site/never.js': neverAnswers(),
    '/site/stuck.html': neverAnswers(),
    '/site/memory.html': serves(
      html(`<p id="m"></p><script>
document.getElementById('m').textContent = 'cookie=' + document.cookie + ';stored=' + localStorage.getItem('k');
document.cookie = 'seen=1; path=/'; localStorage.setItem('k', 'v');
</script>`),
    ),
    '/site/heavy.html': serves(html(`<p>附件预览</p><img src="/site/big.bin">`)),
    '/site/huge.html': serves(html(`<p>${'很长的正文'.repeat(20_000)}</p>`)),
    '/site/big.bin': serves(new Uint8Array(200_000), { 'content-type': 'application/octet-stream' }),
    '/site/tall.html': serves(
      html('<div style="height:20000px;background:linear-gradient(#fff,#c00)">很长的页面</div>'),
    ),
  });
});

afterAll(async () => {
  await Promise.all(renderers.map((r) => r.close()));
  await Promise.all([demo?.close(), site?.close(), elsewhere?.close()]);
});

describe('createRenderer', () => {
  it('renders the demo gkmlpt list, whose links only a browser sees (screenshot kept)', async () => {
    const renderer = shared();
    const url = `${demo.origin}/liuhe/gkmlpt/index`;
    const page = await renderer.render(url, {
      scope: [`${demo.origin}/liuhe/`],
      allowPrivate: true,
      waitFor: '#list li a',
      screenshot: true,
    });
    const api = (await (await fetch(`${demo.origin}/liuhe/gkmlpt/api/all/0?page=1&sid=1301`)).json()) as {
      articles: { url: string }[];
    };
    const hrefs = load(page.html)('#list li a')
      .map((_, a) => a.attribs.href)
      .get();
    expect(hrefs.length).toBeGreaterThan(3);
    expect(hrefs).toEqual(api.articles.map((a) => a.url));
    const plain = await (await fetch(url)).text();
    expect(load(plain)('#list li a')).toHaveLength(0);
    expect(page.requests).toContainEqual(
      expect.objectContaining({
        type: 'fetch',
        status: 200,
        url: expect.stringContaining('/gkmlpt/api/all/0'),
      }),
    );
    expect(page).toMatchObject({ finalUrl: url, status: 200 });
    writeFileSync(artifactPath('render-gkmlpt-list.png'), page.screenshotPng ?? new Uint8Array());
    expect(pngSize(page.screenshotPng)).toMatchObject({ width: 1280 });
  });

  it('blocks sub-requests to other hosts and private addresses, and redirects that lead there', async () => {
    const renderer = shared();
    const page = await renderer.render(site.url('/site/escape.html'), {
      scope: [site.url('/site/')],
      allowPrivate: true,
      waitFor: '#out:not(:empty)',
    });
    const outcome = (needle: string) =>
      page.requests.filter((r) => r.url.includes(needle)).map((r) => r.reason ?? r.status);
    expect(outcome('/pixel.png')).toEqual(['out_of_scope']);
    expect(outcome('10.1.2.3')).toEqual(['private_address']);
    expect(outcome('169.254.169.254')).toEqual(['private_address']);
    expect(outcome('/secret')).toEqual(['out_of_scope']);
    expect(outcome('/site/jump')).toEqual(['out_of_scope']);
    expect(outcome('/static/logo.png')).toEqual([404]);
    expect(elsewhere.requests).toEqual([]);
    expect(load(page.html)('#out').text()).toBe('POST col=1301');
  });

  it('follows a redirect of the page within scope and refuses one out of it', async () => {
    const renderer = shared();
    const moved = await renderer.render(site.url('/site/moved'), onSite());
    expect(moved.finalUrl).toBe(site.url('/site/plain.html'));
    expect(moved.redirects).toEqual([
      { url: site.url('/site/moved'), status: 302, location: site.url('/site/plain.html') },
    ]);
    const away = renderer.render(site.url('/site/away'), onSite());
    await expect(away).rejects.toMatchObject({ name: 'PermanentFetchError', reason: 'out_of_scope' });
    expect(elsewhere.requests).toEqual([]);
  });

  it('refuses a page on a private address unless the source allows it', async () => {
    const renderer = shared();
    await expect(renderer.render(site.url('/site/plain.html'))).rejects.toMatchObject({
      reason: 'private_address',
    });
  });

  it('times out on a page that never finishes loading, and renders the next page', async () => {
    const renderer = aRenderer({ navigationTimeoutMs: 800 });
    const local = onSite();
    const error = await renderer.render(site.url('/site/stuck.html'), local).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableFetchError);
    expect(error).toMatchObject({ reason: 'timeout' });
    expect((await renderer.render(site.url('/site/plain.html'), local)).html).toContain('城村镇人民政府');
  });

  it('cuts off a stalled script and keeps the page', async () => {
    const renderer = aRenderer({ requestTimeoutMs: 300 });
    const page = await renderer.render(site.url('/site/hanging.html'), onSite());
    expect(page.html).toContain('加载中');
    expect(page.requests).toContainEqual(
      expect.objectContaining({ type: 'script', outcome: 'failed', reason: 'timeout' }),
    );
  });

  it('recovers when the page crashes mid-render: the render fails retryably, the browser stays', async () => {
    const renderer = aRenderer();
    const local = onSite();
    const loading = requested(site, '/site/never.js');
    const render = renderer.render(site.url('/site/hanging.html'), local).catch((e: unknown) => e);
    await loading;
    const page = renderer.browsers[0]?.contexts()[0]?.pages()[0];
    if (!page) throw new Error('no page is rendering');
    const cdp = await page.context().newCDPSession(page);
    void cdp.send('Page.crash').catch(() => 'the crashed page cannot answer');
    expect(await render).toMatchObject({ name: 'RetryableFetchError', reason: 'page_crashed' });
    expect((await renderer.render(site.url('/site/plain.html'), local)).status).toBe(200);
    expect(renderer.launches).toBe(1);
  });

  it('relaunches Chromium after it dies mid-render and renders the next page', async () => {
    const renderer = aRenderer();
    const local = onSite();
    const loading = requested(site, '/site/never.js');
    const render = renderer.render(site.url('/site/hanging.html'), local).catch((e: unknown) => e);
    await loading;
    const browser = renderer.browsers[0];
    const cdp = await browser?.newBrowserCDPSession();
    void cdp?.send('Browser.crash').catch(() => 'the crashed browser cannot answer');
    expect(await render).toMatchObject({ name: 'RetryableFetchError', reason: 'browser_crashed' });
    expect((await renderer.render(site.url('/site/plain.html'), local)).status).toBe(200);
    expect(renderer.launches).toBe(2);
  });

  it('keeps nothing from one render to the next: no cookies, no storage', async () => {
    const renderer = shared();
    const first = await renderer.render(site.url('/site/memory.html'), onSite());
    const second = await renderer.render(site.url('/site/memory.html'), onSite());
    expect(load(first.html)('#m').text()).toBe('cookie=;stored=null');
    expect(load(second.html)('#m').text()).toBe('cookie=;stored=null');
  });

  it('spends a byte budget: a file over it fails, a page over it is refused', async () => {
    const renderer = aRenderer({ maxBytes: 50_000 });
    const page = await renderer.render(site.url('/site/heavy.html'), onSite());
    expect(page.requests).toContainEqual(
      expect.objectContaining({ url: site.url('/site/big.bin'), outcome: 'failed', reason: 'too_large' }),
    );
    await expect(renderer.render(site.url('/site/huge.html'), onSite())).rejects.toMatchObject({
      name: 'PermanentFetchError',
      reason: 'too_large',
    });
  });

  it('keeps a full-page screenshot no taller than the cap', async () => {
    const renderer = aRenderer({ maxScreenshotHeightPx: 3000 });
    const page = await renderer.render(site.url('/site/tall.html'), { ...onSite(), screenshot: true });
    writeFileSync(artifactPath('render-tall-page.png'), page.screenshotPng ?? new Uint8Array());
    expect(pngSize(page.screenshotPng)).toEqual({ width: 1280, height: 3000 });
  });

  it('renders N pages at once in one browser and queues the rest', async () => {
    const renderer = aRenderer({ pages: 2 });
    const held: (() => void)[] = [];
    let release = false;
    let twoHeld: () => void = () => {};
    const bothArrived = new Promise<void>((resolve) => (twoHeld = resolve));
    site.route('/site/slow.html', (_req, res) => {
      const answer = () => res.writeHead(200, { 'content-type': 'text/html' }).end(html('<p>慢</p>'));
      if (release) return answer();
      held.push(answer);
      if (held.length === 2) twoHeld();
    });
    const local = onSite();
    const renders = [1, 2, 3].map((i) => renderer.render(site.url(`/site/slow.html?i=${i}`), local));
    await bothArrived;
    expect(renderer.browsers[0]?.contexts()).toHaveLength(2);
    release = true;
    for (const answer of held) answer();
    const pages = await Promise.all(renders);
    expect(pages.map((p) => p.status)).toEqual([200, 200, 200]);
    expect(held).toHaveLength(2);
    expect(renderer.launches).toBe(1);
  });

  it('names the missing executable and the apt package', async () => {
    const renderer = createRenderer({ executablePath: '/opt/nowhere/chromium' });
    const error = await renderer.render(site.url('/site/plain.html')).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'PermanentFetchError', reason: 'browser_missing' });
    expect((error as Error).message).toMatchInlineSnapshot(
      `"找不到可运行的 Chromium：/opt/nowhere/chromium。请安装 Debian 软件包 chromium（apt-get install -y chromium fonts-noto-cjk），或用环境变量 CHROMIUM_PATH 指向浏览器程序"`,
    );
  });
});

function pngSize(png: Uint8Array | undefined): { width: number; height: number } | undefined {
  if (!png || png.byteLength < 24) return undefined;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { crawlSource } from '../../src/crawlers/index.js';
import { openStore, type Source, type Store } from '../../src/store/index.js';
import { demoEffects } from '../helpers/demo-crawl.js';
import { type FaultServer, startFaultServer } from '../helpers/fault-server.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();
let server: FaultServer | undefined;
let store: Store | undefined;

afterEach(async () => {
  store?.close();
  await server?.close();
});

const html = (res: ServerResponse, body: string) =>
  res
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`,
    );

const list = (links: [string, string][], next?: string) =>
  `<ul class="list">${links.map(([href, title]) => `<li><a href="${href}">${title}</a><span>2020-05-12</span></li>`).join('')}</ul>${next ? `<a href="${next}">下一页</a>` : ''}`;

const article = (title: string) =>
  `<h1>${title}</h1><div class="TRS_Editor"><p>${title}。根据有关规定，现将有关情况公示如下，公示期为2020年5月12日至5月21日。</p></div>`;

function sourceFor(s: FaultServer, overrides: Partial<Source> = {}): Source {
  const st = store as Store;
  st.bodies.upsert({
    id: 'b',
    name: '测试镇人民政府',
    level: 'township',
    parentId: null,
    role: null,
    aliases: [],
    extra: {},
  });
  const source: Source = {
    id: 'src',
    bodyId: 'b',
    kind: 'website',
    channel: '政府网站',
    start: [s.url('/list/index.html')],
    scope: [s.url('/list/')],
    render: 'static',
    schedule: '0 6 * * *',
    concurrency: 2,
    delayMs: 0,
    allowPrivate: true,
    selectors: {},
    extra: {},
    active: true,
    ...overrides,
  };
  st.sources.upsert(source);
  return source;
}

async function crawl(source: Source) {
  const effects = demoEffects(store as Store, () => '2020-05-20');
  try {
    return await crawlSource(effects, source);
  } finally {
    await effects.close();
  }
}

describe('crawlSource against a misbehaving site', () => {
  it('cuts off a pagination trap that repeats the same links forever', async () => {
    store = openStore(path.join(tempDir(), 'g.db'), { create: true });
    server = await startFaultServer({
      '/robots.txt': (_q, res) => res.writeHead(404).end(),
      '/list/index.html': (_q, res) =>
        html(
          res,
          list(
            [
              ['a1.html', '关于西村扶贫项目的公示一'],
              ['a2.html', '关于西村扶贫项目的公示二'],
              ['a5.html', '关于西村扶贫项目的公示五'],
            ],
            'index_1.html',
          ),
        ),
    });
    for (let n = 1; n < 50; n += 1) {
      server.route(`/list/index_${n}.html`, (_q, res) =>
        html(
          res,
          list(
            [
              ['a3.html', '关于东村扶贫项目的公示三'],
              ['a4.html', '关于东村扶贫项目的公示四'],
              ['a6.html', '关于东村扶贫项目的公示六'],
            ],
            `index_${n + 1}.html`,
          ),
        ),
      );
    }
    for (const a of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'])
      server.route(`/list/${a}.html`, (_q, res) => html(res, article(`标题${a}`)));
    const report = await crawl(sourceFor(server));
    expect(report.stats.newPosts).toBe(6);
    expect(server.hits('/list/index_2.html')).toBe(1);
    expect(server.hits('/list/index_3.html')).toBe(0);
  });

  it('never fetches off-scope links, and keeps out of what robots.txt disallows', async () => {
    store = openStore(path.join(tempDir(), 'g.db'), { create: true });
    server = await startFaultServer({
      '/robots.txt': (_q, res) =>
        res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /list/secret/\n'),
      '/list/index.html': (_q, res) =>
        html(
          res,
          list([
            ['ok.html', '可以抓取'],
            ['secret/s.html', '不许抓取'],
            ['/other/x.html', '范围之外'],
            ['http://169.254.169.254/latest', '元数据'],
          ]),
        ),
      '/list/ok.html': (_q, res) => html(res, article('可以抓取')),
      '/list/secret/s.html': (_q, res) => html(res, article('不许抓取')),
      '/other/x.html': (_q, res) => html(res, article('范围之外')),
    });
    await crawl(sourceFor(server));
    expect(server.hits('/list/ok.html')).toBe(1);
    expect(server.hits('/list/secret/s.html')).toBe(0);
    expect(server.hits('/other/x.html')).toBe(0);
    const reasons = (store as Store).fetches.forUrl(server.url('/list/secret/s.html')).map((f) => f.reason);
    expect(reasons).toEqual(['robots_disallowed']);
  });

  it('retries a 503 and records every attempt outcome in the ledger', async () => {
    store = openStore(path.join(tempDir(), 'g.db'), { create: true });
    server = await startFaultServer({
      '/robots.txt': (_q, res) => res.writeHead(404).end(),
      '/list/index.html': (_q, res) => html(res, list([['flaky.html', '时好时坏']])),
      '/list/flaky.html': (_q, res, hit) =>
        hit === 1 ? res.writeHead(503).end() : html(res, article('时好时坏')),
    });
    const report = await crawl(sourceFor(server));
    expect(report.stats.newPosts).toBe(1);
    expect(server.hits('/list/flaky.html')).toBe(2);
    expect(report.status).toBe('ok');
  });

  it('reports a list page that keeps failing as a source fault, not as nothing published', async () => {
    store = openStore(path.join(tempDir(), 'g.db'), { create: true });
    server = await startFaultServer({
      '/robots.txt': (_q, res) => res.writeHead(404).end(),
      '/list/index.html': (_q, res) => res.writeHead(500).end(),
    });
    const report = await crawl(sourceFor(server));
    expect(report.status).toBe('failed');
    expect((store as Store).health.get('src')).toMatchObject({
      consecutiveFailures: 1,
      errorCounts: { server_error: 1 },
    });
    expect((store as Store).fetches.forUrl(server.url('/list/index.html')).map((f) => f.outcome)).toEqual([
      'retryable',
    ]);
  });
});

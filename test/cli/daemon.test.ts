import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { type FaultServer, startFaultServer } from '../helpers/fault-server.js';
import { useTempDir } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTICLES = 30;
// Slow enough that a crawl of the column takes seconds: the daemon is stopped in the middle of it.
const ARTICLE_DELAY_MS = 150;
const tempDir = useTempDir();
const children: ChildProcess[] = [];
let site: FaultServer | undefined;

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await site?.close();
  site = undefined;
});

const page = (body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;
const articlePath = (n: number) => `/fpzl/a${n}.html`;
const day = (n: number) => `2020-05-${String((n % 28) + 1).padStart(2, '0')}`;

/** A column of 30 dated 公示 links whose article pages each take 150 ms to answer. */
async function startSlowSite(): Promise<FaultServer> {
  const numbers = Array.from({ length: ARTICLES }, (_, i) => i + 1);
  const links = numbers.map(
    (n) => `<li><a href="a${n}.html">关于西村第${n}批扶贫项目的公示</a><span>${day(n)}</span></li>`,
  );
  const server = await startFaultServer({
    '/robots.txt': (_q, res) => res.writeHead(404).end(),
    '/fpzl/index.html': (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(page(`<ul class="list">${links.join('')}</ul>`)),
  });
  for (const n of numbers)
    server.route(articlePath(n), (_q, res) => {
      setTimeout(() => {
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            page(
              `<h1>关于西村第${n}批扶贫项目的公示</h1><div class="TRS_Editor"><p>现将第${n}批项目公示如下，` +
                `公示期为2020年5月12日至5月21日。</p></div>`,
            ),
          );
      }, ARTICLE_DELAY_MS);
    });
  return server;
}

/** A database initialised with the registry of one website source (crawled daily, so due at the first start). */
async function initDb(dir: string, origin: string): Promise<string> {
  const registry = path.join(dir, 'registry.yaml');
  writeFileSync(
    registry,
    [
      'district: 测试区',
      'bodies:',
      '  - { id: fpb, name: 测试区扶贫开发办公室, level: county, aliases: [区扶贫办] }',
      'sources:',
      '  - id: fpb-web',
      '    body: fpb',
      '    kind: website',
      '    channel: 政府网站',
      `    start: [${origin}/fpzl/index.html]`,
      `    scope: [${origin}/fpzl/]`,
      '    schedule: "0 6 * * *"',
      '    concurrency: 1',
      '    delayMs: 0',
      '    allowPrivate: true',
      '',
    ].join('\n'),
  );
  // The backup folder is relative: the config file's folder is where it is found.
  writeFileSync(path.join(dir, 'gongkai.yaml'), 'backup:\n  dir: backups\n  keep: 3\nlogLevel: info\n');
  const db = path.join(dir, 'gongkai.db');
  const init = await runCli(['init', '--db', db, '--registry', registry]);
  expect(init.code, init.stderr).toBe(0);
  return db;
}

interface RunningDaemon {
  url: string;
  output: () => string;
  exited: Promise<number | null>;
  child: ChildProcess;
}

/** `gongkai run` as a process of its own on a free port; resolves once it says it has started. */
function startRun(dir: string, db: string): Promise<RunningDaemon> {
  let output = '';
  const child = spawn(
    process.execPath,
    [
      'bin/gongkai.js',
      'run',
      '--db',
      db,
      '--config',
      path.join(dir, 'gongkai.yaml'),
      '--port',
      '0',
      '--jitter-ms',
      '0',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GONGKAI_CONFIG: '' } },
  );
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /看板：(http:\/\/[\d.:]+)\//.exec(output)?.[1];
      if (url && output.includes('平稳退出')) resolve({ url, output: () => output, exited, child });
    };
    child.stdout?.on('data', seen);
    child.stderr?.on('data', seen);
    void exited.then((code) => reject(new Error(`gongkai run exited with ${code}:\n${output}`)));
  });
}

/** Polls until `check` holds (every 50 ms, for at most `timeoutMs`). */
async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The daemon's JSON log lines. */
const logLines = (output: string) =>
  output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

function readDb<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

interface RunRow {
  id: number;
  status: string;
  trigger: string;
  scope: string;
}

describe('gongkai run', () => {
  it('serves /healthz and the login page, stops on SIGTERM mid-crawl leaving it resumable, and resumes it at the next start', {
    timeout: 90_000,
  }, async () => {
    const dir = tempDir();
    site = await startSlowSite();
    const server = site;
    const db = await initDb(dir, server.origin);

    const first = await startRun(dir, db);
    const health = await fetch(`${first.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('content-type')).toContain('application/json');
    expect(await health.json()).toMatchObject({ status: 'ok', sourcesFailing: 0, lastCrawlSuccessAt: null });
    const login = await fetch(`${first.url}/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toMatch(/<form[^>]*method="post"[\s\S]*name="password"/i);
    expect((await fetch(`${first.url}/`, { redirect: 'manual' })).status).toBe(302);

    const articleHits = () =>
      Array.from({ length: ARTICLES }, (_, i) => server.hits(articlePath(i + 1))).reduce((a, b) => a + b, 0);
    await until('the crawl to be under way', () => articleHits() >= 5);
    first.child.kill('SIGTERM');
    expect(await first.exited, first.output()).toBe(0);
    const servedBeforeStop = articleHits();
    expect(servedBeforeStop).toBeLessThan(ARTICLES);
    expect(first.output()).toContain('gongkai 已停止');
    expect(logLines(first.output()).some((l) => l.msg === 'crawl interrupted: resumable')).toBe(true);

    const stopped = readDb(db, (d) => ({
      integrity: d.pragma('integrity_check', { simple: true }),
      runs: d.prepare('SELECT id, status, trigger, scope FROM crawl_runs ORDER BY id').all() as RunRow[],
      frontier: d
        .prepare('SELECT state, count(*) AS n FROM frontier GROUP BY state ORDER BY state')
        .all() as { state: string; n: number }[],
      posts: (d.prepare('SELECT count(*) AS n FROM posts').get() as { n: number }).n,
    }));
    expect(stopped.integrity).toBe('ok');
    expect(stopped.runs).toEqual([
      { id: expect.any(Number), status: 'interrupted', trigger: 'catch-up', scope: 'source' },
    ]);
    const queued = stopped.frontier.find((f) => f.state === 'queued')?.n ?? 0;
    const done = stopped.frontier.find((f) => f.state === 'done')?.n ?? 0;
    expect(queued).toBeGreaterThan(0);
    expect(done).toBeGreaterThanOrEqual(servedBeforeStop);
    expect(stopped.posts).toBeGreaterThan(0);
    expect(stopped.posts).toBeLessThan(ARTICLES);

    // The daily backup is made at the first start (there was none): a whole, valid database.
    const backups = () => readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.db'));
    expect(backups()).toHaveLength(1);
    const backup = path.join(dir, 'backups', backups()[0] as string);
    expect(backups()[0]).toMatch(/^gongkai-\d{8}-\d{4}\.db$/);
    expect(
      readDb(backup, (d) => [
        d.pragma('integrity_check', { simple: true }),
        (d.prepare('SELECT count(*) AS n FROM sources').get() as { n: number }).n,
      ]),
    ).toEqual(['ok', 1]);

    const second = await startRun(dir, db);
    expect(second.output()).toContain('续抓 1 个中断的抓取');
    await until('the resumed crawl to finish', async () => {
      const report = (await (await fetch(`${second.url}/healthz`)).json()) as {
        lastCrawlSuccessAt: string | null;
      };
      return report.lastCrawlSuccessAt !== null;
    });
    second.child.kill('SIGTERM');
    expect(await second.exited, second.output()).toBe(0);

    const finished = readDb(db, (d) => ({
      integrity: d.pragma('integrity_check', { simple: true }),
      runs: d.prepare('SELECT id, status, trigger, scope FROM crawl_runs ORDER BY id').all() as RunRow[],
      posts: (d.prepare('SELECT count(*) AS n FROM posts').get() as { n: number }).n,
    }));
    expect(finished.integrity).toBe('ok');
    // The same run went on from its frontier: no new run, and no page asked for twice.
    expect(finished.runs).toEqual([{ ...stopped.runs[0], status: 'ok' }]);
    expect(finished.posts).toBe(ARTICLES);
    for (let n = 1; n <= ARTICLES; n += 1) expect(server.hits(articlePath(n)), articlePath(n)).toBe(1);
    expect(server.hits('/fpzl/index.html')).toBe(1);
    const resumed = logLines(second.output()).find((l) => l.msg === 'crawl finished');
    expect(resumed).toMatchObject({ resumed: true, status: 'ok', source: 'fpb-web' });
    expect(backups()).toHaveLength(1);
  });

  it('exits 2 saying which port is taken when the dashboard cannot listen', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    site = await startSlowSite();
    const db = await initDb(dir, site.origin);
    const taken = site.origin.split(':').at(-1) as string;
    let output = '';
    const busy = spawn(
      process.execPath,
      ['bin/gongkai.js', 'run', '--db', db, '--port', taken, '--jitter-ms', '0'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, GONGKAI_BACKUP_ENABLED: 'false' },
      },
    );
    children.push(busy);
    for (const stream of [busy.stdout, busy.stderr])
      stream?.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => busy.on('exit', resolve));
    expect(code, output).toBe(2);
    expect(output).toContain(`错误：看板无法监听 127.0.0.1:${taken}：端口已被占用`);
    expect(output).not.toContain('内部错误');
    expect(readDb(db, (d) => d.pragma('integrity_check', { simple: true }))).toBe('ok');
  });
});

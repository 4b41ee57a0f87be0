/**
 * Dashboard benchmark (issue 7, "Performance"): autocannon against `/`, `/bodies/:id` and `/api/scorecards` on a
 * store with a million posts (the synthetic province of bench/scoring-store.ts, scored), 50 connections; the
 * server runs in its own process, as `gongkai serve` does. Prints latencies and writes them to BENCHMARKS.md
 * under `## Server`.
 * Usage: npx tsx bench/server.ts [--districts 150] [--posts 6667] [--duration 10] [--connections 50] [--no-write]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadCalendar, loadCatalog, parseWithSchema, readYamlFile } from '../src/catalog/index.js';
import { runScoreStageParallel } from '../src/cli/score-stage.js';
import { SchemeSchema } from '../src/scoring/index.js';
import { hashPassword, newSecret, secretSha256 } from '../src/server/index.js';
import { openStore } from '../src/store/index.js';
import { writeProvince } from './scoring-store.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    districts: { type: 'string', default: '150' },
    posts: { type: 'string', default: '6667' },
    records: { type: 'string', default: '1333' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    'no-write': { type: 'boolean', default: false },
  },
});
const out = (text: string) => process.stdout.write(`${text}\n`);
const dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-server-'));
const file = path.join(dir, 'province.db');
const PASSWORD = 'bench-password-2020';

async function buildStore() {
  const catalog = loadCatalog('shifanqu-2020', { dir: path.join(ROOT, 'data/catalog') }).catalog;
  const store = openStore(file, { create: true, migrate: true });
  const counts = writeProvince(store, catalog, {
    districts: Number(values.districts),
    postsPerDistrict: Number(values.posts),
    recordsPerDistrict: Number(values.records),
    year: 2020,
    seed: 7,
  });
  const scheme = parseWithSchema(SchemeSchema, readYamlFile(path.join(ROOT, 'data/scoring/default.yaml')));
  await runScoreStageParallel(store, {
    catalog,
    calendar: loadCalendar(),
    scheme,
    year: 2020,
    today: '2020-12-31',
    workers: 2,
    calendarFile: undefined,
  });
  store.accounts.addUser({
    name: 'bench',
    role: 'evaluator',
    bodyId: null,
    passwordHash: await hashPassword(PASSWORD),
  });
  const token = newSecret();
  store.accounts.addToken({
    tokenSha256: secretSha256(token),
    name: 'bench',
    role: 'evaluator',
    bodyId: null,
  });
  const body = store.bodies.list().find((b) => b.level === 'township')?.id as string;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  return { counts, token, body };
}

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/server-app.ts', file, String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> });
  await new Promise<void>((resolve) => lines.once('line', () => resolve()));
  return child;
}

interface RouteResult {
  route: string;
  bytes: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
}

async function hammer(
  url: string,
  headers: Record<string, string>,
): Promise<Omit<RouteResult, 'route' | 'bytes'>> {
  const result = await autocannon({
    url,
    headers,
    connections: Number(values.connections),
    duration: Number(values.duration),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
  };
}

const started = performance.now();
const { counts, token, body } = await buildStore();
out(
  `store: ${counts.bodies} bodies, ${counts.records} records, ${counts.posts} posts; built and scored in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
const port = 18_000 + Math.floor(Math.random() * 2000);
const server = await startServer(port);
const base = `http://127.0.0.1:${port}`;
try {
  const login = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ name: 'bench', password: PASSWORD }).toString(),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  // The API as programs that ask for gzip (browsers, curl --compressed, Python requests) and as ones that do not.
  const api = { authorization: `Bearer ${token}` };
  const routes: [string, string, Record<string, string>][] = [
    ['/?year=2020', '/?year=2020', { cookie }],
    [`/bodies/${body}?year=2020`, `/bodies/${body}?year=2020`, { cookie }],
    ['/api/scorecards?year=2020', '/api/scorecards?year=2020', { ...api, 'accept-encoding': 'identity' }],
    ['/api/scorecards?year=2020 (gzip)', '/api/scorecards?year=2020', { ...api, 'accept-encoding': 'gzip' }],
  ];
  const results: RouteResult[] = [];
  for (const [label, route, headers] of routes) {
    // One request first: the size of the answer as sent, and the server's first-read caches warmed as a user's
    // would be.
    const first = await fetch(`${base}${route}`, { headers });
    const sent = Number(first.headers.get('content-length'));
    const bytes = sent > 0 ? sent : (await first.arrayBuffer()).byteLength;
    if (sent > 0) await first.body?.cancel();
    const r = { route: label, bytes, ...(await hammer(`${base}${route}`, headers)) };
    results.push(r);
    out(
      `${label}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms, ${(bytes / 1024).toFixed(0)} KB, non-2xx ${r.non2xx}`,
    );
  }
  if (!values['no-write']) writeSection(counts, results);
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}

function writeSection(c: ReturnType<typeof writeProvince>, results: readonly RouteResult[]): void {
  const md = path.join(ROOT, 'BENCHMARKS.md');
  const text = readFileSync(md, 'utf8');
  const section = [
    '## Server',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:server\` (\`bench/server.ts\`) on this machine (${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)} when it finished).`,
    '',
    `**Store.** The synthetic province of \`bench/scoring-store.ts\`: ${c.bodies.toLocaleString('en')} bodies, ${c.records.toLocaleString('en')} records, ` +
      `${c.posts.toLocaleString('en')} posts, scored for 2020 (worker threads). **Server.** \`bench/server-app.ts\`: the app as \`gongkai serve\` builds it, ` +
      'in its own process (`NODE_ENV=production`). **Load.** autocannon in this process on the same 2 cores, ' +
      `${values.connections} connections for ${values.duration} s per route after one warming request; pages with an evaluator's session cookie, the API with a bearer token.`,
    '',
    '| route | response | req/s | p50 (ms) | p99 (ms) | max (ms) | non-2xx |',
    '|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| \`${r.route}\` | ${(r.bytes / 1024).toFixed(0)} KB | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.max} | ${r.non2xx} |`,
    ),
    '',
    '',
  ].join('\n');
  const start = text.indexOf('## Server');
  const next = start >= 0 ? text.indexOf('\n## ', start + 1) : -1;
  const updated =
    start < 0
      ? `${text.trimEnd()}\n\n${section}`
      : `${text.slice(0, start)}${section}${next >= 0 ? text.slice(next + 1) : ''}`;
  writeFileSync(md, `${updated.trimEnd()}\n`);
}

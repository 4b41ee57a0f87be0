/**
 * Crawl benchmark (issue 4, "Performance"): the demo web at about 3,000 articles, served by a separate
 * process, crawled by gongkai and by Crawlee's CheerioCrawler doing the same job, each crawler in its own
 * child process; then a second gongkai pass over the unchanged site. Prints a table and writes the figures
 * to BENCHMARKS.md under `## Crawl`.
 * Usage: npx tsx bench/crawl.ts [--runs 3] [--posts 3124] [--seed 1] [--node-args FLAGS] [--no-write]
 * `--node-args` adds a gongkai crawl with those Node flags (e.g. `--node-args=--max-semi-space-size=4`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { prepareGongkaiStore } from './crawl-gongkai-store.js';
import type { CrawlJob, CrawlResult } from './crawl-job.js';
import { type BenchRun, printTable, writeCrawlSection } from './crawl-report.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const TIME = '/usr/bin/time';
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    posts: { type: 'string', default: '3124' },
    seed: { type: 'string', default: '1' },
    'node-args': { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));

/** Starts the demo server child; resolves with its origin and a way to ask it for request counts. */
async function startServer(demoDir: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/demo-server.ts', values.seed, values.posts, '2020-12-31', demoDir],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const nextLine = () => new Promise<string>((resolve) => waiting.push(resolve));
  const origin = (await nextLine()).replace(/^origin /, '');
  return {
    origin,
    pid: child.pid as number,
    requests: async (): Promise<number> => {
      const reply = nextLine();
      child.stdin?.write('stats\n');
      return (JSON.parse((await reply).replace(/^stats /, '')) as { requests: number }).requests;
    },
    stop: () => child.kill('SIGTERM'),
  };
}

/** CPU seconds a process has used so far (Linux /proc). */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Runs one crawler child under /usr/bin/time (when present) and returns what it reported. */
function runChild(
  script: string,
  job: CrawlJob,
  nodeArgs: string[] = [],
): Promise<CrawlResult & { timeRssMb?: number }> {
  const jobFile = path.join(job.storeDir, 'job.json');
  writeFileSync(jobFile, JSON.stringify(job));
  const timeFile = path.join(job.storeDir, 'time.txt');
  const node = [process.execPath, ...nodeArgs, '--import', 'tsx', script, jobFile];
  const [cmd, ...args] = existsSync(TIME) ? [TIME, '-f', '%M', '-o', timeFile, ...node] : node;
  const child = spawn(cmd as string, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CRAWLEE_STORAGE_DIR: path.join(job.storeDir, 'storage') },
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('result '));
      if (code !== 0 || !line) return reject(new Error(`${script} exited with ${code}: ${out.slice(-500)}`));
      const result = JSON.parse(line.slice('result '.length)) as CrawlResult;
      const kb = existsSync(timeFile) ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) : NaN;
      resolve(Number.isFinite(kb) ? { ...result, timeRssMb: kb / 1024 } : result);
    });
  });
}

const demoDir = path.join(tmp, 'demo');
const server = await startServer(demoDir);
const o = server.origin;
const sections = [
  '/fpzl/',
  '/czj/',
  '/bm/',
  '/xwzx/',
  '/chengcun/',
  '/liuhe/',
  '/dongpo/',
  '/taoyuan/',
  '/hexi/',
];
const baseJob = {
  sourceId: 'bench-web',
  // The portal's home page and each township site's; the WeChat feeds are not websites and stay out.
  start: [
    `${o}/index.html`,
    `${o}/chengcun/index.html`,
    `${o}/liuhe/gkmlpt/index`,
    `${o}/dongpo/index.html`,
    `${o}/taoyuan/index.html`,
    `${o}/hexi/index.htm`,
  ],
  scope: [`${o}/index.html`, ...sections.map((s) => `${o}${s}`)],
  concurrency: 8,
  attachments: false,
  demoDir,
};

interface CrawlerSetup {
  script: string;
  persist?: boolean;
  nodeArgs?: string[];
}
const CRAWLERS: Record<string, CrawlerSetup> = {
  gongkai: { script: 'bench/crawl-gongkai.ts' },
  'Crawlee (persistStorage: false)': { script: 'bench/crawl-crawlee.ts', persist: false },
  'Crawlee (default configuration)': { script: 'bench/crawl-crawlee.ts', persist: true },
};
if (values['node-args'])
  CRAWLERS[`gongkai (${values['node-args']})`] = {
    script: 'bench/crawl-gongkai.ts',
    nodeArgs: values['node-args'].split(/\s+/).filter(Boolean),
  };
const order = Object.keys(CRAWLERS);
const results: BenchRun[] = [];

async function measure(crawler: string, round: number, job: CrawlJob, setup: CrawlerSetup): Promise<void> {
  const load = os.loadavg()[0] ?? 0;
  const [requestsBefore, serverCpuBefore] = [await server.requests(), cpuSecondsOf(server.pid)];
  const result = await runChild(setup.script, job, setup.nodeArgs);
  const serverRequests = (await server.requests()) - requestsBefore;
  const serverCpuSeconds = cpuSecondsOf(server.pid) - serverCpuBefore;
  results.push({ crawler, round, load, serverRequests, serverCpuSeconds, ...result });
  const rss = result.timeRssMb ?? result.maxRssMb;
  console.log(
    `round ${round} ${crawler}: ${result.seconds.toFixed(1)} s, ${rss.toFixed(0)} MB, ` +
      `${result.articles} articles, ${serverRequests} requests (load ${load.toFixed(1)})`,
  );
}

try {
  for (let round = 1; round <= runs; round += 1) {
    // Rotate the order so that no crawler always runs first (or right after another's garbage).
    const shift = (round - 1) % order.length;
    for (const [k, crawler] of [...order.slice(shift), ...order.slice(0, shift)].entries()) {
      const storeDir = path.join(tmp, `${round}-${k}`);
      mkdirSync(storeDir, { recursive: true });
      const setup = CRAWLERS[crawler] as CrawlerSetup;
      const { persist } = setup;
      const job: CrawlJob = {
        ...baseJob,
        storeDir,
        ...(persist === undefined ? {} : { persistStorage: persist }),
      };
      if (setup.script === 'bench/crawl-gongkai.ts') prepareGongkaiStore(job);
      await measure(crawler, round, job, setup);
      if (crawler === 'gongkai') await measure('gongkai second pass', round, job, setup);
    }
  }
} finally {
  server.stop();
}

printTable(results);
if (!values['no-write']) {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  writeCrawlSection(file, results, { posts: Number(values.posts), seed: Number(values.seed), job: baseJob });
  console.log(`written to ${file}`);
}
rmSync(tmp, { recursive: true, force: true });

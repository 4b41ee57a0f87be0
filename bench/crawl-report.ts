/** The crawl benchmark's table on the console and its figures in BENCHMARKS.md. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { CrawlJob, CrawlResult } from './crawl-job.js';

/** One crawler child's figures, with the server's side of the same crawl. */
export interface BenchRun extends CrawlResult {
  /** gongkai, its second pass, a Crawlee configuration, or gongkai with other Node flags. */
  crawler: string;
  round: number;
  /** One-minute load average when the crawl started (the machine is shared). */
  load: number;
  /** Requests the demo server answered during the crawl, robots.txt included. */
  serverRequests: number;
  serverCpuSeconds: number;
  /** Peak RSS from /usr/bin/time, when present. */
  timeRssMb?: number;
}

const BEGIN = '<!-- crawl-bench:begin (written by `npm run bench:crawl`) -->';
const END = '<!-- crawl-bench:end -->';
const CRAWLEE = ['Crawlee (persistStorage: false)', 'Crawlee (default configuration)'] as const;

const rssOf = (r: BenchRun) => r.timeRssMb ?? r.maxRssMb;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const range = (xs: number[], digits = 1) => {
  const [lo, hi] = [Math.min(...xs), Math.max(...xs)].map((x) => x.toFixed(digits));
  return lo === hi ? `${lo}` : `${lo}–${hi}`;
};
const of = (runs: BenchRun[], crawler: BenchRun['crawler']) => runs.filter((r) => r.crawler === crawler);

function rows(runs: BenchRun[]): string[][] {
  const names = [...new Set(runs.map((r) => r.crawler))];
  return names.map((name) => {
    const rs = of(runs, name);
    return [
      name,
      range(rs.map((r) => r.seconds)),
      range(rs.map((r) => r.cpuSeconds)),
      range(rs.map(rssOf), 0),
      range(
        rs.map((r) => r.rssAtStartMb),
        0,
      ),
      range(
        rs.map((r) => r.articles),
        0,
      ),
      range(
        rs.map((r) => r.serverRequests),
        0,
      ),
      range(rs.map((r) => r.serverCpuSeconds)),
      range(rs.map((r) => r.load)),
    ];
  });
}

const HEADER = [
  'crawler',
  'time (s)',
  'CPU (s)',
  'peak RSS (MB)',
  'RSS before crawling (MB)',
  'articles',
  'requests served',
  'server CPU (s)',
  'load avg',
];

/** How gongkai compares with one Crawlee configuration, round by round (same round, similar load). */
function versus(runs: BenchRun[], crawlee: (typeof CRAWLEE)[number]) {
  const pairs = of(runs, 'gongkai').flatMap((g) => {
    const c = runs.find((r) => r.crawler === crawlee && r.round === g.round);
    return c
      ? [{ speed: c.seconds / g.seconds, cpu: c.cpuSeconds / g.cpuSeconds, memory: rssOf(g) / rssOf(c) }]
      : [];
  });
  if (pairs.length === 0) return undefined;
  const speed = median(pairs.map((p) => p.speed));
  const memory = median(pairs.map((p) => p.memory));
  return {
    crawlee,
    cpu: range(
      pairs.map((p) => p.cpu),
      2,
    ),
    speed: range(
      pairs.map((p) => p.speed),
      2,
    ),
    memory: range(
      pairs.map((p) => p.memory),
      2,
    ),
    met: speed >= 1.5 && memory <= 0.5,
    speedMedian: speed,
    memoryMedian: memory,
  };
}

/** Prints the per-crawler ranges, the ratios to Crawlee and the second pass. */
export function printTable(runs: BenchRun[]): void {
  const table = [HEADER, ...rows(runs)];
  const widths = HEADER.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
  for (const row of table) console.log(row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
  for (const crawlee of CRAWLEE) {
    const v = versus(runs, crawlee);
    if (v)
      console.log(
        `vs ${crawlee}: speed ${v.speed}× (CPU ${v.cpu}×), memory ${v.memory}× → aim ${v.met ? 'met' : 'not met'}`,
      );
  }
  for (const r of of(runs, 'gongkai second pass'))
    console.log(`second pass, round ${r.round}: ${JSON.stringify(r.requests)}, twice: ${r.urlsFetchedTwice}`);
}

function secondPass(runs: BenchRun[]): string[] {
  return of(runs, 'gongkai second pass').map((r) => {
    const articles = Object.entries(r.requests)
      .filter(([k]) => k.startsWith('article') || k.startsWith('recheck'))
      .reduce((n, [, v]) => n + v, 0);
    const kinds = Object.entries(r.requests)
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    return `- round ${r.round}: ${r.seconds.toFixed(2)} s, ${rssOf(r).toFixed(0)} MB; ledger: ${kinds}; article fetches: ${articles}; URLs requested more than once: ${r.urlsFetchedTwice ?? '?'}; requests served (robots.txt included): ${r.serverRequests}.`;
  });
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}, Node ${process.versions.node}`;
}

function section(runs: BenchRun[], meta: { posts: number; seed: number; job: Omit<CrawlJob, 'storeDir'> }) {
  const body = [HEADER, ...rows(runs)];
  const widths = HEADER.map((_, i) => Math.max(3, ...body.map((r) => (r[i] ?? '').length)));
  // Padded as Biome formats Markdown tables, so that `biome check` stays clean.
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const [head, ...rest] = body.map(line);
  const table = [head, line(widths.map((w) => '-'.repeat(w))), ...rest];
  const verdicts = CRAWLEE.flatMap((c) => {
    const v = versus(runs, c);
    return v
      ? [
          `- vs ${c}: gongkai is ${v.speed}× as fast (median ${v.speedMedian.toFixed(2)}×; ${v.cpu}× in CPU time) at ${v.memory}× the peak RSS (median ${v.memoryMedian.toFixed(2)}×): the aim (≥ 1.5× the speed at ≤ 0.5× the memory) is **${v.met ? 'met' : 'not met'}**.`,
        ]
      : [];
  });
  const notes = [...new Set(runs.flatMap((r) => r.notes.map((n) => `${r.crawler}: ${n}`)))];
  return [
    BEGIN,
    `Last run ${new Date().toISOString().slice(0, 16)}Z on ${machine()}; ${Math.max(...runs.map((r) => r.round))} rounds, the ${new Set(runs.map((r) => r.crawler).filter((c) => !c.includes('second pass'))).size} configurations in rotated order each round (gongkai's second pass right after its first). Demo web: seed ${meta.seed}, ${meta.posts} posts, today 2020-12-31; ${meta.job.start.length} start pages, concurrency ${meta.job.concurrency}, no delay, attachments ${meta.job.attachments ? 'on' : 'off'}. Ranges are min–max over the rounds.`,
    '',
    ...table,
    '',
    ...verdicts,
    '',
    'Second pass of gongkai over the unchanged site (same store):',
    '',
    ...secondPass(runs),
    ...(notes.length > 0 ? ['', 'Notes:', '', ...notes.map((n) => `- ${n}`)] : []),
    END,
  ].join('\n');
}

/** Replaces the generated part of `## Crawl` in BENCHMARKS.md (creating either if missing); the rest stays. */
export function writeCrawlSection(
  file: string,
  runs: BenchRun[],
  meta: { posts: number; seed: number; job: Omit<CrawlJob, 'storeDir'> },
): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const generated = section(runs, meta);
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  const next =
    start >= 0 && end > start
      ? `${text.slice(0, start)}${generated}${text.slice(end + END.length)}`
      : text.includes('\n## Crawl\n')
        ? text.replace('\n## Crawl\n', `\n## Crawl\n\n${generated}\n`)
        : `${text.trimEnd()}\n\n## Crawl\n\n${generated}\n`;
  writeFileSync(file, next);
}

/**
 * Storage benchmark (issue 9): how big the database of one district-year gets. Builds the demo district's year with
 * `gongkai demo --once` at each cadence (crawl passes every N days, records and board postings imported, matched,
 * scored), then reports the file size, rows and bytes per table (SQLite's dbstat), applies ledger retention as the
 * daemon would on 2020-12-31 (90 days), VACUUMs, and reports again; then once more with every unchanged fetch
 * aggregated (1 day), the floor retention reaches. Prints Markdown tables; BENCHMARKS.md `## Storage` quotes them.
 * Usage: npx tsx bench/storage.ts [--cadence 7,1] [--seed 11] [--json]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { retentionCutoffs } from '../src/cli/daemon-upkeep.js';
import { main } from '../src/cli.js';
import { applyRetention, openStore, type RetentionResult, type Store } from '../src/store/index.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    cadence: { type: 'string', default: '7,1' },
    seed: { type: 'string', default: '11' },
    json: { type: 'boolean', default: false },
  },
});

/** One moment's picture of the database. */
interface Snapshot {
  label: string;
  fileBytes: number;
  rows: Record<string, number>;
  /** Bytes of each table with its indexes, from dbstat. */
  bytes: Record<string, number>;
}

interface CadenceResult {
  cadenceDays: number;
  buildSeconds: number;
  passes: number;
  snapshots: Snapshot[];
  retention: { days: number; seconds: number; result: RetentionResult }[];
}

function snapshot(store: Store, file: string, label: string): Snapshot {
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const rows = store.retention.stats().tables;
  const bytes: Record<string, number> = {};
  const perObject = store.db
    .prepare<[], { table: string; bytes: number }>(
      `SELECT coalesce(s.tbl_name, d.name) AS "table", sum(d.pgsize) AS bytes
       FROM dbstat d LEFT JOIN sqlite_schema s ON s.name = d.name GROUP BY 1`,
    )
    .all();
  for (const { table, bytes: b } of perObject) bytes[table] = b;
  return { label, fileBytes: statSync(file).size, rows, bytes };
}

async function buildYear(cadenceDays: number): Promise<CadenceResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-storage-'));
  try {
    let out = '';
    const started = performance.now();
    const code = await main(
      ['demo', '--once', '--dir', dir, '--cadence', String(cadenceDays), '--seed', values.seed],
      {
        stdout: (t) => {
          out += t;
        },
        stderr: () => {},
        cwd: ROOT,
        env: {},
      },
    );
    const buildSeconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`gongkai demo exited with ${code}:\n${out}`);
    const passes = Number(/已抓取 (\d+) 次/.exec(out)?.[1] ?? 0);
    const file = path.join(dir, 'gongkai.db');
    const store = openStore(file);
    try {
      const snapshots = [snapshot(store, file, 'built')];
      const retention: CadenceResult['retention'] = [];
      // As the daemon's pass on the last day of the year, then with everything unchanged aggregated.
      for (const days of [90, 1]) {
        const t0 = performance.now();
        const result = await applyRetention(
          store.retention,
          retentionCutoffs(new Date('2021-01-01T00:00:00+08:00'), days, 7),
        );
        const seconds = (performance.now() - t0) / 1000;
        store.db.exec('VACUUM');
        retention.push({ days, seconds, result });
        snapshots.push(snapshot(store, file, `retention ${days} d + VACUUM`));
      }
      return { cadenceDays, buildSeconds, passes, snapshots, retention };
    } finally {
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const mib = (bytes: number | undefined) => ((bytes ?? 0) / 1024 / 1024).toFixed(2);

function printMarkdown(r: CadenceResult): void {
  console.log(
    `\n### Cadence ${r.cadenceDays} d: ${r.passes} crawl passes, built in ${r.buildSeconds.toFixed(0)} s\n`,
  );
  console.log(`| table | ${r.snapshots.map((s) => `${s.label}: rows | MiB`).join(' | ')} |`);
  console.log(`| --- | ${r.snapshots.map(() => '---: | ---:').join(' | ')} |`);
  const tables = Object.keys(r.snapshots[0]?.bytes ?? {})
    // Empty tables (one or two pages each) are left out of the table.
    .filter((t) => r.snapshots.some((s) => (s.rows[t] ?? 0) > 0))
    .sort((a, b) => (r.snapshots[0]?.bytes[b] ?? 0) - (r.snapshots[0]?.bytes[a] ?? 0));
  for (const t of tables)
    console.log(
      `| ${t} | ${r.snapshots.map((s) => `${s.rows[t] ?? '–'} | ${mib(s.bytes[t])}`).join(' | ')} |`,
    );
  console.log(`| **file** | ${r.snapshots.map((s) => `| **${mib(s.fileBytes)}**`).join(' | ')} |`);
  for (const p of r.retention)
    console.log(
      `\nretention ${p.days} d: ${p.result.fetchesAggregated} fetch rows into ${p.result.aggregateRows} monthly rows, ` +
        `${p.result.frontierDeleted} frontier rows of ${p.result.runsCleared} runs deleted, in ${p.seconds.toFixed(2)} s`,
    );
}

const results: CadenceResult[] = [];
for (const cadence of values.cadence.split(',').map(Number)) {
  const result = await buildYear(cadence);
  results.push(result);
  if (!values.json) printMarkdown(result);
}
console.log(
  `\n${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}`,
);
if (values.json) console.log(JSON.stringify(results, null, 2));

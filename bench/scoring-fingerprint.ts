/**
 * Scoring benchmark's check that a change to the score stage keeps its output byte-identical: builds a synthetic
 * province once (kept, for profiling and repeated runs), and prints the sha256 of a stored run — its inputs'
 * hash, summary, and every obligation, finding and scorecard row in the order written — optionally dropping the
 * run afterwards so the store can be scored again from the same state.
 * Usage: npx tsx bench/scoring-fingerprint.ts build DB [DISTRICTS]
 *        npx tsx bench/scoring-fingerprint.ts hash DB [--drop]   (the newest finished run)
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { loadCatalog } from '../src/catalog/index.js';
import { openStore } from '../src/store/index.js';
import { writeProvince } from './scoring-store.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const [mode, file, arg] = process.argv.slice(2);
if (!file || (mode !== 'build' && mode !== 'hash')) {
  process.stderr.write('usage: scoring-fingerprint.ts build DB [DISTRICTS] | hash DB [--drop]\n');
  process.exit(2);
}
if (mode === 'build') {
  const catalog = loadCatalog('shifanqu-2020', { dir: path.join(ROOT, 'data/catalog') }).catalog;
  const store = openStore(file, { create: true, migrate: true });
  const counts = writeProvince(store, catalog, {
    districts: Number(arg ?? 40),
    postsPerDistrict: 6667,
    recordsPerDistrict: 1333,
    year: 2020,
    seed: 7,
  });
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  process.stdout.write(`${JSON.stringify(counts)}\n`);
} else {
  const store = openStore(file);
  const db = store.db;
  const run = db
    .prepare<[], { id: number; inputs_sha256: string; summary: string }>(
      "SELECT id, inputs_sha256, summary FROM score_runs WHERE inputs_sha256 <> '' ORDER BY id DESC LIMIT 1",
    )
    .get();
  if (!run) throw new Error('no finished run');
  const hash = createHash('sha256').update(`${run.inputs_sha256}\n${run.summary}\n`);
  const counts: Record<string, number> = {};
  const queries = {
    obligations:
      'SELECT key, body_id, item, status, due, data FROM obligations WHERE run_id = ? ORDER BY rowid',
    findings: 'SELECT body_id, kind, item, data FROM findings WHERE run_id = ? ORDER BY id',
    scorecards: 'SELECT body_id, scope, data FROM scorecards WHERE run_id = ? ORDER BY rowid',
  };
  for (const [table, sql] of Object.entries(queries)) {
    let n = 0;
    hash.update(`${table}\n`);
    for (const row of db.prepare(sql).raw().iterate(run.id) as Iterable<unknown[]>) {
      hash.update(`${JSON.stringify(row)}\n`);
      n += 1;
    }
    counts[table] = n;
  }
  process.stdout.write(`${JSON.stringify({ run: run.id, ...counts, sha256: hash.digest('hex') })}\n`);
  if (arg === '--drop') store.scores.discard(run.id);
  store.close();
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { evaluateScoring } from './scoring-eval.js';

// `npm run eval:scoring [-- --seed N] [-- --cadence DAYS] [-- --list]`: crawl → match → score on the demo web,
// findings compared with the truth's, precision and recall per kind.

const args = process.argv.slice(2);
const value = (flag: string, fallback: number) =>
  args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : fallback;
const keep = args.includes('--keep');
const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-eval-'));
const out = (text: string) => process.stdout.write(`${text}\n`);
const pct = (x: number | null) => (x === null ? '   —  ' : `${(x * 100).toFixed(1).padStart(5)}%`);
try {
  const started = Date.now();
  const result = await evaluateScoring({
    seed: value('--seed', 11),
    cadenceDays: value('--cadence', 3),
    dir,
  });
  out(
    `demo seed ${result.seed}, ${result.crawlDays} crawl days, ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  out('finding kind        expected  found  matched  precision  recall');
  for (const [kind, f] of Object.entries(result.perKind)) {
    out(
      `${kind.padEnd(18)} ${String(f.expected).padStart(8)} ${String(f.found).padStart(6)} ${String(f.matched).padStart(8)}   ${pct(f.precision)}   ${pct(f.recall)}`,
    );
  }
  if (args.includes('--list')) {
    for (const k of result.missed) out(`missed ${k}`);
    for (const k of result.extra) out(`extra  ${k}`);
  }
} finally {
  if (keep) out(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

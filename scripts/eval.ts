import { readFileSync } from 'node:fs';
import { ITEM_IDS } from '../src/catalog/index.js';
import {
  analyseLabelled,
  analyseUnderGenericTitles,
  type Label,
  type Outcome,
  readLabels,
} from './evaluation.js';
import {
  computeFigures,
  type Figures,
  formedRight,
  itemRight,
  noticeRight,
  privacyRight,
  publishedRight,
  publisherLevelRight,
  publisherRight,
} from './figures.js';

// `npm run eval [-- --json] [-- --only files.json] [-- --mismatches]`: the matchers on the labelled posts.

const args = process.argv.slice(2);
const out = (text: string) => process.stdout.write(`${text}\n`);
const pct = (x: number | null) => (x === null ? '   —  ' : `${(x * 100).toFixed(1).padStart(5)}%`);

function selectLabels(): Label[] {
  const labels = readLabels();
  const only = args.indexOf('--only');
  if (only < 0) return labels;
  const files = new Set(JSON.parse(readFileSync(args[only + 1] ?? '', 'utf8')) as string[]);
  return labels.filter((l) => files.has(l.file));
}

function printFigures(f: Figures): void {
  out(`posts: ${f.posts}`);
  out('item                         precision  recall   tp  fp  fn');
  for (const [id, m] of Object.entries(f.perItem))
    out(
      `${id.padEnd(28)} ${pct(m.precision)}   ${pct(m.recall)} ${String(m.tp).padStart(4)}${String(m.fp).padStart(4)}${String(m.fn).padStart(4)}`,
    );
  out(`item accuracy (best item = label's first, or both none): ${pct(f.itemAccuracy)}`);
  out(`publication date: ${pct(f.publishedAccuracy)}   formation date: ${pct(f.formedAccuracy)}`);
  out(
    `notice period: ${pct(f.noticeAccuracy)}   publisher: ${pct(f.publisherAccuracy)}   level: ${pct(f.publisherLevelAccuracy)}`,
  );
  out(
    `elements (${f.elements.posts} posts with the right item): precision ${pct(f.elements.precision)}, recall ${pct(f.elements.recall)}`,
  );
  out(`personal data (kinds and counts): ${pct(f.privacyAccuracy)}`);
}

function printMismatches(outcomes: readonly Outcome[]): void {
  const checks: Array<[string, (o: Outcome) => boolean, (o: Outcome) => unknown, (o: Outcome) => unknown]> = [
    ['item', itemRight, (o) => o.analysis.items.map((i) => `${i.id}:${i.score}`), (o) => o.label.items],
    ['published', publishedRight, (o) => o.analysis.publishedAt, (o) => o.label.publishedAt],
    ['formed', formedRight, (o) => o.analysis.formedAt, (o) => o.label.formedAt],
    ['notice', noticeRight, (o) => o.analysis.notice, (o) => o.label.notice],
    ['publisher', publisherRight, (o) => o.analysis.publisher?.name, (o) => o.label.publisher],
    ['level', publisherLevelRight, (o) => o.analysis.publisher?.level, (o) => o.label.publisherLevel],
    [
      'privacy',
      privacyRight,
      (o) => o.analysis.privacy.map((p) => [p.kind, p.count]),
      (o) => o.label.privacy,
    ],
  ];
  for (const o of outcomes.filter((x) => x.label.items.length > 0 && itemRight(x))) {
    const got = new Set(o.analysis.elements.present.map((p) => p.key));
    const extra = [...got].filter((k) => o.label.elements.missing.includes(k));
    const lacking = o.label.elements.present.filter((k) => !got.has(k));
    if (extra.length > 0 || lacking.length > 0)
      out(
        `elements  ${o.label.file}\n          extra ${extra.join('、')}\n          lacking ${lacking.join('、')}`,
      );
  }
  for (const [name, right, got, want] of checks)
    for (const o of outcomes.filter((x) => !right(x)))
      out(
        `${name.padEnd(9)} ${o.label.file}\n          got  ${JSON.stringify(got(o))}\n          want ${JSON.stringify(want(o))}`,
      );
}

const outcomes = analyseLabelled(selectLabels());
const figures = computeFigures(outcomes, ITEM_IDS);
const generic = analyseUnderGenericTitles(outcomes);
const genericTitleItemAccuracy =
  Math.round((generic.filter(itemRight).length / Math.max(1, generic.length)) * 1000) / 1000;
if (args.includes('--json')) out(JSON.stringify({ ...figures, genericTitleItemAccuracy }, null, 2));
else {
  printFigures(figures);
  out(
    `item accuracy with every title replaced by 公示/公告/通知 and no column: ${pct(genericTitleItemAccuracy)}`,
  );
}
if (args.includes('--mismatches')) printMismatches(outcomes);

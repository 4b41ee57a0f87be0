import { createHash } from 'node:crypto';
import { analyseLabelled, type Outcome, readLabels } from './evaluation.js';

// `npx tsx scripts/ngram-cv.ts`: would a learned component help? A character n-gram naive Bayes over the
// title and the opening of the body, measured by k-fold cross-validation on the labelled posts (never on
// the posts it was trained on), beside the rules and a rules-first combination on the same folds.

const FOLDS = 5;
const BODY_CHARS = 300;
const out = (text: string) => process.stdout.write(`${text}\n`);

function grams(outcome: Outcome): string[] {
  const title = outcome.analysis.title.replace(/\s+/g, '');
  const text = outcome.doc.text.replace(/\s+/g, '').slice(0, BODY_CHARS);
  const found: string[] = [];
  for (const [source, weight] of [
    [title, 3],
    [text, 1],
  ] as const)
    for (let n = 1; n <= 3; n++)
      for (let i = 0; i + n <= source.length; i++)
        for (let w = 0; w < weight; w++) found.push(`${n}:${source.slice(i, i + n)}`);
  return found;
}

interface Model {
  classes: Map<string, { docs: number; total: number; counts: Map<string, number> }>;
  vocabulary: Set<string>;
  docs: number;
}

function train(samples: ReadonlyArray<{ label: string; features: string[] }>): Model {
  const model: Model = { classes: new Map(), vocabulary: new Set(), docs: samples.length };
  for (const { label, features } of samples) {
    const c = model.classes.get(label) ?? { docs: 0, total: 0, counts: new Map() };
    c.docs += 1;
    for (const f of features) {
      c.counts.set(f, (c.counts.get(f) ?? 0) + 1);
      c.total += 1;
      model.vocabulary.add(f);
    }
    model.classes.set(label, c);
  }
  return model;
}

function predict(model: Model, features: readonly string[]): { label: string; probability: number } {
  const v = model.vocabulary.size;
  const scores = [...model.classes].map(([label, c]) => {
    let logp = Math.log(c.docs / model.docs);
    for (const f of features) logp += Math.log(((c.counts.get(f) ?? 0) + 1) / (c.total + v));
    return { label, logp };
  });
  const max = Math.max(...scores.map((s) => s.logp));
  const z = scores.reduce((n, s) => n + Math.exp(s.logp - max), 0);
  const best = scores.reduce((a, b) => (b.logp > a.logp ? b : a));
  return { label: best.label, probability: 1 / z };
}

const outcomes = analyseLabelled(readLabels());
const fold = (file: string) =>
  Number.parseInt(createHash('sha1').update(file).digest('hex').slice(0, 8), 16) % FOLDS;
const truth = (o: Outcome) => o.label.items[0] ?? 'none';
const rules = (o: Outcome) => o.analysis.items[0]?.id ?? 'none';
let nbRight = 0;
let rulesRight = 0;
let combinedRight = 0;
for (let k = 0; k < FOLDS; k++) {
  const trainSet = outcomes.filter((o) => fold(o.label.file) !== k);
  const model = train(trainSet.map((o) => ({ label: truth(o), features: grams(o) })));
  for (const o of outcomes.filter((x) => fold(x.label.file) === k)) {
    const nb = predict(model, grams(o));
    const r = rules(o);
    const combined = r === 'none' && nb.label !== 'none' && nb.probability > 0.95 ? nb.label : r;
    nbRight += nb.label === truth(o) ? 1 : 0;
    rulesRight += r === truth(o) ? 1 : 0;
    combinedRight += combined === truth(o) ? 1 : 0;
  }
}
const pct = (n: number) => `${((100 * n) / outcomes.length).toFixed(1)}%`;
out(
  `${outcomes.length} posts, ${FOLDS}-fold cross-validation (folds by file-name hash), character 1–3-grams of the title (×3) and the body's first 300 characters`,
);
out(`naive Bayes alone:                        ${pct(nbRight)}`);
out(`rules alone (not trained; same posts):    ${pct(rulesRight)}`);
out(`rules, naive Bayes when rules find none:  ${pct(combinedRight)}`);

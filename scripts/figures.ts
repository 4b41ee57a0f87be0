import type { Label, Outcome } from './evaluation.js';

/** Precision and recall of one class. */
export interface PrecisionRecall {
  precision: number | null;
  recall: number | null;
  tp: number;
  fp: number;
  fn: number;
}

/** The evaluation's figures (accuracies in 0..1 over all posts unless named otherwise). */
export interface Figures {
  posts: number;
  itemAccuracy: number;
  perItem: Record<string, PrecisionRecall>;
  publishedAccuracy: number;
  formedAccuracy: number;
  noticeAccuracy: number;
  publisherAccuracy: number;
  publisherLevelAccuracy: number;
  elements: PrecisionRecall & { posts: number };
  privacyAccuracy: number;
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
const share = (outcomes: readonly Outcome[], test: (o: Outcome) => boolean) =>
  outcomes.length === 0 ? 0 : Math.round((outcomes.filter(test).length / outcomes.length) * 1000) / 1000;

function pr(tp: number, fp: number, fn: number): PrecisionRecall {
  return { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), tp, fp, fn };
}

const compactName = (name: string | null | undefined) => (name ?? '').replace(/\s+/g, '');

/** Right when the best item is the label's first, or both are none. */
export const itemRight = (o: Outcome) => (o.analysis.items[0]?.id ?? null) === (o.label.items[0] ?? null);
export const publishedRight = (o: Outcome) => (o.analysis.publishedAt?.date ?? null) === o.label.publishedAt;
export const formedRight = (o: Outcome) => (o.analysis.formedAt?.date ?? null) === o.label.formedAt;
export const publisherRight = (o: Outcome) =>
  compactName(o.analysis.publisher?.name) === compactName(o.label.publisher);
export const publisherLevelRight = (o: Outcome) =>
  (o.analysis.publisher?.level ?? null) === o.label.publisherLevel;

export function noticeRight(o: Outcome): boolean {
  const got = o.analysis.notice;
  const want = o.label.notice;
  if (!got || !want) return got === null && want === null;
  return got.start === want.start && got.end === want.end && got.days === want.days && got.unit === want.unit;
}

export function privacyRight(o: Outcome): boolean {
  const got = new Map<string, number>(o.analysis.privacy.map((p) => [p.kind, p.count]));
  const want = new Map(o.label.privacy.map((p) => [p.kind, p.count]));
  return got.size === want.size && [...want].every(([kind, count]) => got.get(kind) === count);
}

function perItem(outcomes: readonly Outcome[], ids: readonly string[]): Record<string, PrecisionRecall> {
  const out: Record<string, PrecisionRecall> = {};
  for (const id of ids) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { label, analysis } of outcomes) {
      const predicted = analysis.items.some((i) => i.id === id);
      const wanted = label.items.includes(id);
      if (predicted && wanted) tp++;
      else if (predicted) fp++;
      else if (wanted) fn++;
    }
    out[id] = pr(tp, fp, fn);
  }
  return out;
}

/** Element keys compared on the posts whose best item is right (other items have other keys). */
function elementFigures(outcomes: readonly Outcome[]): Figures['elements'] {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const judged = outcomes.filter((o) => o.label.items.length > 0 && itemRight(o));
  for (const { label, analysis } of judged) {
    const got = new Set(analysis.elements.present.map((p) => p.key));
    const want = new Set(label.elements.present);
    for (const key of got)
      if (want.has(key)) tp++;
      else if (label.elements.missing.includes(key)) fp++;
    for (const key of want) if (!got.has(key)) fn++;
  }
  return { ...pr(tp, fp, fn), posts: judged.length };
}

/** Computes every figure of the evaluation from the outcomes. */
export function computeFigures(outcomes: readonly Outcome[], itemIds: readonly string[]): Figures {
  return {
    posts: outcomes.length,
    itemAccuracy: share(outcomes, itemRight),
    perItem: perItem(outcomes, itemIds),
    publishedAccuracy: share(outcomes, publishedRight),
    formedAccuracy: share(outcomes, formedRight),
    noticeAccuracy: share(outcomes, noticeRight),
    publisherAccuracy: share(outcomes, publisherRight),
    publisherLevelAccuracy: share(outcomes, publisherLevelRight),
    elements: elementFigures(outcomes),
    privacyAccuracy: share(outcomes, privacyRight),
  };
}

export type { Label };

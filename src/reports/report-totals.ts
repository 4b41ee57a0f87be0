import type { Obligation, Scheme } from '../scoring/index.js';
import type {
  ItemStatus,
  KindTotal,
  ReportBody,
  ReportCard,
  ReportFinding,
  ReportTotals,
} from './annual-report.js';

const STATUSES: readonly Obligation['status'][] = [
  'on_time',
  'late',
  'missing',
  'pending',
  'unverifiable',
  'exempt',
];

const zeroCounts = (): Record<Obligation['status'], number> => ({
  pending: 0,
  on_time: 0,
  late: 0,
  missing: 0,
  unverifiable: 0,
  exempt: 0,
});

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Bodies best first (points, then id), each with its competition rank (equal points, equal rank). */
export function rankBodies(bodies: readonly ReportBody[]): ReportBody[] {
  const sorted = [...bodies].sort(
    (a, b) => b.card.points - a.card.points || byCodePoint(a.card.body.id, b.card.body.id),
  );
  let rank = 0;
  return sorted.map((body, i) => {
    if (i === 0 || body.card.points !== sorted[i - 1]?.card.points) rank = i + 1;
    body.rank = rank;
    return body;
  });
}

/** The scope's figures from its bodies' own cards (obligations counted once, at the body that owes them). */
export function totalsOf(cards: readonly ReportCard[], findings: readonly ReportFinding[]): ReportTotals {
  const sum = (f: (c: ReportCard) => number) => cards.reduce((s, c) => s + f(c), 0);
  const onTime = sum((c) => c.counts.on_time);
  const late = sum((c) => c.counts.late);
  const missing = sum((c) => c.counts.missing);
  const due = onTime + late + missing;
  const deducting = findings.filter((f) => f.points > 0 || f.veto);
  const grades = { 优秀: 0, 合格: 0, 不合格: 0 };
  for (const c of cards) grades[c.grade] += 1;
  return {
    bodies: cards.length,
    meanPoints: cards.length ? sum((c) => c.points) / cards.length : null,
    due,
    onTime,
    late,
    missing,
    pending: sum((c) => c.counts.pending),
    unverifiable: sum((c) => c.counts.unverifiable),
    timeliness: due ? onTime / due : null,
    completeness: due ? (onTime + late) / due : null,
    findings: findings.length,
    deductions: deducting.length,
    pointsDeducted: Math.round(deducting.reduce((s, f) => s + f.points, 0) * 100) / 100,
    vetoed: cards.filter((c) => c.vetoed).length,
    grades,
  };
}

/** Findings by kind, in the scheme's order, with the points they cost. */
export function kindTotals(findings: readonly ReportFinding[], scheme: Scheme): KindTotal[] {
  return Object.entries(scheme.findings).flatMap(([kind, rule]) => {
    const of = findings.filter((f) => f.kind === kind);
    if (!rule || of.length === 0) return [];
    const points = Math.round(of.reduce((s, f) => s + f.points, 0) * 100) / 100;
    return [{ kind, label: rule.label, severity: rule.severity, count: of.length, points }];
  });
}

/** Obligations by catalog item and status, in catalog order. */
export function itemStatuses(
  obligations: readonly Pick<Obligation, 'item' | 'status'>[],
  items: readonly { id: string; no: number; name: string }[],
): ItemStatus[] {
  return items.flatMap((item) => {
    const of = obligations.filter((o) => o.item === item.id);
    if (of.length === 0) return [];
    const counts = zeroCounts();
    for (const o of of) counts[o.status] += 1;
    return [{ item: item.id, itemName: `${item.no}. ${item.name}`, counts }];
  });
}

export { STATUSES };

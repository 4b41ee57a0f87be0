import type { IsoDate, WorkingCalendar } from '../catalog/index.js';
import { applyClaims, attachEvidence, decideStatus } from './assign.js';
import { compareText, createContext } from './context.js';
import { type Draft, obligationFindings } from './findings-obligations.js';
import { postFindings } from './findings-posts.js';
import { buildObligations } from './obligations.js';
import { findingPoints, type Scheme } from './scheme.js';
import { buildScorecards } from './scorecards.js';
import type { Finding, Obligation, ScoringInput, ScoringResult } from './types.js';

function price(scheme: Scheme, d: Draft): Finding {
  const rule = scheme.findings[d.kind];
  // The draft's fields but its units, in its order, then the price: copied key by key, many times faster than
  // a rest-and-spread of the object and the same finding.
  const out: Record<string, unknown> = {};
  for (const key in d) if (key !== 'units') out[key] = d[key as keyof Draft];
  out.severity = rule?.severity ?? 'info';
  out.points = rule ? Math.round(findingPoints(rule, d.units) * 100) / 100 : 0;
  out.veto = rule?.veto ?? false;
  return out as unknown as Finding;
}

const ORDER: Record<Finding['severity'], number> = { critical: 0, major: 1, minor: 2, info: 3 };

/**
 * Scores a year on a given day: builds the obligations (records × required channels, standing rules), attaches
 * the evidence, decides each status, derives the findings and prices them under the scheme, and makes a card per
 * body. Pure and deterministic: the same input gives the same result.
 */
export function scoreYear(input: ScoringInput): ScoringResult {
  const ctx = createContext(input);
  const obligations = buildObligations(ctx);
  attachEvidence(ctx, obligations);
  applyClaims(ctx, obligations);
  decideStatus(ctx, obligations);
  const findings = [...obligationFindings(obligations), ...postFindings(ctx)]
    .map((d) => price(input.scheme, d))
    .sort(
      (a, b) =>
        compareText(a.bodyId, b.bodyId) ||
        ORDER[a.severity] - ORDER[b.severity] ||
        compareText(a.due ?? a.published ?? '', b.due ?? b.published ?? '') ||
        compareText(a.kind, b.kind),
    );
  obligations.sort(
    (a, b) => compareText(a.bodyId, b.bodyId) || compareText(a.due, b.due) || compareText(a.key, b.key),
  );
  return { obligations, findings, scorecards: buildScorecards(ctx, obligations, findings) };
}

/** A body's overdue items and those due within the scheme's window, with working days late or left. */
export function overdueList(
  obligations: readonly Obligation[],
  bodyIds: ReadonlySet<string>,
  today: IsoDate,
  dueSoonWorkdays: number,
): { overdue: Obligation[]; dueSoon: Obligation[] } {
  const mine = obligations.filter((o) => bodyIds.has(o.bodyId));
  return {
    overdue: mine.filter((o) => o.status === 'missing'),
    dueSoon: mine.filter(
      (o) =>
        o.status === 'pending' &&
        o.workdaysLeft !== null &&
        o.workdaysLeft <= dueSoonWorkdays &&
        o.due >= today,
    ),
  };
}

/**
 * An obligation as it stood (or will stand) on another day than the run's: the same evidence and due date,
 * the status and working days late or left read again for `day`. An absence the run could not verify stays so.
 */
export function statusOn(o: Obligation, day: IsoDate, calendar: WorkingCalendar): Obligation {
  const evidence = o.evidence.filter((e) => e.published <= day);
  const first = evidence[0];
  const base = {
    ...o,
    evidence,
    published: first?.published ?? null,
    workdaysLate: null,
    workdaysLeft: null,
  };
  if (first) {
    return first.published <= o.due
      ? { ...base, status: 'on_time' }
      : { ...base, status: 'late', workdaysLate: calendar.workingDaysBetween(o.due, first.published) };
  }
  if (o.due === '9999-12-31' || day <= o.due)
    return {
      ...base,
      status: 'pending',
      workdaysLeft: o.due === '9999-12-31' ? null : calendar.workingDaysBetween(day, o.due),
    };
  if (o.status === 'unverifiable') return { ...base, status: 'unverifiable' };
  return { ...base, status: 'missing', workdaysLate: calendar.workingDaysBetween(o.due, day) };
}

import type { Finding } from './types.js';

/**
 * A finding as the command line (`score --json`) and the JSON API give it: the contract's fields (DESIGN.md) and,
 * after them, its rule, severity, points, evidence and the obligation it is about.
 */
export function findingJson(f: Finding) {
  return {
    kind: f.kind,
    item: f.item,
    record: f.record,
    due: f.due,
    published: f.published,
    workdaysLate: f.workdaysLate,
    days: f.days,
    url: f.url,
    detail: f.detail,
    rule: f.rule,
    severity: f.severity,
    points: f.points,
    evidence: f.evidence,
    obligationKey: f.obligationKey,
  };
}

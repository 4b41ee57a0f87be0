import type { ScoringContext } from './context.js';
import type { Finding, Obligation, ObligationStatus, Scorecard, ScoringBody } from './types.js';

const STATUSES: ObligationStatus[] = ['pending', 'on_time', 'late', 'missing', 'unverifiable', 'exempt'];

function ratio(n: number, d: number): number | null {
  return d === 0 ? null : Math.round((n / d) * 10_000) / 10_000;
}

/** What a body's card is made of, gathered once per body. */
interface Parts {
  obligations: Obligation[];
  findings: Finding[];
  present: number;
  missing: number;
}

function card(
  ctx: ScoringContext,
  body: ScoringBody,
  scope: Scorecard['scope'],
  parts: readonly Parts[],
): Scorecard {
  const own = parts.flatMap((p) => p.obligations);
  const counts = Object.fromEntries(
    STATUSES.map((s) => [s, own.filter((o) => o.status === s).length]),
  ) as Record<ObligationStatus, number>;
  const due = counts.on_time + counts.late + counts.missing;
  const cardFindings = parts.flatMap((p) => p.findings);
  const { scheme } = ctx.input;
  // Each body is marked down within its own caps; a township with its villages takes its members' mean, so a
  // card of six bodies is on the same 100-point scale as one body's.
  const deductions = parts.map((part) =>
    scheme.indicators.map((indicator) =>
      Math.min(
        indicator.max,
        part.findings
          .filter((f) => scheme.findings[f.kind]?.indicator === indicator.id)
          .reduce((sum, f) => sum + f.points, 0),
      ),
    ),
  );
  const indicators = scheme.indicators.map((indicator, i) => ({
    id: indicator.id,
    name: indicator.name,
    max: indicator.max,
    deducted:
      Math.round(
        (deductions.reduce((sum, d) => sum + (d[i] as number), 0) / Math.max(1, parts.length)) * 100,
      ) / 100,
  }));
  const points = Math.max(
    0,
    Math.round((scheme.base - indicators.reduce((s, i) => s + i.deducted, 0)) * 100) / 100,
  );
  const vetoed = cardFindings.some((f) => f.veto);
  const present = parts.reduce((s, p) => s + p.present, 0);
  const missing = parts.reduce((s, p) => s + p.missing, 0);
  return {
    body: { id: body.id, name: body.name, level: body.level },
    scope,
    timeliness: ratio(counts.on_time, due),
    completeness: ratio(counts.on_time + counts.late, due),
    elementCompleteness: ratio(present, present + missing),
    points,
    grade: vetoed || points < scheme.pass ? '不合格' : points >= scheme.good ? '优秀' : '合格',
    vetoed,
    indicators,
    counts,
    findings: cardFindings as Finding[],
  };
}

/** A card per active body for its own obligations, and for a township another with its villages. */
export function buildScorecards(
  ctx: ScoringContext,
  obligations: readonly Obligation[],
  findings: readonly Finding[],
): Scorecard[] {
  const parts = new Map<string, Parts>();
  const partOf = (bodyId: string): Parts => {
    let p = parts.get(bodyId);
    if (!p) {
      p = { obligations: [], findings: [], present: 0, missing: 0 };
      parts.set(bodyId, p);
    }
    return p;
  };
  for (const o of obligations) partOf(o.bodyId).obligations.push(o);
  for (const f of findings) partOf(f.bodyId).findings.push(f);
  for (const f of ctx.posts) {
    if (f.post.items.length === 0) continue;
    const p = partOf(f.bodyId);
    p.present += f.post.elements.present.length;
    p.missing += f.post.elements.missing.length;
  }
  const cards: Scorecard[] = [];
  for (const body of ctx.input.bodies.filter((b) => b.active)) {
    cards.push(card(ctx, body, 'own', [partOf(body.id)]));
    if (body.level === 'township') {
      const members = [body.id, ...(ctx.children.get(body.id) ?? []).map((c) => c.id)];
      cards.push(card(ctx, body, 'with_villages', members.map(partOf)));
    }
  }
  return cards;
}

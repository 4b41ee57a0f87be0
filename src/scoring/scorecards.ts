import type { ScoringContext } from './context.js';
import type { Finding, Obligation, ObligationStatus, Scorecard, ScoringBody } from './types.js';

const STATUSES: ObligationStatus[] = ['pending', 'on_time', 'late', 'missing', 'unverifiable', 'exempt'];

function ratio(n: number, d: number): number | null {
  return d === 0 ? null : Math.round((n / d) * 10_000) / 10_000;
}

function card(
  ctx: ScoringContext,
  body: ScoringBody,
  scope: Scorecard['scope'],
  members: ReadonlySet<string>,
  obligations: readonly Obligation[],
  findings: readonly Finding[],
): Scorecard {
  const own = obligations.filter((o) => members.has(o.bodyId));
  const counts = Object.fromEntries(
    STATUSES.map((s) => [s, own.filter((o) => o.status === s).length]),
  ) as Record<ObligationStatus, number>;
  const due = counts.on_time + counts.late + counts.missing;
  const cardFindings = findings.filter((f) => members.has(f.bodyId));
  const { scheme } = ctx.input;
  const indicators = scheme.indicators.map((indicator) => {
    const raw = cardFindings
      .filter((f) => scheme.findings[f.kind]?.indicator === indicator.id)
      .reduce((sum, f) => sum + f.points, 0);
    return {
      id: indicator.id,
      name: indicator.name,
      max: indicator.max,
      deducted: Math.round(Math.min(indicator.max, raw) * 100) / 100,
    };
  });
  const points = Math.max(
    0,
    Math.round((scheme.base - indicators.reduce((s, i) => s + i.deducted, 0)) * 100) / 100,
  );
  const vetoed = cardFindings.some((f) => f.veto);
  const elementPosts = ctx.posts.filter((f) => members.has(f.bodyId) && f.post.items.length > 0);
  const present = elementPosts.reduce((s, f) => s + f.post.elements.present.length, 0);
  const missing = elementPosts.reduce((s, f) => s + f.post.elements.missing.length, 0);
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
  const cards: Scorecard[] = [];
  for (const body of ctx.input.bodies.filter((b) => b.active)) {
    cards.push(card(ctx, body, 'own', new Set([body.id]), obligations, findings));
    if (body.level === 'township') {
      const members = new Set([body.id, ...(ctx.children.get(body.id) ?? []).map((c) => c.id)]);
      cards.push(card(ctx, body, 'with_villages', members, obligations, findings));
    }
  }
  return cards;
}

import { createHash } from 'node:crypto';
import type { Catalog, IsoDate, ItemId, WorkingCalendar } from '../catalog/index.js';
import {
  type Finding,
  type Obligation,
  type PrivacyKind,
  type Scheme,
  type Scorecard,
  type ScoringBody,
  type ScoringClaim,
  type ScoringInput,
  type ScoringPost,
  type ScoringResult,
  scoreYear,
} from '../scoring/index.js';
import type { Claim, PostForScoring, Store } from '../store/index.js';

export interface ScoreOptions {
  catalog: Catalog;
  calendar: WorkingCalendar;
  scheme: Scheme;
  year: number;
  today: IsoDate;
  /** Bodies scored together at most (a township always with its villages); bounds memory at province scale. */
  chunkBodies?: number;
  /** Keep every part's result in memory for the caller (default); off, only the stored run remains. */
  collect?: boolean;
}

const PRIVACY_KINDS: readonly PrivacyKind[] = ['id_number', 'bank_card', 'mobile'];

// Exposure in any version counts: the data was public; `fixed` says the current version no longer shows it.
function privacyOf(p: PostForScoring): ScoringPost['privacy'] {
  return PRIVACY_KINDS.flatMap((kind) => {
    const count = p.privacyEver.find((x) => x.kind === kind)?.count ?? 0;
    if (count === 0) return [];
    const now = p.match.privacy.find((x) => x.kind === kind)?.count ?? 0;
    return [{ kind, count, fixed: now === 0 }];
  });
}

const sameItems = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** A stored post as scoring reads it; a reviewer's decision overrides what the matchers read. */
export function toScoringPost(p: PostForScoring): ScoringPost {
  const review = p.review as {
    items?: string[];
    publishedAt?: string | null;
    formedAt?: string | null;
    publisherBody?: string | null;
    records?: number[];
  } | null;
  return {
    id: p.id,
    sourceId: p.sourceId,
    url: p.url,
    title: p.title ?? p.url,
    firstSeen: p.firstSeen,
    removedAt: p.removedAt,
    versionId: p.versionId,
    fetchId: p.fetchId,
    sha256: p.bodySha256,
    items: (review?.items ?? p.match.items.map((i) => i.id)) as ItemId[],
    publishedAt: review?.publishedAt !== undefined ? review.publishedAt : p.match.publishedAt,
    formedAt: review?.formedAt !== undefined ? review.formedAt : p.match.formedAt,
    notice: p.match.notice,
    publisherBodyId: review?.publisherBody !== undefined ? review.publisherBody : p.match.publisherBody,
    // The matchers read the elements of the items they chose; a reviewer who changed the items leaves them unknown.
    elements:
      review?.items === undefined ||
      sameItems(
        review.items,
        p.match.items.map((i) => i.id),
      )
        ? p.match.elements
        : { present: [], missing: [] },
    privacy: privacyOf(p),
    interpretationOf: p.match.interpretationOf,
    docNo: p.match.docNo,
    recordIds: review?.records ?? p.recordIds,
    reviewed: review !== null,
  };
}

/** A claim with the page gongkai fetched from its link (its title, its own date, the fetch that keeps it). */
function toScoringClaim(store: Store, c: Claim): ScoringClaim {
  const post = c.postId !== null ? store.posts.get(c.postId) : undefined;
  const version = post?.currentVersionId ? store.posts.version(post.currentVersionId) : undefined;
  const match = version ? store.matches.get(version.id) : undefined;
  return {
    id: c.id,
    bodyId: c.bodyId,
    obligationKey: c.obligationKey,
    url: c.url,
    status: c.status,
    publishedOn: c.publishedOn,
    by: c.by,
    at: c.at,
    reviewedBy: c.reviewedBy,
    reviewedAt: c.reviewedAt,
    post: post
      ? {
          id: post.id,
          title: post.title,
          publishedAt: match?.publishedAt ?? post.publishedAt?.slice(0, 10) ?? null,
          firstSeen: post.firstSeen,
          versionId: version?.id ?? null,
          fetchId: version?.fetchId ?? null,
          sha256: version?.bodySha256 ?? null,
        }
      : null,
  };
}

/**
 * The cards of a stored run with their findings put back (from the run's findings, by body: a township's card
 * with its villages takes theirs too), or without them when only the figures are wanted.
 */
export function readScorecards(
  store: Store,
  runId: number,
  options: { scope?: Scorecard['scope']; findings?: boolean } = {},
): Scorecard[] {
  const cards = store.scores.scorecards<Scorecard>(runId, options.scope).map((row) => row.data);
  if (options.findings === false) return cards;
  const byBody = new Map<string, Finding[]>();
  for (const row of store.scores.findings<Finding>(runId)) {
    const list = byBody.get(row.bodyId);
    if (list) list.push(row.data);
    else byBody.set(row.bodyId, [row.data]);
  }
  const children = new Map<string, string[]>();
  for (const b of store.bodies.list({ includeRetired: true }))
    if (b.parentId) children.set(b.parentId, [...(children.get(b.parentId) ?? []), b.id]);
  return cards.map((card) => {
    const members =
      card.scope === 'with_villages' ? [card.body.id, ...(children.get(card.body.id) ?? [])] : [card.body.id];
    return { ...card, findings: members.flatMap((id) => byBody.get(id) ?? []) };
  });
}

// Townships travel with their villages (a village's website is its township's); other bodies alone.
function chunksOf(bodies: readonly ScoringBody[], size: number): ScoringBody[][] {
  const groups = new Map<string, ScoringBody[]>();
  for (const b of bodies) {
    const key = b.level === 'village' && b.parentId ? b.parentId : b.id;
    const group = groups.get(key);
    if (group) group.push(b);
    else groups.set(key, [b]);
  }
  const chunks: ScoringBody[][] = [[]];
  for (const group of groups.values()) {
    const last = chunks.at(-1) as ScoringBody[];
    if (last.length > 0 && last.length + group.length > size) chunks.push([...group]);
    else last.push(...group);
  }
  return chunks.filter((c) => c.length > 0);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const group = out.get(key(row));
    if (group) group.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

/**
 * Scores the year from the store, a part of the bodies at a time, and stores the run (obligations, findings,
 * cards) for the dashboard, the API and reports. The inputs' hash identifies exactly the data scored.
 */
export function runScoreStage(store: Store, options: ScoreOptions): { runId: number; result: ScoringResult } {
  const bodies: ScoringBody[] = store.bodies.list({ includeRetired: true }).map((b) => ({
    id: b.id,
    name: b.name,
    level: b.level,
    parentId: b.parentId,
    role: b.role,
    active: b.active,
  }));
  const sources = groupBy(
    store.sources
      .list({ includeRetired: true })
      .map((s) => ({ id: s.id, bodyId: s.bodyId, kind: s.kind, channel: s.channel, active: s.active })),
    (s) => s.bodyId,
  );
  const offline = groupBy(
    store.offlineEvidence.list().map((o) => ({
      id: o.id,
      bodyId: o.bodyId,
      item: o.item,
      recordId: o.recordId,
      channel: o.channel,
      title: o.title,
      postedFrom: o.postedFrom,
      postedTo: o.postedTo,
      statedDays: o.statedDays,
    })),
    (o) => o.bodyId,
  );
  const claims = groupBy(
    store.claims.list().map((c) => toScoringClaim(store, c)),
    (c) => c.bodyId,
  );
  const { catalog, calendar, scheme, year, today } = options;
  const runId = store.scores.begin({
    year,
    today,
    scheme: scheme.id,
    catalog: catalog.id,
    inputsSha256: '',
    summary: {},
  });
  const hash = createHash('sha256').update(
    JSON.stringify({ catalog: catalog.id, scheme, year, today, calendar: calendar.source }),
  );
  const result: ScoringResult = { obligations: [], findings: [], scorecards: [] };
  const counts = { obligations: 0, findings: 0, bodies: 0 };
  for (const chunk of chunksOf(bodies, options.chunkBodies ?? 50)) {
    const chunkSources = chunk.flatMap((b) => sources.get(b.id) ?? []);
    const sourceIds = chunkSources.map((s) => s.id);
    const input: ScoringInput = {
      ...options,
      bodies: chunk,
      sources: chunkSources,
      // A crawl day stands for its runs: the scoring reads the China day and whether a crawl reached the source.
      runs: store.scoringView
        .runDaysOf(sourceIds)
        .map((r) => ({ sourceId: r.sourceId, startedAt: `${r.day}T04:00:00.000Z`, ok: r.ok })),
      records: store.records.ofBodies(chunk.map((b) => b.id)).map((r) => ({
        id: r.id,
        item: r.item,
        row: r.row,
        bodyId: r.bodyId,
        title: r.title,
        refNo: r.refNo,
        formed: r.formed,
        amount: r.amount,
      })),
      posts: store.scoringView.postsOf(sourceIds).map(toScoringPost),
      offline: chunk.flatMap((b) => offline.get(b.id) ?? []),
      claims: chunk.flatMap((b) => claims.get(b.id) ?? []),
    };
    const { calendar: _c, catalog: _k, scheme: _s, ...data } = input;
    hash.update(JSON.stringify(data));
    const part = scoreYear(input);
    store.scores.append<Obligation, Finding, Scorecard>(runId, {
      obligations: part.obligations.map((o) => ({
        key: o.key,
        bodyId: o.bodyId,
        item: o.item,
        status: o.status,
        due: o.due,
        data: o,
      })),
      findings: part.findings.map((f) => ({ bodyId: f.bodyId, kind: f.kind, item: f.item, data: f })),
      // A card's findings are the rows above (its body's, or its township's and villages'): not stored twice.
      scorecards: part.scorecards.map((c) => ({
        bodyId: c.body.id,
        scope: c.scope,
        data: { ...c, findings: [] },
      })),
    });
    counts.obligations += part.obligations.length;
    counts.findings += part.findings.length;
    counts.bodies += part.scorecards.filter((c) => c.scope === 'own').length;
    if (options.collect === false) continue;
    result.obligations.push(...part.obligations);
    result.findings.push(...part.findings);
    result.scorecards.push(...part.scorecards);
  }
  store.scores.finish(runId, hash.digest('hex'), { ...counts, calendar: calendar.source });
  return { runId, result };
}

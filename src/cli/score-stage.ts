import { createHash } from 'node:crypto';
import type { Catalog, IsoDate, ItemId, WorkingCalendar } from '../catalog/index.js';
import {
  type Finding,
  type Obligation,
  type PrivacyKind,
  type Scheme,
  type Scorecard,
  type ScoringInput,
  type ScoringPost,
  type ScoringResult,
  scoreYear,
} from '../scoring/index.js';
import type { Review, Store, StoredMatch } from '../store/index.js';

const PRIVACY_KINDS: readonly PrivacyKind[] = ['id_number', 'bank_card', 'mobile'];

// Exposure in any version counts: the data was public; `fixed` says the current version no longer shows it.
function privacyOf(
  matches: readonly StoredMatch[],
  current: StoredMatch | undefined,
): ScoringPost['privacy'] {
  return PRIVACY_KINDS.flatMap((kind) => {
    const count = Math.max(0, ...matches.map((m) => m.privacy.find((p) => p.kind === kind)?.count ?? 0));
    if (count === 0) return [];
    const now = current?.privacy.find((p) => p.kind === kind)?.count ?? 0;
    return [{ kind, count, fixed: now === 0 }];
  });
}

function postsOf(store: Store): ScoringPost[] {
  const links = new Map<number, number[]>();
  for (const l of store.matches.links())
    links.set(l.versionId, [...(links.get(l.versionId) ?? []), l.recordId]);
  const reviews = new Map<number, Review>();
  for (const r of store.matches.reviews()) reviews.set(r.postId, r);
  return store.posts.list().flatMap((post) => {
    if (post.currentVersionId === null) return [];
    const version = store.posts.version(post.currentVersionId);
    const versions = store.posts.versions(post.id);
    const matches = versions
      .map((v) => store.matches.get(v.id))
      .filter((m): m is StoredMatch => m !== undefined);
    const match = store.matches.get(post.currentVersionId);
    if (!version || !match) return [];
    const review = reviews.get(post.id)?.decision;
    const recordIds = [...new Set(versions.flatMap((v) => links.get(v.id) ?? []))];
    return [
      {
        id: post.id,
        sourceId: post.sourceId,
        url: post.url,
        title: post.title ?? post.url,
        firstSeen: post.firstSeen,
        removedAt: post.removedAt,
        versionId: version.id,
        fetchId: version.fetchId,
        sha256: version.bodySha256,
        items: (review?.items ?? match.items.map((i) => i.id)) as ItemId[],
        publishedAt: review?.publishedAt !== undefined ? review.publishedAt : match.publishedAt,
        formedAt: review?.formedAt !== undefined ? review.formedAt : match.formedAt,
        notice: match.notice,
        publisherBodyId: review?.publisherBody !== undefined ? review.publisherBody : match.publisherBody,
        elements: match.elements,
        privacy: privacyOf(matches, match),
        interpretationOf: match.interpretationOf,
        docNo: match.docNo,
        recordIds: review?.records ?? recordIds,
        reviewed: review !== undefined,
      },
    ];
  });
}

/** Reads everything scoring needs from the store; nothing else is read. */
export function scoringInputOf(
  store: Store,
  options: { catalog: Catalog; calendar: WorkingCalendar; scheme: Scheme; year: number; today: IsoDate },
): ScoringInput {
  return {
    ...options,
    bodies: store.bodies
      .list({ includeRetired: true })
      .map((b) => ({
        id: b.id,
        name: b.name,
        level: b.level,
        parentId: b.parentId,
        role: b.role,
        active: b.active,
      })),
    sources: store.sources
      .list({ includeRetired: true })
      .map((s) => ({ id: s.id, bodyId: s.bodyId, kind: s.kind, channel: s.channel, active: s.active })),
    runs: store.runs
      .list(undefined, 1_000_000)
      .filter((r) => r.status !== 'missed')
      .map((r) => ({
        sourceId: r.sourceId,
        startedAt: r.startedAt,
        ok: r.status === 'ok' || r.status === 'partial',
      })),
    records: store.records
      .list()
      .map((r) => ({
        id: r.id,
        item: r.item,
        row: r.row,
        bodyId: r.bodyId,
        title: r.title,
        refNo: r.refNo,
        formed: r.formed,
        amount: r.amount,
      })),
    posts: postsOf(store),
    offline: store.offlineEvidence
      .list()
      .map((o) => ({
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
  };
}

/** A stable hash of a scoring input, so a report can say exactly which data it came from. */
export function inputsHash(input: ScoringInput): string {
  const { calendar: _c, catalog, scheme, ...data } = input;
  return createHash('sha256')
    .update(JSON.stringify({ catalog: catalog.id, scheme, ...data }))
    .digest('hex');
}

/** Scores the year and stores the run (obligations, findings, cards) for the dashboard, API and reports. */
export function runScoreStage(store: Store, input: ScoringInput): { runId: number; result: ScoringResult } {
  const result = scoreYear(input);
  const runId = store.scores.save<Obligation, Finding, Scorecard>({
    run: {
      year: input.year,
      today: input.today,
      scheme: input.scheme.id,
      catalog: input.catalog.id,
      inputsSha256: inputsHash(input),
      summary: {
        obligations: result.obligations.length,
        findings: result.findings.length,
        bodies: result.scorecards.filter((c) => c.scope === 'own').length,
        calendar: input.calendar.source,
      },
    },
    obligations: result.obligations.map((o) => ({
      key: o.key,
      bodyId: o.bodyId,
      item: o.item,
      status: o.status,
      due: o.due,
      data: o,
    })),
    findings: result.findings.map((f) => ({ bodyId: f.bodyId, kind: f.kind, item: f.item, data: f })),
    scorecards: result.scorecards.map((c) => ({ bodyId: c.body.id, scope: c.scope, data: c })),
  });
  return { runId, result };
}

import type Database from 'better-sqlite3';

/** A post as scoring reads it in bulk: its current version and match, every version's exposures, its links. */
export interface PostForScoring {
  id: number;
  sourceId: string;
  url: string;
  title: string | null;
  firstSeen: string;
  removedAt: string | null;
  versionId: number;
  fetchId: number;
  bodySha256: string;
  match: {
    items: { id: string; confidence: number }[];
    publishedAt: string | null;
    formedAt: string | null;
    notice: {
      start: string | null;
      end: string | null;
      days: number | null;
      unit: 'calendar' | 'workdays';
    } | null;
    publisherBody: string | null;
    elements: { present: string[]; missing: string[] };
    privacy: { kind: string; count: number }[];
    interpretationOf: string | null;
    docNo: string | null;
  };
  /** The largest count of each kind of personal number any version showed. */
  privacyEver: { kind: string; count: number }[];
  recordIds: number[];
  review: Record<string, unknown> | null;
}

interface Row {
  id: number;
  source_id: string;
  url: string;
  title: string | null;
  first_seen: string;
  removed_at: string | null;
  version_id: number;
  fetch_id: number;
  body_sha256: string;
  items: string;
  published_at: string | null;
  formed_at: string | null;
  notice: string | null;
  publisher_body: string | null;
  elements: string;
  privacy: string;
  interpretation_of: string | null;
  doc_no: string | null;
  privacy_ever: string | null;
  record_ids: string | null;
  review: string | null;
}

const SQL = `
  SELECT p.id, p.source_id, p.url, p.title, p.first_seen, p.removed_at,
         v.id AS version_id, v.fetch_id, v.body_sha256,
         m.items, m.published_at, m.formed_at, m.notice, m.publisher_body, m.elements, m.privacy,
         m.interpretation_of, m.doc_no,
         (SELECT json_group_array(m2.privacy) FROM post_versions v2 JOIN matches m2 ON m2.version_id = v2.id
           WHERE v2.post_id = p.id AND m2.privacy <> '[]') AS privacy_ever,
         (SELECT json_group_array(DISTINCT mr.record_id) FROM post_versions v3 JOIN match_records mr ON mr.version_id = v3.id
           WHERE v3.post_id = p.id) AS record_ids,
         (SELECT r.decision FROM reviews r WHERE r.post_id = p.id ORDER BY r.id DESC LIMIT 1) AS review
  FROM posts p
  JOIN post_versions v ON v.id = p.current_version_id
  JOIN matches m ON m.version_id = v.id
  WHERE p.source_id IN (SELECT value FROM json_each(?))
    AND (m.items <> '[]' OR m.interpretation_of IS NOT NULL OR EXISTS (SELECT 1 FROM reviews r WHERE r.post_id = p.id))
  ORDER BY p.id`;

function maxPrivacy(json: string | null): { kind: string; count: number }[] {
  const lists = json
    ? (JSON.parse(json) as string[]).map((s) => JSON.parse(s) as { kind: string; count: number }[])
    : [];
  const max = new Map<string, number>();
  for (const list of lists) for (const p of list) max.set(p.kind, Math.max(max.get(p.kind) ?? 0, p.count));
  return [...max.entries()].map(([kind, count]) => ({ kind, count }));
}

const toPost = (r: Row): PostForScoring => ({
  id: r.id,
  sourceId: r.source_id,
  url: r.url,
  title: r.title,
  firstSeen: r.first_seen,
  removedAt: r.removed_at,
  versionId: r.version_id,
  fetchId: r.fetch_id,
  bodySha256: r.body_sha256,
  match: {
    items: JSON.parse(r.items) as PostForScoring['match']['items'],
    publishedAt: r.published_at,
    formedAt: r.formed_at,
    notice: r.notice ? (JSON.parse(r.notice) as PostForScoring['match']['notice']) : null,
    publisherBody: r.publisher_body,
    elements: JSON.parse(r.elements) as PostForScoring['match']['elements'],
    privacy: JSON.parse(r.privacy) as PostForScoring['match']['privacy'],
    interpretationOf: r.interpretation_of,
    docNo: r.doc_no,
  },
  privacyEver: maxPrivacy(r.privacy_ever),
  recordIds: r.record_ids
    ? (JSON.parse(r.record_ids) as (number | null)[]).filter((n): n is number => n !== null)
    : [],
  review: r.review ? (JSON.parse(r.review) as Record<string, unknown>) : null,
});

/** The China days a source was crawled whole, and whether some crawl that day reached it. */
export interface RunDay {
  sourceId: string;
  day: string;
  ok: boolean;
  /** The day's last successful run (else its last run). */
  runId: number;
}

export interface ScoringViewQueries {
  /**
   * Matched posts of some sources that scoring judges — those read as a catalog item, a 解读, or reviewed by a
   * person (news and other programmes' notices are not) — in one query, for scoring a part at a time.
   */
  postsOf(sourceIds: readonly string[]): PostForScoring[];
  /** Whole-source crawl days of some sources (a scoring input needs no more of the run log). */
  runDaysOf(sourceIds: readonly string[]): RunDay[];
}

/** Bulk reads for scoring (a province-sized store is scored a part at a time). */
export function scoringViewQueries(db: Database.Database): ScoringViewQueries {
  const stmt = db.prepare<[string], Row>(SQL);
  const runDays = db.prepare<[string], { source_id: string; day: string; ok: number; run_id: number }>(
    `SELECT source_id, date(started_at, '+8 hours') AS day, MAX(status IN ('ok', 'partial')) AS ok,
            COALESCE(MAX(CASE WHEN status IN ('ok', 'partial') THEN id END), MAX(id)) AS run_id
     FROM crawl_runs
     WHERE source_id IN (SELECT value FROM json_each(?)) AND scope = 'source' AND status NOT IN ('missed', 'running')
     GROUP BY source_id, day ORDER BY source_id, day`,
  );
  return {
    postsOf: (sourceIds) => stmt.all(JSON.stringify(sourceIds)).map(toPost),
    runDaysOf: (sourceIds) =>
      runDays
        .all(JSON.stringify(sourceIds))
        .map((r) => ({ sourceId: r.source_id, day: r.day, ok: r.ok === 1, runId: r.run_id })),
  };
}

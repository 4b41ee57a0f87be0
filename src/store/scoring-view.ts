import type Database from 'better-sqlite3';
import type { StoredMatch } from './matches.js';

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
  match: Pick<
    StoredMatch,
    | 'items'
    | 'publishedAt'
    | 'formedAt'
    | 'notice'
    | 'publisherBody'
    | 'elements'
    | 'privacy'
    | 'interpretationOf'
    | 'docNo'
  >;
  /** The largest count of each kind of personal number any version showed. */
  privacyEver: { kind: string; count: number }[];
  recordIds: number[];
  review: Record<string, unknown> | null;
}

// A row of the query below as an array, in its column order (read raw: no object with named keys per row).
type Row = [
  id: number,
  sourceId: string,
  url: string,
  title: string | null,
  firstSeen: string,
  removedAt: string | null,
  versionId: number,
  fetchId: number,
  bodySha256: string,
  items: string,
  publishedAt: string | null,
  formedAt: string | null,
  notice: string | null,
  publisherBody: string | null,
  elements: string,
  privacy: string,
  interpretationOf: string | null,
  docNo: string | null,
  privacyEver: string | null,
  recordIds: string | null,
  review: string | null,
];

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
  id: r[0],
  sourceId: r[1],
  url: r[2],
  title: r[3],
  firstSeen: r[4],
  removedAt: r[5],
  versionId: r[6],
  fetchId: r[7],
  bodySha256: r[8],
  match: {
    items: JSON.parse(r[9]) as PostForScoring['match']['items'],
    publishedAt: r[10],
    formedAt: r[11],
    notice: r[12] ? (JSON.parse(r[12]) as PostForScoring['match']['notice']) : null,
    publisherBody: r[13],
    elements: JSON.parse(r[14]) as PostForScoring['match']['elements'],
    privacy: JSON.parse(r[15]) as PostForScoring['match']['privacy'],
    interpretationOf: r[16],
    docNo: r[17],
  },
  privacyEver: maxPrivacy(r[18]),
  recordIds: r[19] ? (JSON.parse(r[19]) as (number | null)[]).filter((n): n is number => n !== null) : [],
  review: r[20] ? (JSON.parse(r[20]) as Record<string, unknown>) : null,
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
  const stmt = db.prepare<[string], Row>(SQL).raw(true);
  const runDays = db
    .prepare<[string], [sourceId: string, day: string, ok: number, runId: number]>(
      `SELECT source_id, date(started_at, '+8 hours') AS day, MAX(status IN ('ok', 'partial')) AS ok,
            COALESCE(MAX(CASE WHEN status IN ('ok', 'partial') THEN id END), MAX(id)) AS run_id
     FROM crawl_runs
     WHERE source_id IN (SELECT value FROM json_each(?)) AND scope = 'source' AND status NOT IN ('missed', 'running')
     GROUP BY source_id, day ORDER BY source_id, day`,
    )
    .raw(true);
  return {
    postsOf: (sourceIds) => stmt.all(JSON.stringify(sourceIds)).map(toPost),
    runDaysOf: (sourceIds) =>
      runDays
        .all(JSON.stringify(sourceIds))
        .map((r) => ({ sourceId: r[0], day: r[1], ok: r[2] === 1, runId: r[3] })),
  };
}

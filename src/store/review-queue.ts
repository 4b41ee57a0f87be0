import type Database from 'better-sqlite3';
import type { Review } from './matches.js';

/** Which matches are uncertain enough for a person to look at. */
export interface UncertainFilter {
  /** The best item's confidence is below this. */
  below: number;
  /** Or the second item is within this of the best. */
  margin: number;
  /** Posts of these bodies (by source or by the publisher read); all when absent. */
  bodyIds?: readonly string[];
  limit?: number;
  offset?: number;
}

/** A post waiting for review: where it is and what the matchers read in its current version. */
export interface UncertainPost {
  postId: number;
  versionId: number;
  title: string | null;
  url: string;
  sourceId: string;
  sourceBodyId: string;
  firstSeen: string;
  removedAt: string | null;
}

/** A post's latest review beside what the matchers read in its current version now (null when not matched). */
export interface ReviewLabel {
  postId: number;
  decision: Review['decision'];
  by: string;
  at: string;
  matched: { id: string; confidence: number }[] | null;
}

export interface ReviewQueueQueries {
  /** Unreviewed posts whose current match is uncertain, newest found first; never counts them all. */
  uncertain(filter: UncertainFilter): { rows: UncertainPost[]; more: boolean };
  /** Every reviewed post's latest decision with the current match: the labelled data for the matchers' accuracy. */
  labels(): ReviewLabel[];
}

interface QueueRow {
  id: number;
  version_id: number;
  title: string | null;
  url: string;
  source_id: string;
  body_id: string;
  first_seen: string;
  removed_at: string | null;
}

/** Typed reads for the review page: the queue of uncertain matches and the labels reviews make. */
export function reviewQueueQueries(db: Database.Database): ReviewQueueQueries {
  // By post id, newest first: the scan stops once a page is found.
  const queue = (scoped: boolean) =>
    db.prepare<Record<string, unknown>, QueueRow>(
      `SELECT p.id, p.current_version_id AS version_id, p.title, p.url, p.source_id, s.body_id, p.first_seen,
              p.removed_at
       FROM posts p JOIN matches m ON m.version_id = p.current_version_id JOIN sources s ON s.id = p.source_id
       WHERE m.items <> '[]'
         AND (json_extract(m.items, '$[0].confidence') < @below
              OR json_extract(m.items, '$[0].confidence') - json_extract(m.items, '$[1].confidence') <= @margin)
         AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.post_id = p.id)
         ${scoped ? 'AND (s.body_id IN (SELECT value FROM json_each(@bodies)) OR m.publisher_body IN (SELECT value FROM json_each(@bodies)))' : ''}
       ORDER BY p.id DESC LIMIT @limit OFFSET @offset`,
    );
  const all = queue(false);
  const scoped = queue(true);
  const labels = db.prepare<
    [],
    { post_id: number; decision: string; by: string; at: string; items: string | null }
  >(
    `SELECT r.post_id, r.decision, r.by, r.at, m.items
     FROM reviews r
     JOIN (SELECT post_id, MAX(id) AS id FROM reviews GROUP BY post_id) latest ON latest.id = r.id
     JOIN posts p ON p.id = r.post_id
     LEFT JOIN matches m ON m.version_id = p.current_version_id
     ORDER BY r.post_id`,
  );
  return {
    uncertain: (filter) => {
      const limit = Math.min(Math.max(filter.limit ?? 20, 1), 200);
      const params = {
        below: filter.below,
        margin: filter.margin,
        limit: limit + 1,
        offset: Math.max(filter.offset ?? 0, 0),
        ...(filter.bodyIds ? { bodies: JSON.stringify(filter.bodyIds) } : {}),
      };
      const rows = (filter.bodyIds ? scoped : all).all(params);
      return {
        more: rows.length > limit,
        rows: rows.slice(0, limit).map((r) => ({
          postId: r.id,
          versionId: r.version_id,
          title: r.title,
          url: r.url,
          sourceId: r.source_id,
          sourceBodyId: r.body_id,
          firstSeen: r.first_seen,
          removedAt: r.removed_at,
        })),
      };
    },
    labels: () =>
      labels.all().map((r) => ({
        postId: r.post_id,
        decision: JSON.parse(r.decision) as Review['decision'],
        by: r.by,
        at: r.at,
        matched: r.items ? (JSON.parse(r.items) as { id: string; confidence: number }[]) : null,
      })),
  };
}

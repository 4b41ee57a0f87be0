import type Database from 'better-sqlite3';
import type { RecordLinkRow } from './matches.js';

/** What the posts page filters by. */
/** A post as lists show it: where, when, and what the current match reads. */
export interface PostRow {
  id: number;
  url: string;
  title: string | null;
  sourceId: string;
  sourceBodyId: string;
  publishedAt: string | null;
  firstSeen: string;
  removedAt: string | null;
  versionId: number | null;
  items: { id: string; confidence: number }[];
  publisherBody: string | null;
  reviewed: boolean;
}

export interface PostListFilter {
  /** A catalog item the current match reads, or `none` for posts read as no item (or not read yet). */
  item?: string;
  /** Posts of these bodies: from their sources, or published under their name on another body's source. */
  bodyIds?: readonly string[];
  /** online / removed: still on the site or not; reviewed / unreviewed: a person decided on it or not. */
  status?: 'online' | 'removed' | 'reviewed' | 'unreviewed';
  /** Publication day range (the match's date, else the page's, else the day first seen), inclusive. */
  from?: string;
  to?: string;
  /** Words in the title. */
  text?: string;
  /** By publication day (default) or by first sighting, newest first. */
  sort?: 'published' | 'found';
  limit?: number;
  offset?: number;
}

export interface PostListQueries {
  /** A page of posts and whether there are more; never counts the whole table. */
  page(filter: PostListFilter): { rows: PostRow[]; more: boolean };
  /** The records the match stage linked a version to, best first. */
  recordLinks(versionId: number): Omit<RecordLinkRow, 'versionId'>[];
}

const DAY = "COALESCE(m.published_at, substr(p.published_at, 1, 10), date(p.first_seen, '+8 hours'))";

// A body's posts through the source index, plus those its name was read on elsewhere (a scan of matches
// until matches.publisher_body has an index of its own).
const OF_BODIES = `p.id IN (
  SELECT p2.id FROM posts p2
  WHERE p2.source_id IN (SELECT id FROM sources WHERE body_id IN (SELECT value FROM json_each(@bodies)))
  UNION
  SELECT v.post_id FROM matches m2 JOIN post_versions v ON v.id = m2.version_id
  JOIN posts p3 ON p3.id = v.post_id AND p3.current_version_id = m2.version_id
  WHERE m2.publisher_body IN (SELECT value FROM json_each(@bodies)))`;

interface DetailRow {
  id: number;
  url: string;
  title: string | null;
  source_id: string;
  body_id: string;
  day: string | null;
  first_seen: string;
  removed_at: string | null;
  version_id: number | null;
  items: string | null;
  publisher_body: string | null;
  reviewed: number;
}

function whereOf(filter: PostListFilter, params: Record<string, unknown>): string[] {
  const where: string[] = [];
  if (filter.item === 'none') where.push("(m.items IS NULL OR m.items = '[]')");
  else if (filter.item) {
    // Items are stored as JSON.stringify writes them: a substring test reads no JSON.
    where.push('instr(m.items, @item) > 0');
    params.item = JSON.stringify({ id: filter.item }).slice(1, -1);
  }
  if (filter.bodyIds) {
    where.push(OF_BODIES);
    params.bodies = JSON.stringify(filter.bodyIds);
  }
  if (filter.status === 'online') where.push('p.removed_at IS NULL');
  if (filter.status === 'removed') where.push('p.removed_at IS NOT NULL');
  if (filter.status === 'reviewed') where.push('p.id IN (SELECT post_id FROM reviews)');
  if (filter.status === 'unreviewed') where.push('p.id NOT IN (SELECT post_id FROM reviews)');
  if (filter.from) {
    where.push(`${DAY} >= @from`);
    params.from = filter.from;
  }
  if (filter.to) {
    where.push(`${DAY} <= @to`);
    params.to = filter.to;
  }
  if (filter.text) {
    where.push("p.title LIKE @text ESCAPE '\\'");
    params.text = `%${filter.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  }
  return where;
}

/**
 * Paged reads for the posts page, made to stay fast on a million posts: the page's ids are chosen first from
 * posts and matches alone (by id order when sorting by first sighting, so the scan stops at the page), then
 * only those rows are read in full.
 */
export function postListQueries(db: Database.Database): PostListQueries {
  const detail = db.prepare<[string], DetailRow>(
    `SELECT p.id, p.url, p.title, p.source_id, s.body_id, ${DAY} AS day, p.first_seen, p.removed_at,
            p.current_version_id AS version_id, m.items, m.publisher_body,
            EXISTS (SELECT 1 FROM reviews r WHERE r.post_id = p.id) AS reviewed
     FROM posts p JOIN sources s ON s.id = p.source_id
     LEFT JOIN matches m ON m.version_id = p.current_version_id
     WHERE p.id IN (SELECT value FROM json_each(?))`,
  );
  const links = db.prepare<[number], { record_id: number; score: number; reasons: string }>(
    'SELECT record_id, score, reasons FROM match_records WHERE version_id = ? ORDER BY score DESC, record_id',
  );
  const pages = new Map<string, Database.Statement<Record<string, unknown>, { id: number }>>();
  return {
    page: (filter) => {
      const params: Record<string, unknown> = {};
      const where = whereOf(filter, params);
      const order = filter.sort === 'found' ? 'p.id DESC' : `${DAY} DESC, p.id DESC`;
      const sql = `SELECT p.id FROM posts p LEFT JOIN matches m ON m.version_id = p.current_version_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
      let statement = pages.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        pages.set(sql, statement);
      }
      const limit = Math.min(Math.max(filter.limit ?? 20, 1), 200);
      const ids = statement
        .all({ ...params, limit: limit + 1, offset: Math.max(filter.offset ?? 0, 0) })
        .map((r) => r.id);
      const shown = ids.slice(0, limit);
      const byId = new Map(detail.all(JSON.stringify(shown)).map((r) => [r.id, r]));
      const rows = shown.flatMap((id) => {
        const r = byId.get(id);
        if (!r) return [];
        return [
          {
            id: r.id,
            url: r.url,
            title: r.title,
            sourceId: r.source_id,
            sourceBodyId: r.body_id,
            publishedAt: r.day,
            firstSeen: r.first_seen,
            removedAt: r.removed_at,
            versionId: r.version_id,
            items: r.items ? (JSON.parse(r.items) as PostRow['items']) : [],
            publisherBody: r.publisher_body,
            reviewed: r.reviewed === 1,
          },
        ];
      });
      return { rows, more: ids.length > limit };
    },
    recordLinks: (versionId) =>
      links.all(versionId).map((r) => ({
        recordId: r.record_id,
        score: r.score,
        reasons: JSON.parse(r.reasons) as string[],
      })),
  };
}

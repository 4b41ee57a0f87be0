import type Database from 'better-sqlite3';

/** What the posts page and API filter by. */
export interface PostFilter {
  /** Catalog item the current match reads (`none` for posts read as no item). */
  item?: string;
  /** Posts of these bodies: from their sources, or published under their name. */
  bodyIds?: readonly string[];
  sourceId?: string;
  /** Publication day range (the match's date, else the first sighting). */
  from?: string;
  to?: string;
  /** Words in the title. */
  text?: string;
  removed?: boolean;
  limit?: number;
  offset?: number;
}

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

export interface PostSearchQueries {
  /** A page of posts, newest first, and whether there are more. */
  search(filter: PostFilter): { rows: PostRow[]; more: boolean };
}

interface Row {
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

/** Filtered, paged reads of posts with their current match (the posts page and `GET /api/posts`). */
export function postSearchQueries(db: Database.Database): PostSearchQueries {
  return {
    search: (filter) => {
      const where: string[] = [];
      const params: Record<string, unknown> = {};
      if (filter.item === 'none') where.push("(m.items IS NULL OR m.items = '[]')");
      else if (filter.item) {
        where.push("EXISTS (SELECT 1 FROM json_each(m.items) j WHERE json_extract(j.value, '$.id') = @item)");
        params.item = filter.item;
      }
      if (filter.bodyIds) {
        where.push(
          `(s.body_id IN (SELECT value FROM json_each(@bodies)) OR m.publisher_body IN (SELECT value FROM json_each(@bodies)))`,
        );
        params.bodies = JSON.stringify(filter.bodyIds);
      }
      if (filter.sourceId) {
        where.push('p.source_id = @source');
        params.source = filter.sourceId;
      }
      const day = "COALESCE(m.published_at, substr(p.published_at, 1, 10), date(p.first_seen, '+8 hours'))";
      if (filter.from) {
        where.push(`${day} >= @from`);
        params.from = filter.from;
      }
      if (filter.to) {
        where.push(`${day} <= @to`);
        params.to = filter.to;
      }
      if (filter.text) {
        where.push("p.title LIKE @text ESCAPE '\\'");
        params.text = `%${filter.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      }
      if (filter.removed !== undefined)
        where.push(filter.removed ? 'p.removed_at IS NOT NULL' : 'p.removed_at IS NULL');
      const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
      params.limit = limit + 1;
      params.offset = Math.max(filter.offset ?? 0, 0);
      const rows = db
        .prepare<Record<string, unknown>, Row>(
          `SELECT p.id, p.url, p.title, p.source_id, s.body_id, ${day} AS day, p.first_seen, p.removed_at,
                  p.current_version_id AS version_id, m.items, m.publisher_body,
                  EXISTS (SELECT 1 FROM reviews r WHERE r.post_id = p.id) AS reviewed
           FROM posts p
           JOIN sources s ON s.id = p.source_id
           LEFT JOIN matches m ON m.version_id = p.current_version_id
           ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
           ORDER BY day DESC, p.id DESC
           LIMIT @limit OFFSET @offset`,
        )
        .all(params);
      return {
        more: rows.length > limit,
        rows: rows.slice(0, limit).map((r) => ({
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
        })),
      };
    },
  };
}

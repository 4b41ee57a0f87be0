import type Database from 'better-sqlite3';

/** What the matchers read in a post version, as stored (the full analysis is kept as JSON beside). */
export interface StoredMatch {
  versionId: number;
  matcherVersion: string;
  catalog: string;
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
  publisherName: string | null;
  elements: { present: string[]; missing: string[] };
  privacy: { kind: string; count: number }[];
  interpretationOf: string | null;
  docNo: string | null;
  analysis: unknown;
  matchedAt: string;
}

/** A person's decision on a post: it overrides what the matchers read. */
export interface Review {
  id: number;
  postId: number;
  by: string;
  at: string;
  decision: {
    items?: string[];
    publishedAt?: string | null;
    formedAt?: string | null;
    publisherBody?: string | null;
    records?: number[];
    /** The evaluator confirmed the matchers' reading as it is. */
    confirmed?: boolean;
  };
  note: string | null;
}

export interface RecordLinkRow {
  versionId: number;
  recordId: number;
  score: number;
  reasons: string[];
}

interface MatchRow {
  version_id: number;
  matcher_version: string;
  catalog: string;
  items: string;
  published_at: string | null;
  formed_at: string | null;
  notice: string | null;
  publisher_body: string | null;
  publisher_name: string | null;
  elements: string;
  privacy: string;
  interpretation_of: string | null;
  doc_no: string | null;
  analysis: string;
  matched_at: string;
}

const toMatch = (r: MatchRow): StoredMatch => ({
  versionId: r.version_id,
  matcherVersion: r.matcher_version,
  catalog: r.catalog,
  items: JSON.parse(r.items) as StoredMatch['items'],
  publishedAt: r.published_at,
  formedAt: r.formed_at,
  notice: r.notice ? (JSON.parse(r.notice) as StoredMatch['notice']) : null,
  publisherBody: r.publisher_body,
  publisherName: r.publisher_name,
  elements: JSON.parse(r.elements) as StoredMatch['elements'],
  privacy: JSON.parse(r.privacy) as StoredMatch['privacy'],
  interpretationOf: r.interpretation_of,
  docNo: r.doc_no,
  analysis: JSON.parse(r.analysis) as unknown,
  matchedAt: r.matched_at,
});

export interface MatchQueries {
  /** Stores (or replaces) a version's match and its links to records. */
  save(match: Omit<StoredMatch, 'matchedAt'>, links: readonly Omit<RecordLinkRow, 'versionId'>[]): void;
  get(versionId: number): StoredMatch | undefined;
  all(): StoredMatch[];
  /** Versions never matched, or matched by another matcher version or catalog. */
  stale(matcherVersion: string, catalog: string): number[];
  links(): RecordLinkRow[];
  addReview(review: Omit<Review, 'id'>): number;
  reviews(postId?: number): Review[];
}

/** Typed queries on `matches`, `match_records` and `reviews`. */
export function matchQueries(db: Database.Database, now: () => string): MatchQueries {
  const upsert = db.prepare(
    `INSERT INTO matches (version_id, matcher_version, catalog, items, published_at, formed_at, notice, publisher_body,
       publisher_name, elements, privacy, interpretation_of, doc_no, analysis, matched_at)
     VALUES (@versionId, @matcherVersion, @catalog, @items, @publishedAt, @formedAt, @notice, @publisherBody,
       @publisherName, @elements, @privacy, @interpretationOf, @docNo, @analysis, @matchedAt)
     ON CONFLICT (version_id) DO UPDATE SET matcher_version = excluded.matcher_version, catalog = excluded.catalog,
       items = excluded.items, published_at = excluded.published_at, formed_at = excluded.formed_at,
       notice = excluded.notice, publisher_body = excluded.publisher_body, publisher_name = excluded.publisher_name,
       elements = excluded.elements, privacy = excluded.privacy, interpretation_of = excluded.interpretation_of,
       doc_no = excluded.doc_no, analysis = excluded.analysis, matched_at = excluded.matched_at`,
  );
  const clearLinks = db.prepare('DELETE FROM match_records WHERE version_id = ?');
  const insertLink = db.prepare(
    'INSERT INTO match_records (version_id, record_id, score, reasons) VALUES (?, ?, ?, ?)',
  );
  const get = db.prepare<[number], MatchRow>('SELECT * FROM matches WHERE version_id = ?');
  const all = db.prepare<[], MatchRow>('SELECT * FROM matches ORDER BY version_id');
  const stale = db.prepare<[string, string], { id: number }>(
    `SELECT v.id FROM post_versions v LEFT JOIN matches m ON m.version_id = v.id
     WHERE m.version_id IS NULL OR m.matcher_version <> ? OR m.catalog <> ? ORDER BY v.id`,
  );
  const links = db.prepare<[], { version_id: number; record_id: number; score: number; reasons: string }>(
    'SELECT * FROM match_records ORDER BY version_id, record_id',
  );
  const insertReview = db.prepare(
    'INSERT INTO reviews (post_id, by, at, decision, note) VALUES (?, ?, ?, ?, ?)',
  );
  const reviewsAll = db.prepare<
    [],
    { id: number; post_id: number; by: string; at: string; decision: string; note: string | null }
  >('SELECT * FROM reviews ORDER BY id');
  const reviewsPost = db.prepare<
    [number],
    { id: number; post_id: number; by: string; at: string; decision: string; note: string | null }
  >('SELECT * FROM reviews WHERE post_id = ? ORDER BY id');
  const save = db.transaction(
    (m: Omit<StoredMatch, 'matchedAt'>, rows: readonly Omit<RecordLinkRow, 'versionId'>[]) => {
      upsert.run({
        ...m,
        items: JSON.stringify(m.items),
        notice: m.notice ? JSON.stringify(m.notice) : null,
        elements: JSON.stringify(m.elements),
        privacy: JSON.stringify(m.privacy),
        analysis: JSON.stringify(m.analysis),
        matchedAt: now(),
      });
      clearLinks.run(m.versionId);
      for (const l of rows) insertLink.run(m.versionId, l.recordId, l.score, JSON.stringify(l.reasons));
    },
  );
  return {
    save: (m, rows) => save(m, rows),
    get: (versionId) => {
      const row = get.get(versionId);
      return row ? toMatch(row) : undefined;
    },
    all: () => all.all().map(toMatch),
    stale: (matcherVersion, catalog) => stale.all(matcherVersion, catalog).map((r) => r.id),
    links: () =>
      links.all().map((r) => ({
        versionId: r.version_id,
        recordId: r.record_id,
        score: r.score,
        reasons: JSON.parse(r.reasons) as string[],
      })),
    addReview: (r) =>
      Number(insertReview.run(r.postId, r.by, r.at, JSON.stringify(r.decision), r.note).lastInsertRowid),
    reviews: (postId) =>
      (postId === undefined ? reviewsAll.all() : reviewsPost.all(postId)).map((r) => ({
        id: r.id,
        postId: r.post_id,
        by: r.by,
        at: r.at,
        decision: JSON.parse(r.decision) as Review['decision'],
        note: r.note,
      })),
  };
}

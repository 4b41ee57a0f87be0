import type Database from 'better-sqlite3';

export type FetchOutcome = 'fetched' | 'not_modified' | 'not_found' | 'retryable' | 'permanent';

/** One request in the observation ledger: what was asked, when, and what came of it. */
export interface FetchRecord {
  id: number;
  runId: number | null;
  sourceId: string;
  url: string;
  finalUrl: string | null;
  purpose: string;
  at: string;
  durationMs: number | null;
  status: number | null;
  outcome: FetchOutcome;
  reason: string | null;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  charset: string | null;
  charsetSource: string | null;
  bodySha256: string | null;
  size: number | null;
  rendered: boolean;
  screenshotSha256: string | null;
  redirects: { from: string; status: number; to: string }[];
}

export type FetchInput = Omit<FetchRecord, 'id'>;

interface FetchRow {
  id: number;
  run_id: number | null;
  source_id: string;
  url: string;
  final_url: string | null;
  purpose: string;
  at: string;
  duration_ms: number | null;
  status: number | null;
  outcome: string;
  reason: string | null;
  content_type: string | null;
  etag: string | null;
  last_modified: string | null;
  charset: string | null;
  charset_source: string | null;
  body_sha256: string | null;
  size: number | null;
  rendered: number;
  screenshot_sha256: string | null;
  redirects: string | null;
}

const toFetch = (r: FetchRow): FetchRecord => ({
  id: r.id,
  runId: r.run_id,
  sourceId: r.source_id,
  url: r.url,
  finalUrl: r.final_url,
  purpose: r.purpose,
  at: r.at,
  durationMs: r.duration_ms,
  status: r.status,
  outcome: r.outcome as FetchOutcome,
  reason: r.reason,
  contentType: r.content_type,
  etag: r.etag,
  lastModified: r.last_modified,
  charset: r.charset,
  charsetSource: r.charset_source,
  bodySha256: r.body_sha256,
  size: r.size,
  rendered: r.rendered === 1,
  screenshotSha256: r.screenshot_sha256,
  redirects: r.redirects ? (JSON.parse(r.redirects) as FetchRecord['redirects']) : [],
});

export interface FetchQueries {
  record(fetch: FetchInput): number;
  get(id: number): FetchRecord | undefined;
  /** The last fetch of a URL that brought a body back: its validators and stored bytes. */
  lastFetched(url: string): FetchRecord | undefined;
  forUrl(url: string): FetchRecord[];
  forRun(runId: number): FetchRecord[];
  count(sourceId?: string): number;
}

/** Typed queries on the `fetches` ledger. */
export function fetchQueries(db: Database.Database): FetchQueries {
  const insert = db.prepare(
    `INSERT INTO fetches (run_id, source_id, url, final_url, purpose, at, duration_ms, status, outcome, reason, content_type,
       etag, last_modified, charset, charset_source, body_sha256, size, rendered, screenshot_sha256, redirects)
     VALUES (@runId, @sourceId, @url, @finalUrl, @purpose, @at, @durationMs, @status, @outcome, @reason, @contentType,
       @etag, @lastModified, @charset, @charsetSource, @bodySha256, @size, @rendered, @screenshotSha256, @redirects)`,
  );
  const get = db.prepare<[number], FetchRow>('SELECT * FROM fetches WHERE id = ?');
  const lastFetched = db.prepare<[string], FetchRow>(
    "SELECT * FROM fetches WHERE url = ? AND outcome = 'fetched' AND body_sha256 IS NOT NULL ORDER BY id DESC LIMIT 1",
  );
  const forUrl = db.prepare<[string], FetchRow>('SELECT * FROM fetches WHERE url = ? ORDER BY id');
  const forRun = db.prepare<[number], FetchRow>('SELECT * FROM fetches WHERE run_id = ? ORDER BY id');
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM fetches');
  const countSource = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM fetches WHERE source_id = ?',
  );
  return {
    record: (f) =>
      Number(
        insert.run({
          ...f,
          rendered: f.rendered ? 1 : 0,
          redirects: f.redirects.length > 0 ? JSON.stringify(f.redirects) : null,
        }).lastInsertRowid,
      ),
    get: (id) => {
      const row = get.get(id);
      return row ? toFetch(row) : undefined;
    },
    lastFetched: (url) => {
      const row = lastFetched.get(url);
      return row ? toFetch(row) : undefined;
    },
    forUrl: (url) => forUrl.all(url).map(toFetch),
    forRun: (runId) => forRun.all(runId).map(toFetch),
    count: (sourceId) => (sourceId ? countSource.get(sourceId)?.n : countAll.get()?.n) ?? 0,
  };
}

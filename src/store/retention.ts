import type Database from 'better-sqlite3';

/** What retention may remove: per-fetch rows of unchanged pages before one time, finished runs' frontiers before another. */
export interface RetentionCutoffs {
  /** ISO time: unchanged-page fetches before it are counted into `fetch_aggregates` and deleted. */
  fetchesBefore: string;
  /** ISO time: the frontier of runs finished before it is deleted (it only serves resuming). */
  frontierBefore: string;
}

/** What one pass of retention did (or, for a plan, would do). */
export interface RetentionResult {
  fetchesAggregated: number;
  /** Monthly rows added to `fetch_aggregates` (a month already there is added to). */
  aggregateRows: number;
  frontierDeleted: number;
  runsCleared: number;
}

/** One month of a URL's unchanged fetches, as retention left it. */
export interface FetchAggregate {
  url: string;
  sourceId: string;
  month: string;
  outcome: 'fetched' | 'not_modified';
  count: number;
  firstAt: string;
  lastAt: string;
}

/** Row counts per table and the file's size, to see how the database grows. */
export interface StoreStats {
  fileBytes: number;
  /** Bytes in pages that hold data (the file less its free pages). */
  usedBytes: number;
  tables: Record<string, number>;
}

export interface RetentionQueries {
  /** How many rows a pass would aggregate and delete, without changing anything. */
  plan(cutoffs: RetentionCutoffs): RetentionResult;
  /** Aggregates and deletes up to `limit` unchanged-page fetches with ids above `afterId`, in one transaction. */
  fetchBatch(
    fetchesBefore: string,
    afterId: number,
    limit: number,
  ): { aggregated: number; lastId: number | null };
  /**
   * Deletes the frontier of the first clearable run with an id above `afterId`, in one transaction; undefined when
   * none is left.
   */
  frontierBatch(frontierBefore: string, afterId: number): { runId: number; deleted: number } | undefined;
  aggregates(url?: string): FetchAggregate[];
  aggregateCount(): number;
  stats(): StoreStats;
}

// A fetch row that tells nothing the rows kept do not: a 304, or the same bytes as the URL's fetch before it; never
// one another table references, the newest body of its URL (the validators of the next conditional request), or a
// row of a run still open.
const UNCHANGED = `
  FROM fetches f
  LEFT JOIN crawl_runs r ON r.id = f.run_id
  WHERE f.at < @before
    AND (f.run_id IS NULL OR r.status NOT IN ('running', 'interrupted'))
    AND (
      f.outcome = 'not_modified'
      OR (f.outcome = 'fetched' AND f.body_sha256 IS NOT NULL AND f.body_sha256 IS (
          SELECT p.body_sha256 FROM fetches p
          WHERE p.url = f.url AND p.id < f.id AND p.outcome = 'fetched' ORDER BY p.id DESC LIMIT 1)
        -- Asked of fetched rows only (a 304 is never the newest body): it walks back over the URL's trailing 304s.
        AND f.id IS NOT (SELECT max(l.id) FROM fetches l WHERE l.url = f.url AND l.outcome = 'fetched'))
    )
    AND NOT EXISTS (SELECT 1 FROM post_versions v WHERE v.fetch_id = f.id)
    AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.fetch_id = f.id)
    AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.removal_fetch_id = f.id)`;

// Runs whose frontier only served resuming: finished ones, and visits of given pages (never resumed) once old.
const CLEARABLE_RUNS = `
  FROM crawl_runs r
  WHERE ((r.status NOT IN ('running', 'interrupted') AND r.finished_at < @before)
      OR (r.scope = 'urls' AND r.started_at < @before))
    AND EXISTS (SELECT 1 FROM frontier q WHERE q.run_id = r.id)`;

interface CandidateRow {
  id: number;
  url: string;
  source_id: string;
  outcome: 'fetched' | 'not_modified';
  at: string;
  month: string;
}

interface AggregateRow {
  url: string;
  source_id: string;
  month: string;
  outcome: 'fetched' | 'not_modified';
  count: number;
  first_at: string;
  last_at: string;
}

/** Typed queries for the ledger's retention: unchanged fetches into monthly counts, old frontiers deleted. */
export function retentionQueries(db: Database.Database): RetentionQueries {
  const countFetches = db.prepare<{ before: string }, { n: number }>(`SELECT count(*) AS n ${UNCHANGED}`);
  const countGroups = db.prepare<{ before: string }, { n: number }>(
    `SELECT count(*) AS n FROM (
       SELECT f.url AS url, f.source_id AS source_id, strftime('%Y-%m', f.at, '+8 hours') AS month, f.outcome AS outcome
       ${UNCHANGED} GROUP BY 1, 2, 3, 4) g
     WHERE NOT EXISTS (SELECT 1 FROM fetch_aggregates a
       WHERE a.url = g.url AND a.source_id = g.source_id AND a.month = g.month AND a.outcome = g.outcome)`,
  );
  const countAggregates = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM fetch_aggregates');
  const countFrontier = db.prepare<{ before: string }, { runs: number; n: number }>(
    `SELECT count(*) AS runs, coalesce(sum((SELECT count(*) FROM frontier q WHERE q.run_id = r.id)), 0) AS n
     ${CLEARABLE_RUNS}`,
  );
  const candidates = db.prepare<{ before: string; afterId: number; limit: number }, CandidateRow>(
    `SELECT f.id, f.url, f.source_id, f.outcome, f.at, strftime('%Y-%m', f.at, '+8 hours') AS month
     ${UNCHANGED} AND f.id > @afterId ORDER BY f.id LIMIT @limit`,
  );
  const upsert = db.prepare(
    `INSERT INTO fetch_aggregates (url, source_id, month, outcome, count, first_at, last_at)
     VALUES (@url, @sourceId, @month, @outcome, @count, @firstAt, @lastAt)
     ON CONFLICT (url, source_id, month, outcome) DO UPDATE SET count = count + excluded.count,
       first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at)`,
  );
  const deleteFetch = db.prepare('DELETE FROM fetches WHERE id = ?');
  // From the run after the last one cleared: starting from the first each time made a long first pass quadratic.
  const clearableRun = db.prepare<{ before: string; afterId: number }, { id: number }>(
    `SELECT r.id ${CLEARABLE_RUNS} AND r.id > @afterId ORDER BY r.id LIMIT 1`,
  );
  const deleteFrontier = db.prepare('DELETE FROM frontier WHERE run_id = ?');
  const aggregatesAll = db.prepare<[], AggregateRow>(
    'SELECT * FROM fetch_aggregates ORDER BY url, month, outcome',
  );
  const aggregatesOf = db.prepare<[string], AggregateRow>(
    'SELECT * FROM fetch_aggregates WHERE url = ? ORDER BY month, outcome',
  );
  const tables = db.prepare<[], { name: string }>(
    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );

  const fetchBatch = db.transaction((before: string, afterId: number, limit: number) => {
    const rows = candidates.all({ before, afterId, limit });
    const groups = new Map<string, FetchAggregate>();
    for (const row of rows) {
      const key = JSON.stringify([row.url, row.source_id, row.month, row.outcome]);
      const group = groups.get(key);
      if (group) {
        group.count += 1;
        if (row.at < group.firstAt) group.firstAt = row.at;
        if (row.at > group.lastAt) group.lastAt = row.at;
      } else {
        groups.set(key, {
          url: row.url,
          sourceId: row.source_id,
          month: row.month,
          outcome: row.outcome,
          count: 1,
          firstAt: row.at,
          lastAt: row.at,
        });
      }
    }
    for (const group of groups.values()) upsert.run(group);
    for (const row of rows) deleteFetch.run(row.id);
    return { aggregated: rows.length, lastId: rows.at(-1)?.id ?? null };
  });
  const frontierBatch = db.transaction((before: string, afterId: number) => {
    const run = clearableRun.get({ before, afterId });
    if (!run) return undefined;
    return { runId: run.id, deleted: deleteFrontier.run(run.id).changes };
  });

  return {
    plan: ({ fetchesBefore, frontierBefore }) => {
      const frontier = countFrontier.get({ before: frontierBefore });
      return {
        fetchesAggregated: countFetches.get({ before: fetchesBefore })?.n ?? 0,
        aggregateRows: countGroups.get({ before: fetchesBefore })?.n ?? 0,
        frontierDeleted: frontier?.n ?? 0,
        runsCleared: frontier?.runs ?? 0,
      };
    },
    fetchBatch: (before, afterId, limit) => fetchBatch.immediate(before, afterId, limit),
    frontierBatch: (before, afterId) => frontierBatch.immediate(before, afterId),
    aggregates: (url) =>
      (url ? aggregatesOf.all(url) : aggregatesAll.all()).map((r) => ({
        url: r.url,
        sourceId: r.source_id,
        month: r.month,
        outcome: r.outcome,
        count: r.count,
        firstAt: r.first_at,
        lastAt: r.last_at,
      })),
    aggregateCount: () => countAggregates.get()?.n ?? 0,
    stats: () => {
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      const pages = db.pragma('page_count', { simple: true }) as number;
      const free = db.pragma('freelist_count', { simple: true }) as number;
      const counts: Record<string, number> = {};
      for (const { name } of tables.all())
        counts[name] = (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
      return { fileBytes: pages * pageSize, usedBytes: (pages - free) * pageSize, tables: counts };
    },
  };
}

/**
 * One pass of retention over the whole ledger, in small transactions with a pause between them so that a running
 * dashboard and crawls are not held up; running it again right after changes nothing.
 */
export async function applyRetention(
  queries: RetentionQueries,
  cutoffs: RetentionCutoffs,
  options: { batchSize?: number; pause?: () => Promise<void> } = {},
): Promise<RetentionResult> {
  const { batchSize = 2000, pause = () => new Promise<void>((resolve) => setImmediate(resolve)) } = options;
  const aggregatesBefore = queries.aggregateCount();
  let fetchesAggregated = 0;
  for (let afterId = 0; ; ) {
    const batch = queries.fetchBatch(cutoffs.fetchesBefore, afterId, batchSize);
    fetchesAggregated += batch.aggregated;
    if (batch.lastId === null) break;
    afterId = batch.lastId;
    await pause();
  }
  let frontierDeleted = 0;
  let runsCleared = 0;
  for (
    let run = queries.frontierBatch(cutoffs.frontierBefore, 0);
    run;
    run = queries.frontierBatch(cutoffs.frontierBefore, run.runId)
  ) {
    frontierDeleted += run.deleted;
    runsCleared += 1;
    await pause();
  }
  return {
    fetchesAggregated,
    aggregateRows: queries.aggregateCount() - aggregatesBefore,
    frontierDeleted,
    runsCleared,
  };
}

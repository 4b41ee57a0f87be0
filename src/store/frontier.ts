import type Database from 'better-sqlite3';

/** What a frontier entry is to the crawler. */
export type FrontierKind = 'hub' | 'list' | 'article' | 'feed' | 'api' | 'attachment' | 'recheck';

/** A URL a run has yet to visit (or has visited), with what the crawler knew when it queued it. */
export interface FrontierItem {
  runId: number;
  url: string;
  kind: FrontierKind;
  depth: number;
  data: Record<string, unknown>;
  state: 'queued' | 'done' | 'failed';
  seq: number;
}

interface FrontierRow {
  run_id: number;
  url: string;
  kind: string;
  depth: number;
  data: string;
  state: string;
  seq: number;
}

const toItem = (r: FrontierRow): FrontierItem => ({
  runId: r.run_id,
  url: r.url,
  kind: r.kind as FrontierKind,
  depth: r.depth,
  data: JSON.parse(r.data) as Record<string, unknown>,
  state: r.state as FrontierItem['state'],
  seq: r.seq,
});

export interface FrontierQueries {
  /** Queues URLs not yet queued in this run (a URL is visited once per run); returns how many were new. */
  add(runId: number, items: readonly Pick<FrontierItem, 'url' | 'kind' | 'depth' | 'data'>[]): number;
  /** The next queued items in queue order. */
  next(runId: number, limit: number, kinds?: readonly FrontierKind[]): FrontierItem[];
  mark(runId: number, url: string, state: 'done' | 'failed'): void;
  has(runId: number, url: string): boolean;
  counts(runId: number): Record<'queued' | 'done' | 'failed', number>;
}

/** Typed queries on the crawl `frontier`. */
export function frontierQueries(db: Database.Database): FrontierQueries {
  const maxSeq = db.prepare<[number], { m: number | null }>(
    'SELECT max(seq) AS m FROM frontier WHERE run_id = ?',
  );
  const insert = db.prepare(
    'INSERT INTO frontier (run_id, url, kind, depth, data, seq) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const next = db.prepare<[number, number], FrontierRow>(
    "SELECT * FROM frontier WHERE run_id = ? AND state = 'queued' ORDER BY seq LIMIT ?",
  );
  const mark = db.prepare('UPDATE frontier SET state = ? WHERE run_id = ? AND url = ?');
  const has = db.prepare<[number, string], { n: number }>(
    'SELECT count(*) AS n FROM frontier WHERE run_id = ? AND url = ?',
  );
  const counts = db.prepare<[number], { state: string; n: number }>(
    'SELECT state, count(*) AS n FROM frontier WHERE run_id = ? GROUP BY state',
  );
  const add = db.transaction(
    (runId: number, items: readonly Pick<FrontierItem, 'url' | 'kind' | 'depth' | 'data'>[]) => {
      let seq = maxSeq.get(runId)?.m ?? 0;
      let added = 0;
      for (const item of items) {
        seq += 1;
        added += insert.run(runId, item.url, item.kind, item.depth, JSON.stringify(item.data), seq).changes;
      }
      return added;
    },
  );
  return {
    add: (runId, items) => add(runId, items),
    next: (runId, limit, kinds) => {
      const rows = next.all(runId, kinds ? limit * 20 : limit).map(toItem);
      return (kinds ? rows.filter((r) => kinds.includes(r.kind)) : rows).slice(0, limit);
    },
    mark: (runId, url, state) => {
      mark.run(state, runId, url);
    },
    has: (runId, url) => (has.get(runId, url)?.n ?? 0) > 0,
    counts: (runId) => {
      const out = { queued: 0, done: 0, failed: 0 };
      for (const row of counts.all(runId)) out[row.state as keyof typeof out] = row.n;
      return out;
    },
  };
}

import type Database from 'better-sqlite3';

export type RunTrigger = 'manual' | 'schedule' | 'catch-up' | 'resume';
export type RunStatus = 'running' | 'ok' | 'partial' | 'failed' | 'interrupted' | 'missed';
/** A pass over the whole source, or over given URLs only (a claimed link): only the first says the source was up. */
export type RunScope = 'source' | 'urls';

/** One crawl pass over one source. */
export interface CrawlRun {
  id: number;
  sourceId: string;
  trigger: RunTrigger;
  scope: RunScope;
  scheduledFor: string | null;
  startedAt: string;
  finishedAt: string | null;
  status: RunStatus;
  stats: Record<string, number>;
  error: string | null;
}

interface RunRow {
  id: number;
  source_id: string;
  trigger: string;
  scope: string;
  scheduled_for: string | null;
  started_at: string;
  finished_at: string | null;
  status: string;
  stats: string;
  error: string | null;
}

const toRun = (r: RunRow): CrawlRun => ({
  id: r.id,
  sourceId: r.source_id,
  trigger: r.trigger as RunTrigger,
  scope: r.scope as RunScope,
  scheduledFor: r.scheduled_for,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  status: r.status as RunStatus,
  stats: JSON.parse(r.stats) as Record<string, number>,
  error: r.error,
});

export interface RunQueries {
  /** Starts a run; `at` is the crawler's clock (the store's clock when absent). */
  start(
    sourceId: string,
    trigger: RunTrigger,
    scheduledFor?: string,
    at?: string,
    scope?: RunScope,
  ): CrawlRun;
  finish(
    id: number,
    status: Exclude<RunStatus, 'running'>,
    stats: Record<string, number>,
    error?: string,
    at?: string,
  ): void;
  /** Records a scheduled slot the daemon was not running for. */
  missed(sourceId: string, scheduledFor: string): CrawlRun;
  get(id: number): CrawlRun | undefined;
  /** The source's whole-source run left running (its process was killed) or interrupted, to be resumed; if any. */
  unfinished(sourceId: string): CrawlRun | undefined;
  last(sourceId: string): CrawlRun | undefined;
  list(sourceId?: string, limit?: number): CrawlRun[];
}

/** Typed queries on `crawl_runs`. */
export function runQueries(db: Database.Database, now: () => string): RunQueries {
  const insert = db.prepare<[string, string, string | null, string, string, string], RunRow>(
    `INSERT INTO crawl_runs (source_id, trigger, scheduled_for, started_at, status, scope) VALUES (?, ?, ?, ?, ?, ?)
     RETURNING *`,
  );
  const finish = db.prepare(
    'UPDATE crawl_runs SET status = ?, finished_at = ?, stats = ?, error = ? WHERE id = ?',
  );
  const get = db.prepare<[number], RunRow>('SELECT * FROM crawl_runs WHERE id = ?');
  const unfinished = db.prepare<[string], RunRow>(
    `SELECT * FROM crawl_runs WHERE source_id = ? AND status IN ('running', 'interrupted') AND scope = 'source'
     ORDER BY id DESC LIMIT 1`,
  );
  const last = db.prepare<[string], RunRow>(
    "SELECT * FROM crawl_runs WHERE source_id = ? AND status <> 'missed' AND scope = 'source' ORDER BY id DESC LIMIT 1",
  );
  const listAll = db.prepare<[number], RunRow>('SELECT * FROM crawl_runs ORDER BY id DESC LIMIT ?');
  const listSource = db.prepare<[string, number], RunRow>(
    'SELECT * FROM crawl_runs WHERE source_id = ? ORDER BY id DESC LIMIT ?',
  );
  return {
    start: (sourceId, trigger, scheduledFor, at, scope = 'source') =>
      toRun(insert.get(sourceId, trigger, scheduledFor ?? null, at ?? now(), 'running', scope) as RunRow),
    finish: (id, status, stats, error, at) => {
      finish.run(status, at ?? now(), JSON.stringify(stats), error ?? null, id);
    },
    missed: (sourceId, scheduledFor) => {
      const row = insert.get(sourceId, 'schedule', scheduledFor, now(), 'missed', 'source') as RunRow;
      finish.run('missed', row.started_at, '{}', '调度时刻程序未运行', row.id);
      return toRun({ ...row, status: 'missed', finished_at: row.started_at });
    },
    get: (id) => {
      const row = get.get(id);
      return row ? toRun(row) : undefined;
    },
    unfinished: (sourceId) => {
      const row = unfinished.get(sourceId);
      return row ? toRun(row) : undefined;
    },
    last: (sourceId) => {
      const row = last.get(sourceId);
      return row ? toRun(row) : undefined;
    },
    list: (sourceId, limit = 100) =>
      (sourceId ? listSource.all(sourceId, limit) : listAll.all(limit)).map(toRun),
  };
}

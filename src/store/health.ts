import type Database from 'better-sqlite3';

/** How a source has been doing: the input for "unverifiable" when it was down. */
export interface SourceHealth {
  sourceId: string;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  consecutiveFailures: number;
  errorCounts: Record<string, number>;
  lastError: string | null;
}

interface HealthRow {
  source_id: string;
  last_run_at: string | null;
  last_success_at: string | null;
  last_failure_at: string | null;
  consecutive_failures: number;
  error_counts: string;
  last_error: string | null;
}

const toHealth = (r: HealthRow): SourceHealth => ({
  sourceId: r.source_id,
  lastRunAt: r.last_run_at,
  lastSuccessAt: r.last_success_at,
  lastFailureAt: r.last_failure_at,
  consecutiveFailures: r.consecutive_failures,
  errorCounts: JSON.parse(r.error_counts) as Record<string, number>,
  lastError: r.last_error,
});

export interface HealthQueries {
  get(sourceId: string): SourceHealth | undefined;
  list(): SourceHealth[];
  /** Records a run's result: a success resets the failure streak; errors are counted by reason. */
  report(
    sourceId: string,
    at: string,
    result: { ok: boolean; errors: Record<string, number>; lastError?: string },
  ): void;
}

/** Typed queries on `source_health`. */
export function healthQueries(db: Database.Database): HealthQueries {
  const get = db.prepare<[string], HealthRow>('SELECT * FROM source_health WHERE source_id = ?');
  const list = db.prepare<[], HealthRow>('SELECT * FROM source_health ORDER BY source_id');
  const upsert = db.prepare(
    `INSERT INTO source_health (source_id, last_run_at, last_success_at, last_failure_at, consecutive_failures, error_counts, last_error)
     VALUES (@sourceId, @lastRunAt, @lastSuccessAt, @lastFailureAt, @consecutiveFailures, @errorCounts, @lastError)
     ON CONFLICT (source_id) DO UPDATE SET last_run_at = excluded.last_run_at, last_success_at = excluded.last_success_at,
       last_failure_at = excluded.last_failure_at, consecutive_failures = excluded.consecutive_failures,
       error_counts = excluded.error_counts, last_error = excluded.last_error`,
  );
  return {
    get: (sourceId) => {
      const row = get.get(sourceId);
      return row ? toHealth(row) : undefined;
    },
    list: () => list.all().map(toHealth),
    report: (sourceId, at, result) => {
      const before = get.get(sourceId);
      const counts = before ? (JSON.parse(before.error_counts) as Record<string, number>) : {};
      for (const [reason, n] of Object.entries(result.errors)) counts[reason] = (counts[reason] ?? 0) + n;
      upsert.run({
        sourceId,
        lastRunAt: at,
        lastSuccessAt: result.ok ? at : (before?.last_success_at ?? null),
        lastFailureAt: result.ok ? (before?.last_failure_at ?? null) : at,
        consecutiveFailures: result.ok ? 0 : (before?.consecutive_failures ?? 0) + 1,
        errorCounts: JSON.stringify(counts),
        lastError: result.ok ? (before?.last_error ?? null) : (result.lastError ?? null),
      });
    },
  };
}

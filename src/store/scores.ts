import type Database from 'better-sqlite3';

/** One run of `gongkai score`: what it scored, on which day, under which scheme and catalog. */
export interface ScoreRun {
  id: number;
  year: number;
  today: string;
  computedAt: string;
  scheme: string;
  catalog: string;
  inputsSha256: string;
  summary: Record<string, unknown>;
}

/** A stored row of a score run: an obligation, finding or scorecard as its JSON, with the keys pages filter on. */
export interface ScoredRow<T> {
  bodyId: string;
  data: T;
}

export interface ScoreInput<O, F, C> {
  run: Omit<ScoreRun, 'id' | 'computedAt'>;
  obligations: { key: string; bodyId: string; item: string; status: string; due: string | null; data: O }[];
  findings: { bodyId: string; kind: string; item: string | null; data: F }[];
  scorecards: { bodyId: string; scope: 'own' | 'with_villages'; data: C }[];
}

interface RunRow {
  id: number;
  year: number;
  today: string;
  computed_at: string;
  scheme: string;
  catalog: string;
  inputs_sha256: string;
  summary: string;
}

const toRun = (r: RunRow): ScoreRun => ({
  id: r.id,
  year: r.year,
  today: r.today,
  computedAt: r.computed_at,
  scheme: r.scheme,
  catalog: r.catalog,
  inputsSha256: r.inputs_sha256,
  summary: JSON.parse(r.summary) as Record<string, unknown>,
});

/** A part of a run whose `data` are JSON text already. */
export type JsonPart = Omit<ScoreInput<string, string, string>, 'run'>;

export interface ScoreQueries {
  /** Stores a whole score run in one transaction and returns its id. */
  save<O, F, C>(input: ScoreInput<O, F, C>): number;
  /** Starts a run scored a part at a time: `append` each part, then `finish` with the inputs' hash. */
  begin(run: Omit<ScoreRun, 'id' | 'computedAt'>): number;
  append<O, F, C>(runId: number, part: Omit<ScoreInput<O, F, C>, 'run'>): void;
  /** `append` for a part whose rows are already JSON text (scored in a worker thread). */
  appendJson(runId: number, part: JsonPart): void;
  /** Removes a run that did not finish, with its rows (a failed or interrupted stage leaves nothing behind). */
  discard(runId: number): void;
  finish(runId: number, inputsSha256: string, summary: Record<string, unknown>): void;
  latest(year: number): ScoreRun | undefined;
  years(): number[];
  obligations<O>(runId: number, bodyId?: string): ScoredRow<O>[];
  findings<F>(runId: number, bodyId?: string): ScoredRow<F>[];
  scorecards<C>(runId: number, scope?: 'own' | 'with_villages'): ScoredRow<C>[];
  /** Findings per body of a run, by kind (the counts lists show without reading every finding). */
  findingCounts(runId: number): { bodyId: string; kind: string; count: number }[];
  /** Obligations of a run counted by body, item, due month and status (overview charts, without reading them). */
  obligationCounts(
    runId: number,
  ): { bodyId: string; item: string; month: string | null; status: string; count: number }[];
  /** The run with this id, finished or not. */
  run(runId: number): ScoreRun | undefined;
}

/** Typed queries on `score_runs`, `obligations`, `findings` and `scorecards`. */
export function scoreQueries(db: Database.Database, now: () => string): ScoreQueries {
  const insertRun = db.prepare(
    'INSERT INTO score_runs (year, today, computed_at, scheme, catalog, inputs_sha256, summary) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertObligation = db.prepare(
    'INSERT INTO obligations (run_id, key, body_id, item, status, due, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertFinding = db.prepare(
    'INSERT INTO findings (run_id, body_id, kind, item, data) VALUES (?, ?, ?, ?, ?)',
  );
  const insertCard = db.prepare('INSERT INTO scorecards (run_id, body_id, scope, data) VALUES (?, ?, ?, ?)');
  const finishRun = db.prepare('UPDATE score_runs SET inputs_sha256 = ?, summary = ? WHERE id = ?');
  const appendRows = db.transaction(
    (runId: number, part: Omit<ScoreInput<unknown, unknown, unknown>, 'run'>) => {
      for (const o of part.obligations)
        insertObligation.run(runId, o.key, o.bodyId, o.item, o.status, o.due, JSON.stringify(o.data));
      for (const f of part.findings)
        insertFinding.run(runId, f.bodyId, f.kind, f.item, JSON.stringify(f.data));
      for (const c of part.scorecards) insertCard.run(runId, c.bodyId, c.scope, JSON.stringify(c.data));
    },
  );
  const appendJsonRows = db.transaction((runId: number, part: JsonPart) => {
    for (const o of part.obligations)
      insertObligation.run(runId, o.key, o.bodyId, o.item, o.status, o.due, o.data);
    for (const f of part.findings) insertFinding.run(runId, f.bodyId, f.kind, f.item, f.data);
    for (const c of part.scorecards) insertCard.run(runId, c.bodyId, c.scope, c.data);
  });
  const discardRun = db.transaction((runId: number) => {
    for (const table of ['obligations', 'findings', 'scorecards'])
      db.prepare(`DELETE FROM ${table} WHERE run_id = ?`).run(runId);
    db.prepare('DELETE FROM score_runs WHERE id = ?').run(runId);
  });
  // A run is finished once its inputs' hash is written; one still being written (or left by a crash) is not shown.
  const latest = db.prepare<[number], RunRow>(
    "SELECT * FROM score_runs WHERE year = ? AND inputs_sha256 <> '' ORDER BY id DESC LIMIT 1",
  );
  const years = db.prepare<[], { year: number }>(
    "SELECT DISTINCT year FROM score_runs WHERE inputs_sha256 <> '' ORDER BY year DESC",
  );
  const obligationsAll = db.prepare<[number], { body_id: string; data: string }>(
    'SELECT body_id, data FROM obligations WHERE run_id = ? ORDER BY rowid',
  );
  const obligationsBody = db.prepare<[number, string], { body_id: string; data: string }>(
    'SELECT body_id, data FROM obligations WHERE run_id = ? AND body_id = ? ORDER BY rowid',
  );
  const findingsAll = db.prepare<[number], { body_id: string; data: string }>(
    'SELECT body_id, data FROM findings WHERE run_id = ? ORDER BY id',
  );
  const findingsBody = db.prepare<[number, string], { body_id: string; data: string }>(
    'SELECT body_id, data FROM findings WHERE run_id = ? AND body_id = ? ORDER BY id',
  );
  const cardsAll = db.prepare<[number], { body_id: string; data: string }>(
    'SELECT body_id, data FROM scorecards WHERE run_id = ? ORDER BY rowid',
  );
  const cardsScope = db.prepare<[number, string], { body_id: string; data: string }>(
    'SELECT body_id, data FROM scorecards WHERE run_id = ? AND scope = ? ORDER BY rowid',
  );
  const counts = db.prepare<[number], { body_id: string; kind: string; n: number }>(
    'SELECT body_id, kind, COUNT(*) AS n FROM findings WHERE run_id = ? GROUP BY body_id, kind',
  );
  const runById = db.prepare<[number], RunRow>('SELECT * FROM score_runs WHERE id = ?');
  const obligationCounts = db.prepare<
    [number],
    { body_id: string; item: string; month: string | null; status: string; n: number }
  >(
    `SELECT body_id, item, substr(due, 1, 7) AS month, status, COUNT(*) AS n FROM obligations WHERE run_id = ?
     GROUP BY body_id, item, month, status`,
  );
  const rows = <T>(list: { body_id: string; data: string }[]): ScoredRow<T>[] =>
    list.map((r) => ({ bodyId: r.body_id, data: JSON.parse(r.data) as T }));
  return {
    save: (input) =>
      db.transaction(() => {
        const r = input.run;
        const runId = Number(
          insertRun.run(
            r.year,
            r.today,
            now(),
            r.scheme,
            r.catalog,
            r.inputsSha256,
            JSON.stringify(r.summary),
          ).lastInsertRowid,
        );
        for (const o of input.obligations)
          insertObligation.run(runId, o.key, o.bodyId, o.item, o.status, o.due, JSON.stringify(o.data));
        for (const f of input.findings)
          insertFinding.run(runId, f.bodyId, f.kind, f.item, JSON.stringify(f.data));
        for (const c of input.scorecards) insertCard.run(runId, c.bodyId, c.scope, JSON.stringify(c.data));
        return runId;
      })(),
    begin: (r) =>
      Number(
        insertRun.run(r.year, r.today, now(), r.scheme, r.catalog, r.inputsSha256, JSON.stringify(r.summary))
          .lastInsertRowid,
      ),
    append: (runId, part) => appendRows(runId, part as Omit<ScoreInput<unknown, unknown, unknown>, 'run'>),
    appendJson: (runId, part) => appendJsonRows(runId, part),
    discard: (runId) => discardRun(runId),
    finish: (runId, sha, summary) => {
      finishRun.run(sha, JSON.stringify(summary), runId);
    },
    latest: (year) => {
      const row = latest.get(year);
      return row ? toRun(row) : undefined;
    },
    years: () => years.all().map((r) => r.year),
    obligations: (runId, bodyId) =>
      rows(bodyId ? obligationsBody.all(runId, bodyId) : obligationsAll.all(runId)),
    findings: (runId, bodyId) => rows(bodyId ? findingsBody.all(runId, bodyId) : findingsAll.all(runId)),
    findingCounts: (runId) => counts.all(runId).map((r) => ({ bodyId: r.body_id, kind: r.kind, count: r.n })),
    obligationCounts: (runId) =>
      obligationCounts
        .all(runId)
        .map((r) => ({ bodyId: r.body_id, item: r.item, month: r.month, status: r.status, count: r.n })),
    run: (runId) => {
      const row = runById.get(runId);
      return row ? toRun(row) : undefined;
    },
    scorecards: (runId, scope) => rows(scope ? cardsScope.all(runId, scope) : cardsAll.all(runId)),
  };
}

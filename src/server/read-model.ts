import type { IsoDate } from '../catalog/index.js';
import { type Finding, type Obligation, type Scorecard, statusOn } from '../scoring/index.js';
import type { Body, ScoreRun, Store } from '../store/index.js';
import type { Scope, ServerDeps } from './deps.js';

/** A body's card with the number of its findings (what lists show), the findings themselves read on demand. */
export interface CardSummary extends Omit<Scorecard, 'findings'> {
  findingCount: number;
  findingKinds: Record<string, number>;
}

interface RunCache {
  run: ScoreRun;
  own: CardSummary[];
  withVillages: Map<string, CardSummary>;
}

/**
 * What pages and the API read: the latest finished score run of a year, its cards, and a body's obligations and
 * findings. A run never changes once written, so what is read of it is kept until a newer run appears.
 */
export function createReadModel(deps: ServerDeps) {
  const { store } = deps;
  let cache: RunCache | undefined;
  let bodies: { at: number; list: Body[]; byId: Map<string, Body> } | undefined;

  const bodyIndex = () => {
    // The registry changes rarely; read it again at most every few seconds.
    if (!bodies || Date.now() - bodies.at > 5_000) {
      const list = store.bodies.list({ includeRetired: true });
      bodies = { at: Date.now(), list, byId: new Map(list.map((b) => [b.id, b])) };
    }
    return bodies;
  };

  const summaries = (run: ScoreRun): RunCache => {
    if (cache && cache.run.id === run.id) return cache;
    const kinds = new Map<string, Record<string, number>>();
    for (const c of store.scores.findingCounts(run.id)) {
      const k = kinds.get(c.bodyId) ?? {};
      k[c.kind] = c.count;
      kinds.set(c.bodyId, k);
    }
    const children = new Map<string, string[]>();
    for (const b of bodyIndex().list)
      if (b.parentId) children.set(b.parentId, [...(children.get(b.parentId) ?? []), b.id]);
    const summary = (card: Scorecard): CardSummary => {
      const members =
        card.scope === 'with_villages'
          ? [card.body.id, ...(children.get(card.body.id) ?? [])]
          : [card.body.id];
      const findingKinds: Record<string, number> = {};
      for (const m of members)
        for (const [kind, n] of Object.entries(kinds.get(m) ?? {}))
          findingKinds[kind] = (findingKinds[kind] ?? 0) + n;
      const { findings: _f, ...rest } = card;
      return { ...rest, findingKinds, findingCount: Object.values(findingKinds).reduce((s, n) => s + n, 0) };
    };
    const cards = store.scores.scorecards<Scorecard>(run.id).map((r) => summary(r.data));
    cache = {
      run,
      own: cards.filter((c) => c.scope === 'own'),
      withVillages: new Map(cards.filter((c) => c.scope === 'with_villages').map((c) => [c.body.id, c])),
    };
    return cache;
  };

  const years = () => store.scores.years();
  let counts: { runId: number; rows: ReturnType<Store['scores']['obligationCounts']> } | undefined;

  return {
    bodies: () => bodyIndex().list,
    body: (id: string) => bodyIndex().byId.get(id),
    years,
    /** The year pages show by default: the newest scored one, else this year. */
    defaultYear: (): number => years()[0] ?? Number(deps.clock().toISOString().slice(0, 4)),
    run: (year: number): ScoreRun | undefined => store.scores.latest(year),
    /** Own cards of the bodies in scope, best first. */
    cards(run: ScoreRun, scope: Scope): CardSummary[] {
      return summaries(run)
        .own.filter((c) => scope.all || scope.bodyIds.has(c.body.id))
        .sort((a, b) => b.points - a.points || a.body.id.localeCompare(b.body.id));
    },
    /** Obligations of the run by body, item, due month and status (read once per run). */
    obligationCounts(run: ScoreRun) {
      if (counts?.runId !== run.id) counts = { runId: run.id, rows: store.scores.obligationCounts(run.id) };
      return counts.rows;
    },
    withVillages: (run: ScoreRun, bodyId: string): CardSummary | undefined =>
      summaries(run).withVillages.get(bodyId),
    obligations: (run: ScoreRun, bodyId: string): Obligation[] =>
      store.scores.obligations<Obligation>(run.id, bodyId).map((r) => r.data),
    findings: (run: ScoreRun, bodyId: string): Finding[] =>
      store.scores.findings<Finding>(run.id, bodyId).map((r) => r.data),
    /**
     * A body's overdue obligations and those due within the scheme's window on `day` (the run's day when not
     * given), with working days late or left.
     */
    overdue(run: ScoreRun, bodyIds: readonly string[], day?: IsoDate) {
      const on = day ?? run.today;
      const window = deps.scheme.dueSoonWorkdays ?? 10;
      const all = bodyIds.flatMap((id) =>
        store.scores.obligations<Obligation>(run.id, id).map((r) => r.data),
      );
      const now = all.map((o) => (on === run.today ? o : statusOn(o, on, deps.calendar)));
      return {
        day: on,
        overdue: now.filter((o) => o.status === 'missing').sort((a, b) => a.due.localeCompare(b.due)),
        dueSoon: now
          .filter((o) => o.status === 'pending' && o.workdaysLeft !== null && o.workdaysLeft <= window)
          .sort((a, b) => a.due.localeCompare(b.due)),
      };
    },
  };
}

export type ReadModel = ReturnType<typeof createReadModel>;

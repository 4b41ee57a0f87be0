import { createHash } from 'node:crypto';
import type { Finding, Obligation, Scorecard } from '../scoring/index.js';
import type { Body, Review, ScoreRun, Store } from '../store/index.js';
import type {
  AnnualReport,
  OverdueObligation,
  ReportBody,
  ReportFinding,
  ReportProblem,
  ReportRequest,
} from './annual-report.js';
import { claimNote, type NoteNames, reviewNote } from './notes.js';
import { itemStatuses, kindTotals, rankBodies, totalsOf } from './report-totals.js';

type Scope = { members: string[]; body: Body | undefined };

function scopeOf(bodies: readonly Body[], bodyId: string | undefined): Scope | undefined {
  if (bodyId === undefined) return { members: bodies.map((b) => b.id), body: undefined };
  const body = bodies.find((b) => b.id === bodyId);
  if (!body) return undefined;
  return { members: [body.id, ...bodies.filter((b) => b.parentId === body.id).map((b) => b.id)], body };
}

// The registry's district name, else its county-level body's.
function districtOf(store: Store, bodies: readonly Body[]): string {
  return store.meta.getSetting('district') ?? bodies.find((b) => b.level === 'county')?.name ?? '本区';
}

function checkRules(run: ScoreRun, request: ReportRequest): ReportProblem | undefined {
  if (run.catalog !== request.catalog.id)
    return {
      kind: 'rules_mismatch',
      message: `${run.year} 年度的评分按标准目录 ${run.catalog} 计算，当前加载的是 ${request.catalog.id}：请用 --catalog ${run.catalog} 导出，或重新运行 gongkai score`,
    };
  if (run.scheme !== request.scheme.id)
    return {
      kind: 'rules_mismatch',
      message: `${run.year} 年度的评分按评分方案 ${run.scheme} 计算，当前加载的是 ${request.scheme.id}：请用 --scheme 指定该方案文件导出，或重新运行 gongkai score`,
    };
  return undefined;
}

/** Reviews of each post made before the run was computed (later ones did not shape its findings). */
function reviewsByPost(store: Store, run: ScoreRun): Map<number, Review[]> {
  const out = new Map<number, Review[]>();
  for (const r of store.matches.reviews()) {
    if (r.at > run.computedAt) continue;
    out.set(r.postId, [...(out.get(r.postId) ?? []), r]);
  }
  return out;
}

interface Lookups {
  names: NoteNames;
  bodyName: (id: string) => string;
  label: (kind: string) => string;
  reviews: Map<number, Review[]>;
  obligations: Map<string, Obligation>;
}

function toReportFinding(f: Finding, no: number, look: Lookups): ReportFinding {
  const postId = f.evidence?.kind === 'post' ? f.evidence.id : undefined;
  const obligation = f.obligationKey ? look.obligations.get(f.obligationKey) : undefined;
  return {
    ...f,
    no,
    bodyName: look.bodyName(f.bodyId),
    itemName: f.item ? look.names.item(f.item) : '—',
    label: look.label(f.kind),
    reviews:
      postId === undefined ? [] : (look.reviews.get(postId) ?? []).map((r) => reviewNote(r, look.names)),
    claims: (obligation?.claims ?? []).map(claimNote),
  };
}

function toOverdue(o: Obligation, look: Lookups): OverdueObligation {
  return {
    key: o.key,
    bodyId: o.bodyId,
    bodyName: look.bodyName(o.bodyId),
    item: o.item,
    itemName: look.names.item(o.item),
    record: o.record ? (o.record.refNo ? `${o.record.title}（${o.record.refNo}）` : o.record.title) : null,
    channel: o.channel,
    due: o.due,
    workdaysLate: o.workdaysLate,
    rule: o.rule,
    ruleText: o.ruleText,
    checked: o.checked,
    elsewhere: o.elsewhere,
    claims: o.claims.map(claimNote),
  };
}

const byDueThenBody = (a: OverdueObligation, b: OverdueObligation): number =>
  a.due < b.due ? -1 : a.due > b.due ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

/**
 * Reads the latest finished score run of the year for the whole district, or one body with its villages, and
 * puts together what every format of the report shows. Reads the run and what it refers to, never the clock.
 */
export function loadAnnualReport(
  store: Store,
  request: ReportRequest,
): { kind: 'report'; report: AnnualReport } | ReportProblem {
  const run = store.scores.latest(request.year);
  if (!run)
    return {
      kind: 'no_run',
      message: `${request.year} 年度还没有评分结果：请先运行 gongkai score --year ${request.year}`,
    };
  const mismatch = checkRules(run, request);
  if (mismatch) return mismatch;
  const registry = store.bodies.list({ includeRetired: true });
  const scope = scopeOf(registry, request.bodyId);
  if (!scope) return { kind: 'unknown_body', message: `找不到主体“${request.bodyId}”：请给出登记的主体编号` };
  return { kind: 'report', report: assemble(store, run, request, registry, scope) };
}

function assemble(
  store: Store,
  run: ScoreRun,
  request: ReportRequest,
  registry: readonly Body[],
  scope: Scope,
): AnnualReport {
  const members = new Set(scope.members);
  const cards = store.scores.scorecards<Scorecard>(run.id, 'own').map((r) => r.data);
  const own = cards.filter((c) => members.has(c.body.id));
  const names = new Map(cards.map((c) => [c.body.id, c.body.name]));
  const items = new Map(request.catalog.items.map((i) => [i.id, `${i.no}. ${i.name}`]));
  const obligations = scope.members.flatMap((id) =>
    store.scores.obligations<Obligation>(run.id, id).map((r) => r.data),
  );
  const bodyName = (id: string) => names.get(id) ?? registry.find((b) => b.id === id)?.name ?? id;
  const look: Lookups = {
    names: { item: (id) => items.get(id) ?? id, body: bodyName },
    bodyName,
    label: (kind) => request.scheme.findings[kind as keyof typeof request.scheme.findings]?.label ?? kind,
    reviews: reviewsByPost(store, run),
    obligations: new Map(obligations.map((o) => [o.key, o])),
  };
  const parent = new Map(registry.map((b) => [b.id, b.parentId]));
  let no = 0;
  const bodies: ReportBody[] = own.map((card) => {
    const { findings: _stored, ...rest } = card;
    const findings = store.scores
      .findings<Finding>(run.id, card.body.id)
      .map((r) => toReportFinding(r.data, ++no, look));
    return { card: rest, rank: 0, parentId: parent.get(card.body.id) ?? null, findings };
  });
  const ranking = rankBodies(bodies);
  const findings = bodies.flatMap((b) => b.findings);
  const district = districtOf(store, registry);
  const active = store.meta.activeCatalog();
  return {
    title: `${request.year}年度扶贫领域基层政务公开考核评估报告`,
    district,
    year: request.year,
    scope: scope.body
      ? {
          kind: 'body',
          id: scope.body.id,
          name: bodyName(scope.body.id),
          level: scope.body.level,
          members: own.length,
          card: withVillagesCard(store, run, scope.body.id),
        }
      : { kind: 'district', name: district },
    run: {
      id: run.id,
      today: run.today,
      computedAt: run.computedAt,
      inputsSha256: run.inputsSha256,
      calendar: typeof run.summary.calendar === 'string' ? run.summary.calendar : '未记录',
    },
    catalog: {
      ...request.catalog,
      sha256: request.catalog.sha256 ?? (active?.id === request.catalog.id ? active.sha256 : null),
    },
    scheme: { ...request.scheme, sha256: sha256(JSON.stringify(request.scheme)) },
    bodies,
    ranking,
    findings,
    overdue: obligations
      .filter((o) => o.status === 'missing')
      .map((o) => toOverdue(o, look))
      .sort(byDueThenBody),
    kinds: kindTotals(findings, request.scheme),
    items: itemStatuses(obligations, request.catalog.items),
    totals: totalsOf(
      bodies.map((b) => b.card),
      findings,
    ),
  };
}

function withVillagesCard(store: Store, run: ScoreRun, bodyId: string) {
  const row = store.scores.scorecards<Scorecard>(run.id, 'with_villages').find((r) => r.bodyId === bodyId);
  if (!row) return null;
  const { findings: _f, ...card } = row.data;
  return card;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

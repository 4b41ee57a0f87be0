import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  addCalendarDays,
  type IsoDate,
  loadCalendar,
  loadCatalog,
  parseWithSchema,
  readYamlFile,
} from '../src/catalog/index.js';
import { createCrawlEffects } from '../src/cli/crawl-effects.js';
import { runMatchStage } from '../src/cli/match-stage.js';
import {
  runScoreStage,
  toScoringBody,
  toScoringOffline,
  toScoringRecord,
  toScoringSource,
} from '../src/cli/score-stage.js';
import { main } from '../src/cli.js';
import { crawlSource, silentLog } from '../src/crawlers/index.js';
import { createDemoWorld, type DemoWorld, startDemoServer, writeDemoFiles } from '../src/demo/index.js';
import {
  FINDING_KINDS,
  type Finding,
  type FindingKind,
  SchemeSchema,
  type ScoringPost,
  scoreYear,
} from '../src/scoring/index.js';
import { openStore, type Store } from '../src/store/index.js';

// The end-to-end measure of issue 6: crawl the demo web every few days through its year, match, score, and
// compare the findings with those the demo's ground truth gives under the same rules and the same crawl days.

const ROOT = path.resolve(import.meta.dirname, '..');

export interface KindFigures {
  expected: number;
  found: number;
  matched: number;
  precision: number | null;
  recall: number | null;
}

export interface ScoringEval {
  seed: number;
  crawlDays: number;
  perKind: Partial<Record<FindingKind, KindFigures>>;
  missed: string[];
  extra: string[];
  /** The findings the pipeline stored. */
  findings: Finding[];
}

const quiet = { stdout: () => {}, stderr: () => {}, cwd: ROOT, env: {} };

function crawlDays(year: number, cadence: number, today: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = `${year}-01-02`; d <= today; d = addCalendarDays(d, cadence)) days.push(d);
  if (days.at(-1) !== today) days.push(today);
  return days;
}

/** A finding's identity for comparing pipeline and truth: kind, body, item, and what it is about. */
function keyOf(f: Finding, origin: string): string {
  const about = f.obligationKey
    ? `${f.record ?? 'standing'}|${f.obligationKey.split(':').at(-1)}`
    : f.url
      ? f.url.replace(origin, '')
      : `${f.evidence?.kind}:${f.published}`;
  return `${f.kind}|${f.bodyId}|${f.item}|${about}`;
}

function truthPosts(world: DemoWorld, store: Store, days: readonly IsoDate[], origin: string): ScoringPost[] {
  const sources = store.sources.list().filter((s) => s.kind !== 'offline');
  const records = store.records.list();
  return world.posts.flatMap((p) => {
    const seen = days.find((d) => p.appearsAt <= d && (!p.removedAt || d < p.removedAt));
    const url = `${origin}${p.url}`;
    // A feed's articles share one path; the feed that carried the post is its source.
    const source =
      sources.find((s) => s.id === p.siteId) ??
      sources.find((s) => s.kind === 'website' && s.scope.some((prefix) => url.startsWith(prefix)));
    if (!seen || !source) return [];
    const event = world.events.find((e) => e.id === p.eventId);
    const record = event?.record
      ? records.find((r) => r.title === event.title && r.bodyId === event.bodyId && r.item === event.item)
      : undefined;
    const removed = p.removedAt ? days.find((d) => d >= (p.removedAt as string)) : undefined;
    const edits = p.edits.filter((e) => e.at <= (days.at(-1) as string)).length;
    const added = p.compose.editAdds.slice(0, edits).flat();
    const interpretationOf =
      p.kind === 'interpretation' && event?.payload.kind === 'policy' ? event.payload.docTitle : null;
    return [
      {
        id: Number(p.seq),
        sourceId: source.id,
        url,
        title: p.title,
        firstSeen: `${seen}T02:00:00.000Z`,
        removedAt: removed ? `${removed}T02:00:00.000Z` : null,
        versionId: p.seq,
        fetchId: p.seq,
        sha256: '',
        items: p.items,
        publishedAt: p.publishedAt,
        formedAt: p.formedAt,
        notice: p.compose.notice
          ? {
              start: p.compose.notice.start,
              end: p.compose.notice.end,
              days: p.compose.notice.days,
              unit: p.compose.notice.unit,
            }
          : null,
        publisherBodyId: p.bodyId,
        elements: {
          present: [...p.elements.present, ...added],
          missing: p.elements.missing.filter((k) => !added.includes(k)),
        },
        privacy: p.privacy.map((x) => ({ ...x, fixed: false })),
        interpretationOf,
        docNo: p.kind === 'disclosure' && event?.refNo ? event.refNo : null,
        recordIds: record ? [record.id] : [],
        reviewed: false,
      },
    ];
  });
}

/** Runs the whole pipeline on the demo and compares its findings with the truth's. */
export async function evaluateScoring(options: {
  seed: number;
  cadenceDays: number;
  dir: string;
  today?: IsoDate;
}): Promise<ScoringEval> {
  const catalog = loadCatalog('shifanqu-2020', { dir: path.join(ROOT, 'data/catalog') }).catalog;
  const calendar = loadCalendar();
  const scheme = parseWithSchema(SchemeSchema, readYamlFile(path.join(ROOT, 'data/scoring/default.yaml')));
  const world = createDemoWorld({ seed: options.seed, catalog, calendar });
  const today = options.today ?? `${world.year}-12-31`;
  const server = await startDemoServer(world, 0, { today: `${world.year}-01-01` });
  mkdirSync(options.dir, { recursive: true });
  const db = path.join(options.dir, 'gongkai.db');
  try {
    await writeDemoFiles(world, options.dir, server.origin);
    for (const args of [
      ['init', '--registry', 'registry.yaml'],
      ['import', 'records.xlsx'],
      ['import', 'evidence.csv'],
    ]) {
      const code = await main([...args, '--db', db], { ...quiet, cwd: options.dir });
      if (code !== 0) throw new Error(`gongkai ${args.join(' ')} failed`);
    }
    const store = openStore(db);
    for (const s of store.sources.list())
      store.sources.upsert({ ...s, delayMs: 0, concurrency: 4, render: 'static' });
    const setup = createCrawlEffects(store, {
      log: silentLog,
      needsBrowser: false,
      clock: () => new Date(`${server.today}T10:00:00+08:00`),
    });
    setup.effects.retry = { ...setup.effects.retry, sleep: async () => {} };
    const days = crawlDays(world.year, options.cadenceDays, today);
    const sources = store.sources.list().filter((s) => s.kind !== 'offline');
    for (const day of days) {
      server.today = day;
      await Promise.all(sources.map((s) => crawlSource(setup.effects, s)));
    }
    await setup.close();
    runMatchStage(store, { catalog, calendar });
    const actual = runScoreStage(store, { catalog, calendar, scheme, year: world.year, today }).result
      .findings;
    const truth = scoreYear({
      catalog,
      calendar,
      scheme,
      year: world.year,
      today,
      bodies: store.bodies.list().map(toScoringBody),
      sources: store.sources.list().map(toScoringSource),
      runs: sources.flatMap((s) =>
        days.map((d) => ({ sourceId: s.id, startedAt: `${d}T02:00:00.000Z`, ok: true })),
      ),
      records: store.records.list().map(toScoringRecord),
      posts: truthPosts(world, store, days, server.origin),
      offline: store.offlineEvidence.list().map(toScoringOffline),
    }).findings;
    store.close();
    const expectedKeys = new Map(truth.map((f) => [keyOf(f, server.origin), f]));
    const actualKeys = new Map(actual.map((f) => [keyOf(f, server.origin), f]));
    const perKind: ScoringEval['perKind'] = {};
    for (const kind of FINDING_KINDS) {
      const e = [...expectedKeys.keys()].filter((k) => k.startsWith(`${kind}|`));
      const a = [...actualKeys.keys()].filter((k) => k.startsWith(`${kind}|`));
      if (e.length === 0 && a.length === 0) continue;
      const matched = a.filter((k) => expectedKeys.has(k)).length;
      perKind[kind] = {
        expected: e.length,
        found: a.length,
        matched,
        precision: a.length ? matched / a.length : null,
        recall: e.length ? matched / e.length : null,
      };
    }
    return {
      seed: options.seed,
      crawlDays: days.length,
      perKind,
      missed: [...expectedKeys.keys()].filter((k) => !actualKeys.has(k)),
      extra: [...actualKeys.keys()].filter((k) => !expectedKeys.has(k)),
      findings: actual,
    };
  } finally {
    await server.close();
  }
}

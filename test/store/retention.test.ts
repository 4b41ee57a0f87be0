import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource } from '../../src/crawlers/index.js';
import { applyRetention, openStore, type RetentionCutoffs, type Store } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { demoEffects, demoSetup } from '../helpers/demo-crawl.js';
import { type FaultServer, startFaultServer } from '../helpers/fault-server.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();
const CUTOFFS: RetentionCutoffs = {
  fetchesBefore: '2020-04-15T00:00:00.000Z',
  frontierBefore: '2020-03-20T00:00:00.000Z',
};
// Two sources are left with open runs (one interrupted, one as a killed process leaves it) before the cutoff.
const OPEN_SOURCES = 2;

interface FetchRow {
  id: number;
  run_id: number | null;
  source_id: string;
  url: string;
  at: string;
  outcome: string;
  body_sha256: string | null;
}

interface RunRow {
  id: number;
  status: string;
  scope: string;
  started_at: string;
  finished_at: string | null;
}

let baseDir: string;
// Fetches that only a reference keeps: a version, an attachment and a removal made to point at them.
let referenced: number[] = [];

const page = (body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

// A column served without ETag or Last-Modified: every visit fetches the same bytes again (the demo web answers 304).
async function startPlainSite(): Promise<FaultServer> {
  const links = [1, 2, 3].map(
    (n) => `<li><a href="a${n}.html">关于西村第${n}批扶贫项目的公示</a><span>2020-02-1${n}</span></li>`,
  );
  const site = await startFaultServer({
    '/robots.txt': (_q, res) => res.writeHead(404).end(),
    '/list/index.html': (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(page(`<ul class="list">${links.join('')}</ul>`)),
  });
  for (const n of [1, 2, 3])
    site.route(`/list/a${n}.html`, (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          page(
            `<h1>关于西村第${n}批扶贫项目的公示</h1><div class="TRS_Editor"><p>现将第${n}批项目公示如下，公示期为2020年2月1${n}日至2月2${n}日。</p></div>`,
          ),
        ),
    );
  return site;
}

function addPlainSource(store: Store, site: FaultServer): void {
  const body = store.bodies.list()[0];
  store.sources.upsert({
    id: 'plain-web',
    bodyId: body?.id as string,
    kind: 'website',
    channel: '政府网站',
    start: [site.url('/list/index.html')],
    scope: [site.url('/list/')],
    render: 'static',
    schedule: '0 6 * * *',
    concurrency: 2,
    delayMs: 0,
    allowPrivate: true,
    selectors: {},
    extra: {},
  });
}

/** The demo web (and a column without validators) crawled on four March days and once in May, two runs left open. */
async function buildCrawledStore(dir: string): Promise<void> {
  const { server, store } = await demoSetup(dir);
  const plain = await startPlainSite();
  addPlainSource(store, plain);
  const effects = demoEffects(store, () => server.today);
  try {
    const sources = store.sources.list().filter((s) => s.kind !== 'offline');
    expect(sources.slice(0, OPEN_SOURCES).map((s) => s.id)).not.toContain('plain-web');
    const passes = async (day: string, list: typeof sources) => {
      server.today = day;
      for (const s of list) await crawlSource(effects, s, { trigger: 'schedule' });
    };
    for (const day of ['2020-03-02', '2020-03-09', '2020-03-16', '2020-03-23']) await passes(day, sources);
    server.today = '2020-03-30';
    const open = sources.slice(0, OPEN_SOURCES);
    for (const s of open) {
      const stop = new AbortController();
      const report = await crawlSource(effects, s, {
        trigger: 'schedule',
        signal: stop.signal,
        onProgress: (p) => {
          if (p.done >= 3) stop.abort();
        },
      });
      expect(report.status).toBe('interrupted');
    }
    const killed = store.runs.unfinished(open[1]?.id as string);
    store.db
      .prepare("UPDATE crawl_runs SET status = 'running', finished_at = NULL WHERE id = ?")
      .run(killed?.id);
    await passes('2020-05-04', sources.slice(OPEN_SOURCES));
    referenced = pointReferencesAtUnchangedFetches(store);
  } finally {
    await effects.close();
    store.close();
    await server.close();
    await plain.close();
  }
}

// A version, an attachment and a removal pointed at fetches that would otherwise be aggregated away.
function pointReferencesAtUnchangedFetches(store: Store): number[] {
  const candidates = expectedDeletions(fetchRows(store), runRows(store), store).slice(0, 3);
  const [forVersion, forAttachment, forRemoval] = candidates;
  const version = store.db.prepare('SELECT id FROM post_versions ORDER BY id LIMIT 1').get() as {
    id: number;
  };
  const attachment = store.db.prepare('SELECT id FROM attachments ORDER BY id LIMIT 1').get() as
    | { id: number }
    | undefined;
  expect(attachment, 'the demo crawl stores attachments').toBeDefined();
  store.db.prepare('UPDATE post_versions SET fetch_id = ? WHERE id = ?').run(forVersion, version.id);
  store.db.prepare('UPDATE attachments SET fetch_id = ? WHERE id = ?').run(forAttachment, attachment?.id);
  store.db
    .prepare("UPDATE posts SET removal_fetch_id = ?, removed_at = '2020-03-20T02:00:00.000Z' WHERE id = 1")
    .run(forRemoval);
  return candidates;
}

const fetchRows = (store: Store): FetchRow[] =>
  store.db
    .prepare('SELECT id, run_id, source_id, url, at, outcome, body_sha256 FROM fetches ORDER BY id')
    .all() as FetchRow[];

const runRows = (store: Store): RunRow[] =>
  store.db
    .prepare('SELECT id, status, scope, started_at, finished_at FROM crawl_runs ORDER BY id')
    .all() as RunRow[];

const isOpen = (run: RunRow | undefined) => run?.status === 'running' || run?.status === 'interrupted';

/** The fetch ids retention should remove, worked out row by row from the rule as documented. */
function expectedDeletions(fetches: FetchRow[], runs: RunRow[], store: Store): number[] {
  const runsById = new Map(runs.map((r) => [r.id, r]));
  const refs = new Set(
    (
      store.db
        .prepare(
          `SELECT fetch_id AS id FROM post_versions UNION SELECT fetch_id FROM attachments WHERE fetch_id IS NOT NULL
           UNION SELECT removal_fetch_id FROM posts WHERE removal_fetch_id IS NOT NULL`,
        )
        .all() as { id: number }[]
    ).map((r) => r.id),
  );
  const newestBody = new Map<string, number>();
  for (const f of fetches) if (f.outcome === 'fetched' && f.body_sha256) newestBody.set(f.url, f.id);
  const previousBody = new Map<string, string | null>();
  const deleted: number[] = [];
  for (const f of fetches) {
    const before = previousBody.get(f.url);
    if (f.outcome === 'fetched') previousBody.set(f.url, f.body_sha256);
    if (f.at >= CUTOFFS.fetchesBefore) continue;
    if (f.run_id !== null && isOpen(runsById.get(f.run_id))) continue;
    const unchanged =
      f.outcome === 'not_modified' ||
      (f.outcome === 'fetched' && f.body_sha256 !== null && f.body_sha256 === before);
    if (unchanged && newestBody.get(f.url) !== f.id && !refs.has(f.id)) deleted.push(f.id);
  }
  return deleted;
}

const chinaMonth = (at: string) => new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 7);

const frontierCounts = (store: Store) =>
  new Map(
    (
      store.db.prepare('SELECT run_id, count(*) AS n FROM frontier GROUP BY run_id').all() as {
        run_id: number;
        n: number;
      }[]
    ).map((r) => [r.run_id, r.n]),
  );

const TABLES = [
  'fetches',
  'fetch_aggregates',
  'frontier',
  'crawl_runs',
  'blobs',
  'post_versions',
  'attachments',
  'posts',
];

/** Every row of the tables retention reads or writes. */
function contents(store: Store): Record<string, unknown[]> {
  return Object.fromEntries(
    TABLES.map((t) => [t, store.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]),
  );
}

/** A fresh copy of the crawled store for one test. */
function crawledStore(): Store {
  const file = path.join(tempDir(), 'gongkai.db');
  copyFileSync(path.join(baseDir, 'gongkai.db'), file);
  return openStore(file);
}

beforeAll(async () => {
  baseDir = mkdtempSync(path.join(tmpdir(), 'gongkai-retention-'));
  await buildCrawledStore(baseDir);
}, 180_000);

afterAll(() => {
  rmSync(baseDir, { recursive: true, force: true });
});

describe('applyRetention', () => {
  it('aggregates exactly the old unchanged fetches into monthly counts', async () => {
    const store = crawledStore();
    try {
      const before = fetchRows(store);
      const expected = expectedDeletions(before, runRows(store), store);
      expect(expected.length).toBeGreaterThan(100);
      await applyRetention(store.retention, CUTOFFS, { batchSize: 97 });
      const kept = new Set(fetchRows(store).map((f) => f.id));
      expect(before.filter((f) => !kept.has(f.id)).map((f) => f.id)).toEqual(expected);

      const months = new Map<string, { count: number; firstAt: string; lastAt: string }>();
      for (const f of before.filter((r) => !kept.has(r.id))) {
        const key = [f.url, f.source_id, chinaMonth(f.at), f.outcome].join(' ');
        const m = months.get(key) ?? { count: 0, firstAt: f.at, lastAt: f.at };
        months.set(key, {
          count: m.count + 1,
          firstAt: [f.at, m.firstAt].sort()[0] as string,
          lastAt: [f.at, m.lastAt].sort()[1] as string,
        });
      }
      const aggregates = store.retention.aggregates();
      expect(
        new Map(
          aggregates.map((a) => [
            [a.url, a.sourceId, a.month, a.outcome].join(' '),
            { count: a.count, firstAt: a.firstAt, lastAt: a.lastAt },
          ]),
        ),
      ).toEqual(months);
      expect(aggregates.some((a) => a.outcome === 'not_modified')).toBe(true);
      expect(aggregates.some((a) => a.outcome === 'fetched')).toBe(true);
      expect(aggregates.some((a) => a.count > 1)).toBe(true);
    } finally {
      store.close();
    }
  });

  it('keeps every fetch a version, an attachment or a removal refers to', async () => {
    const store = crawledStore();
    try {
      expect(referenced).toHaveLength(3);
      await applyRetention(store.retention, CUTOFFS);
      for (const id of referenced) expect(store.fetches.get(id), `fetch ${id}`).toBeDefined();
      const dangling = store.db
        .prepare(
          `SELECT count(*) AS n FROM post_versions v WHERE NOT EXISTS (SELECT 1 FROM fetches f WHERE f.id = v.fetch_id)`,
        )
        .get() as { n: number };
      expect(dangling.n).toBe(0);
      expect(store.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      store.close();
    }
  });

  it("keeps each URL's newest body, every distinct body it had, and every blob", async () => {
    const store = crawledStore();
    try {
      const urls = [...new Set(fetchRows(store).map((f) => f.url))];
      const newest = urls.map((u) => store.fetches.lastFetched(u)?.id);
      const bodies = () =>
        store.db
          .prepare(
            "SELECT DISTINCT url, body_sha256 FROM fetches WHERE outcome = 'fetched' ORDER BY url, body_sha256",
          )
          .all();
      const bodiesBefore = bodies();
      const blobsBefore = store.db.prepare('SELECT sha256, size FROM blobs ORDER BY sha256').all();
      await applyRetention(store.retention, CUTOFFS);
      expect(urls.map((u) => store.fetches.lastFetched(u)?.id)).toEqual(newest);
      expect(bodies()).toEqual(bodiesBefore);
      expect(store.db.prepare('SELECT sha256, size FROM blobs ORDER BY sha256').all()).toEqual(blobsBefore);
    } finally {
      store.close();
    }
  });

  it('leaves the fetches and the frontier of open runs alone', async () => {
    const store = crawledStore();
    try {
      const open = runRows(store).filter(isOpen);
      expect(open.map((r) => r.status).sort()).toEqual(['interrupted', 'running']);
      const ofOpen = () =>
        fetchRows(store)
          .filter((f) => open.some((r) => r.id === f.run_id))
          .map((f) => f.id);
      const fetchesBefore = ofOpen();
      const frontierBefore = frontierCounts(store);
      expect(fetchesBefore.length).toBeGreaterThan(0);
      await applyRetention(store.retention, CUTOFFS);
      expect(ofOpen()).toEqual(fetchesBefore);
      const frontierAfter = frontierCounts(store);
      for (const r of open) {
        expect(frontierAfter.get(r.id)).toBeGreaterThan(0);
        expect(frontierAfter.get(r.id)).toBe(frontierBefore.get(r.id));
      }
    } finally {
      store.close();
    }
  });

  it('deletes the frontier of runs finished before the cutoff, and only theirs', async () => {
    const store = crawledStore();
    try {
      const runs = runRows(store);
      const before = frontierCounts(store);
      const old = runs.filter(
        (r) => !isOpen(r) && r.finished_at !== null && r.finished_at < CUTOFFS.frontierBefore,
      );
      expect(old.filter((r) => before.has(r.id)).length).toBeGreaterThan(10);
      const result = await applyRetention(store.retention, CUTOFFS);
      const after = frontierCounts(store);
      for (const r of runs)
        if (old.includes(r)) expect(after.has(r.id), `run ${r.id}`).toBe(false);
        else expect(after.get(r.id), `run ${r.id}`).toBe(before.get(r.id));
      expect(result.runsCleared).toBe(old.filter((r) => before.has(r.id)).length);
      expect(result.frontierDeleted).toBe(old.reduce((n, r) => n + (before.get(r.id) ?? 0), 0));
    } finally {
      store.close();
    }
  });

  it('changes nothing when run a second time', async () => {
    const store = crawledStore();
    try {
      await applyRetention(store.retention, CUTOFFS);
      const once = contents(store);
      expect(await applyRetention(store.retention, CUTOFFS)).toEqual({
        fetchesAggregated: 0,
        aggregateRows: 0,
        frontierDeleted: 0,
        runsCleared: 0,
      });
      expect(store.retention.plan(CUTOFFS).fetchesAggregated).toBe(0);
      expect(contents(store)).toEqual(once);
    } finally {
      store.close();
    }
  });

  it('does what its plan predicted', async () => {
    const store = crawledStore();
    try {
      const plan = store.retention.plan(CUTOFFS);
      expect(plan.fetchesAggregated).toBeGreaterThan(0);
      expect(plan.aggregateRows).toBeGreaterThan(0);
      expect(plan.runsCleared).toBeGreaterThan(0);
      expect(await applyRetention(store.retention, CUTOFFS, { batchSize: 50 })).toEqual(plan);
    } finally {
      store.close();
    }
  });

  it('adds to a month aggregated before and predicts that too', async () => {
    const store = crawledStore();
    try {
      const first = { ...CUTOFFS, fetchesBefore: '2020-03-12T00:00:00.000Z' };
      await applyRetention(store.retention, first);
      const aggregatesBefore = store.retention.aggregates();
      const marchCounts = aggregatesBefore.reduce((n, a) => n + a.count, 0);
      const plan = store.retention.plan(CUTOFFS);
      const result = await applyRetention(store.retention, CUTOFFS);
      expect(result).toEqual(plan);
      const total = store.retention.aggregates().reduce((n, a) => n + a.count, 0);
      expect(total).toBe(marchCounts + result.fetchesAggregated);
      expect(store.retention.aggregates().length).toBe(aggregatesBefore.length + result.aggregateRows);
    } finally {
      store.close();
    }
  });
});

describe('gongkai maintain', () => {
  const cli = (args: string[]) =>
    runCli(['maintain', '--db', path.join(tempDir(), 'gongkai.db'), '--json', ...args], { cwd: tempDir() });
  // 2020-04-14 China time, 1 day and 25 days back: the cutoffs above in the CLI's terms.
  const days = ['--today', '2020-04-14', '--days', '1', '--frontier-days', '26'];

  it('--dry-run reports what it would do and leaves the database unchanged', async () => {
    const store = crawledStore();
    const before = contents(store);
    const plan = store.retention.plan({
      fetchesBefore: '2020-04-13T16:00:00.000Z',
      frontierBefore: '2020-03-19T16:00:00.000Z',
    });
    store.close();
    const dry = await cli(['--dry-run', ...days]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.json()).toMatchObject({ dryRun: true, ...plan });
    expect(plan.fetchesAggregated).toBeGreaterThan(0);
    const after = openStore(path.join(tempDir(), 'gongkai.db'));
    try {
      expect(contents(after)).toEqual(before);
    } finally {
      after.close();
    }
    const applied = await cli(days);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.json()).toMatchObject({ dryRun: false, ...plan });
  });
});

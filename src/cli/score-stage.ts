import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Catalog, IsoDate, ItemId, WorkingCalendar } from '../catalog/index.js';
import {
  type Finding,
  type Obligation,
  type PrivacyKind,
  type Scheme,
  type Scorecard,
  type ScoringBody,
  type ScoringClaim,
  type ScoringOffline,
  type ScoringPost,
  type ScoringRecord,
  type ScoringResult,
  type ScoringSource,
  scoreYear,
} from '../scoring/index.js';
import type {
  Body,
  Claim,
  JsonPart,
  OfflineEvidence,
  PostForScoring,
  ScoreInput,
  Source,
  Store,
  StoredRecord,
} from '../store/index.js';

export interface ScoreOptions {
  catalog: Catalog;
  calendar: WorkingCalendar;
  scheme: Scheme;
  year: number;
  today: IsoDate;
  /** Bodies scored together at most (a township always with its villages); bounds memory at province scale. */
  chunkBodies?: number;
  /** Keep every part's result in memory for the caller (default); off, only the stored run remains. */
  collect?: boolean;
}

const PRIVACY_KINDS: readonly PrivacyKind[] = ['id_number', 'bank_card', 'mobile'];

// Exposure in any version counts: the data was public; `fixed` says the current version no longer shows it.
function privacyOf(p: PostForScoring): ScoringPost['privacy'] {
  return PRIVACY_KINDS.flatMap((kind) => {
    const count = p.privacyEver.find((x) => x.kind === kind)?.count ?? 0;
    if (count === 0) return [];
    const now = p.match.privacy.find((x) => x.kind === kind)?.count ?? 0;
    return [{ kind, count, fixed: now === 0 }];
  });
}

const sameItems = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** A stored post as scoring reads it; a reviewer's decision overrides what the matchers read. */
export function toScoringPost(p: PostForScoring): ScoringPost {
  const review = p.review as {
    items?: string[];
    publishedAt?: string | null;
    formedAt?: string | null;
    publisherBody?: string | null;
    records?: number[];
  } | null;
  return {
    id: p.id,
    sourceId: p.sourceId,
    url: p.url,
    title: p.title ?? p.url,
    firstSeen: p.firstSeen,
    removedAt: p.removedAt,
    versionId: p.versionId,
    fetchId: p.fetchId,
    sha256: p.bodySha256,
    items: (review?.items ?? p.match.items.map((i) => i.id)) as ItemId[],
    publishedAt: review?.publishedAt !== undefined ? review.publishedAt : p.match.publishedAt,
    formedAt: review?.formedAt !== undefined ? review.formedAt : p.match.formedAt,
    notice: p.match.notice,
    publisherBodyId: review?.publisherBody !== undefined ? review.publisherBody : p.match.publisherBody,
    // The matchers read the elements of the items they chose; a reviewer who changed the items leaves them unknown.
    elements:
      review?.items === undefined ||
      sameItems(
        review.items,
        p.match.items.map((i) => i.id),
      )
        ? p.match.elements
        : { present: [], missing: [] },
    privacy: privacyOf(p),
    interpretationOf: p.match.interpretationOf,
    docNo: p.match.docNo,
    recordIds: review?.records ?? p.recordIds,
    reviewed: review !== null,
  };
}

/** A claim with the page gongkai fetched from its link (its title, its own date, the fetch that keeps it). */
/** A registered body as scoring reads it. */
export const toScoringBody = (b: Body): ScoringBody => ({
  id: b.id,
  name: b.name,
  level: b.level,
  parentId: b.parentId,
  role: b.role,
  active: b.active,
});

/** A source as scoring reads it: whose it is, its channel, and whether it is still crawled. */
export const toScoringSource = (s: Source): ScoringSource => ({
  id: s.id,
  bodyId: s.bodyId,
  kind: s.kind,
  channel: s.channel,
  active: s.active,
});

/** An imported record as scoring reads it. */
export const toScoringRecord = (r: StoredRecord): ScoringRecord => ({
  id: r.id,
  item: r.item,
  row: r.row,
  bodyId: r.bodyId,
  title: r.title,
  refNo: r.refNo,
  formed: r.formed,
  amount: r.amount,
});

/** An entered offline posting as scoring reads it. */
export function toScoringOffline(o: OfflineEvidence): ScoringOffline {
  return {
    id: o.id,
    bodyId: o.bodyId,
    item: o.item,
    recordId: o.recordId,
    channel: o.channel,
    title: o.title,
    postedFrom: o.postedFrom,
    postedTo: o.postedTo,
    statedDays: o.statedDays,
  };
}

function toScoringClaim(store: Store, c: Claim): ScoringClaim {
  const post = c.postId !== null ? store.posts.get(c.postId) : undefined;
  const version = post?.currentVersionId ? store.posts.version(post.currentVersionId) : undefined;
  const match = version ? store.matches.get(version.id) : undefined;
  return {
    id: c.id,
    bodyId: c.bodyId,
    obligationKey: c.obligationKey,
    url: c.url,
    status: c.status,
    publishedOn: c.publishedOn,
    by: c.by,
    at: c.at,
    reviewedBy: c.reviewedBy,
    reviewedAt: c.reviewedAt,
    post: post
      ? {
          id: post.id,
          title: post.title,
          publishedAt: match?.publishedAt ?? post.publishedAt?.slice(0, 10) ?? null,
          firstSeen: post.firstSeen,
          versionId: version?.id ?? null,
          fetchId: version?.fetchId ?? null,
          sha256: version?.bodySha256 ?? null,
        }
      : null,
  };
}

/**
 * The cards of a stored run with their findings put back (from the run's findings, by body: a township's card
 * with its villages takes theirs too), or without them when only the figures are wanted.
 */
export function readScorecards(
  store: Store,
  runId: number,
  options: { scope?: Scorecard['scope']; findings?: boolean } = {},
): Scorecard[] {
  const cards = store.scores.scorecards<Scorecard>(runId, options.scope).map((row) => row.data);
  if (options.findings === false) return cards;
  const byBody = new Map<string, Finding[]>();
  for (const row of store.scores.findings<Finding>(runId)) {
    const list = byBody.get(row.bodyId);
    if (list) list.push(row.data);
    else byBody.set(row.bodyId, [row.data]);
  }
  const children = new Map<string, string[]>();
  for (const b of store.bodies.list({ includeRetired: true }))
    if (b.parentId) children.set(b.parentId, [...(children.get(b.parentId) ?? []), b.id]);
  return cards.map((card) => {
    const members =
      card.scope === 'with_villages' ? [card.body.id, ...(children.get(card.body.id) ?? [])] : [card.body.id];
    return { ...card, findings: members.flatMap((id) => byBody.get(id) ?? []) };
  });
}

// Townships travel with their villages (a village's website is its township's); other bodies alone.
function chunksOf(bodies: readonly ScoringBody[], size: number): ScoringBody[][] {
  const groups = new Map<string, ScoringBody[]>();
  for (const b of bodies) {
    const key = b.level === 'village' && b.parentId ? b.parentId : b.id;
    const group = groups.get(key);
    if (group) group.push(b);
    else groups.set(key, [b]);
  }
  const chunks: ScoringBody[][] = [[]];
  for (const group of groups.values()) {
    const last = chunks.at(-1) as ScoringBody[];
    if (last.length > 0 && last.length + group.length > size) chunks.push([...group]);
    else last.push(...group);
  }
  return chunks.filter((c) => c.length > 0);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const group = out.get(key(row));
    if (group) group.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

/** What every part of a stage reads once: the bodies, and by body its sources, offline postings and claims. */
export interface StageData {
  bodies: ScoringBody[];
  sources: Map<string, ScoringSource[]>;
  offline: Map<string, ScoringOffline[]>;
  claims: Map<string, ScoringClaim[]>;
}

export function loadStageData(store: Store): StageData {
  return {
    bodies: store.bodies.list({ includeRetired: true }).map(toScoringBody),
    sources: groupBy(store.sources.list({ includeRetired: true }).map(toScoringSource), (s) => s.bodyId),
    offline: groupBy(store.offlineEvidence.list().map(toScoringOffline), (o) => o.bodyId),
    claims: groupBy(
      store.claims.list().map((c) => toScoringClaim(store, c)),
      (c) => c.bodyId,
    ),
  };
}

/** The rules and the day a stage scores by. */
export type PartOptions = Pick<ScoreOptions, 'catalog' | 'calendar' | 'scheme' | 'year' | 'today'>;

/** One part scored: the hash of its inputs and its result. */
export interface ScoredPart {
  index: number;
  hash: string;
  result: ScoringResult;
}

/**
 * A part's rows as the store keeps them, their `data` still objects: the store turns each into JSON text as it
 * writes it, so the text of a whole part is never held at once.
 */
function rowsOf(result: ScoringResult): Omit<ScoreInput<Obligation, Finding, Scorecard>, 'run'> {
  return {
    obligations: result.obligations.map((o) => ({
      key: o.key,
      bodyId: o.bodyId,
      item: o.item,
      status: o.status,
      due: o.due,
      data: o,
    })),
    findings: result.findings.map((f) => ({ bodyId: f.bodyId, kind: f.kind, item: f.item, data: f })),
    // A card's findings are the rows above (its body's, or its township's and villages'): not stored twice.
    scorecards: result.scorecards.map((c) => ({
      bodyId: c.body.id,
      scope: c.scope,
      data: { ...c, findings: [] },
    })),
  };
}

/** A part's rows as JSON text (what a worker thread sends the thread that writes them). */
export function jsonRows(result: ScoringResult): JsonPart {
  const rows = rowsOf(result);
  return {
    obligations: rows.obligations.map((o) => ({ ...o, data: JSON.stringify(o.data) })),
    findings: rows.findings.map((f) => ({ ...f, data: JSON.stringify(f.data) })),
    scorecards: rows.scorecards.map((c) => ({ ...c, data: JSON.stringify(c.data) })),
  };
}

/** Reads one part of the bodies from the store (their sources' posts and crawl days, records …) and scores it. */
export function scorePart(
  store: Store,
  data: StageData,
  chunk: readonly ScoringBody[],
  options: PartOptions,
  index = 0,
): ScoredPart {
  const chunkSources = chunk.flatMap((b) => data.sources.get(b.id) ?? []);
  const sourceIds = chunkSources.map((s) => s.id);
  const facts = {
    year: options.year,
    today: options.today,
    bodies: [...chunk],
    sources: chunkSources,
    // A crawl day stands for its runs: the scoring reads the China day and whether a crawl reached the source.
    runs: store.scoringView
      .runDaysOf(sourceIds)
      .map((r) => ({ sourceId: r.sourceId, startedAt: `${r.day}T04:00:00.000Z`, ok: r.ok, runId: r.runId })),
    records: store.records.ofBodies(chunk.map((b) => b.id)).map(toScoringRecord),
    posts: store.scoringView.postsOf(sourceIds).map(toScoringPost),
    offline: chunk.flatMap((b) => data.offline.get(b.id) ?? []),
    claims: chunk.flatMap((b) => data.claims.get(b.id) ?? []),
  };
  const hash = createHash('sha256').update(JSON.stringify(facts)).digest('hex');
  const result = scoreYear({
    ...facts,
    catalog: options.catalog,
    calendar: options.calendar,
    scheme: options.scheme,
  });
  return { index, hash, result };
}

/** The parts a stage scores, in order: at most `size` bodies each, a township always with its villages. */
export function partsOf(bodies: readonly ScoringBody[], size = DEFAULT_PART_BODIES): ScoringBody[][] {
  return chunksOf(bodies, size);
}

const DEFAULT_PART_BODIES = 50;

// The stage's identity: the rules, the day, and each part's inputs in order (the same for any number of workers).
function stageHash(options: PartOptions, partHashes: readonly string[]): string {
  const { catalog, calendar, scheme, year, today } = options;
  const hash = createHash('sha256').update(
    JSON.stringify({ catalog: catalog.id, scheme, year, today, calendar: calendar.source }),
  );
  for (const h of partHashes) hash.update(h);
  return hash.digest('hex');
}

function beginRun(store: Store, options: PartOptions): number {
  return store.scores.begin({
    year: options.year,
    today: options.today,
    scheme: options.scheme.id,
    catalog: options.catalog.id,
    inputsSha256: '',
    summary: {},
  });
}

interface Tally {
  obligations: number;
  findings: number;
  bodies: number;
}

function tally(
  counts: Tally,
  rows: {
    obligations: readonly unknown[];
    findings: readonly unknown[];
    scorecards: readonly { scope: string }[];
  },
): void {
  counts.obligations += rows.obligations.length;
  counts.findings += rows.findings.length;
  counts.bodies += rows.scorecards.filter((c) => c.scope === 'own').length;
}

/**
 * Scores the year from the store, a part of the bodies at a time, and stores the run (obligations, findings,
 * cards) for the dashboard, the API and reports. The inputs' hash identifies exactly the data scored. A stage that
 * fails leaves no run behind.
 */
export function runScoreStage(store: Store, options: ScoreOptions): { runId: number; result: ScoringResult } {
  const data = loadStageData(store);
  const runId = beginRun(store, options);
  const result: ScoringResult = { obligations: [], findings: [], scorecards: [] };
  const counts: Tally = { obligations: 0, findings: 0, bodies: 0 };
  const hashes: string[] = [];
  try {
    for (const chunk of partsOf(data.bodies, options.chunkBodies)) {
      const part = scorePart(store, data, chunk, options);
      store.scores.append(runId, rowsOf(part.result));
      hashes.push(part.hash);
      tally(counts, part.result);
      if (options.collect === false) continue;
      result.obligations.push(...part.result.obligations);
      result.findings.push(...part.result.findings);
      result.scorecards.push(...part.result.scorecards);
    }
  } catch (error) {
    store.scores.discard(runId);
    throw error;
  }
  store.scores.finish(runId, stageHash(options, hashes), { ...counts, calendar: options.calendar.source });
  return { runId, result };
}

/** What a scoring worker is started with: the database, the rules, the day. */
export interface ScoreWorkerSetup {
  db: string;
  catalog: Catalog;
  scheme: Scheme;
  year: number;
  today: IsoDate;
  /** The district calendar file the shell loaded (the worker loads the same). */
  calendarFile: string | undefined;
}

/** A worker's answer for one part. */
export interface ScoreWorkerReply {
  index: number;
  hash?: string;
  rows?: JsonPart;
  error?: string;
}

/**
 * `runScoreStage` with the parts scored by worker threads (reading the same database) while this thread writes
 * them in order: for a province on a machine with more than one core. The stored run is the same.
 */
export async function runScoreStageParallel(
  store: Store,
  options: Omit<ScoreOptions, 'collect'> & { workers: number; calendarFile: string | undefined },
): Promise<{ runId: number }> {
  const data = loadStageData(store);
  const parts = partsOf(data.bodies, options.chunkBodies);
  const runId = beginRun(store, options);
  const setup: ScoreWorkerSetup = {
    db: store.path,
    catalog: options.catalog,
    scheme: options.scheme,
    year: options.year,
    today: options.today,
    calendarFile: options.calendarFile,
  };
  const workers = Array.from(
    { length: Math.max(1, Math.min(options.workers, parts.length)) },
    () =>
      new Worker(new URL('./score-worker-entry.mjs', import.meta.url), {
        workerData: { setup, module: new URL('./score-worker.ts', import.meta.url).href },
      }),
  );
  const counts: Tally = { obligations: 0, findings: 0, bodies: 0 };
  const hashes: string[] = [];
  const done = new Map<number, { hash: string; rows: JsonPart }>();
  let next = 0;
  let written = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      // Each worker keeps two parts in hand; no more than a few parts wait to be written, so memory stays bounded.
      const window = workers.length * 3;
      const inHand = new Map<Worker, number>(workers.map((w) => [w, 0]));
      const give = () => {
        for (const [worker, held] of inHand) {
          for (let h = held; h < 2 && next < parts.length && next - written < window; h += 1) {
            worker.postMessage({ index: next, bodyIds: (parts[next] as ScoringBody[]).map((b) => b.id) });
            inHand.set(worker, (inHand.get(worker) ?? 0) + 1);
            next += 1;
          }
        }
      };
      for (const worker of workers) {
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0 && written < parts.length)
            reject(new Error(`scoring worker exited with code ${code}`));
        });
        worker.on('message', (reply: ScoreWorkerReply) => {
          if (reply.error || !reply.rows || reply.hash === undefined) {
            reject(new Error(reply.error ?? 'scoring worker sent no rows'));
            return;
          }
          inHand.set(worker, (inHand.get(worker) ?? 1) - 1);
          done.set(reply.index, { hash: reply.hash, rows: reply.rows });
          // Parts are written in order, so the run reads the same whichever worker finished first.
          for (let part = done.get(written); part; part = done.get(written)) {
            store.scores.appendJson(runId, part.rows);
            hashes.push(part.hash);
            tally(counts, part.rows);
            done.delete(written);
            written += 1;
          }
          if (written === parts.length) resolve();
          else give();
        });
      }
      if (parts.length === 0) resolve();
      else give();
    });
  } catch (error) {
    store.scores.discard(runId);
    throw error;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  store.scores.finish(runId, stageHash(options, hashes), { ...counts, calendar: options.calendar.source });
  return { runId };
}

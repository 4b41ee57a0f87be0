import { type ChannelName, type IsoDate, toDayNumber } from '../catalog/index.js';
import {
  channelSources,
  chinaDate,
  compareText,
  lastObserved,
  observed,
  postEvidence,
  pushTo,
  type ScoringContext,
} from './context.js';
import { standingKeys } from './obligations.js';
import type { Evidence, Obligation, ScoringClaim, ScoringOffline } from './types.js';

// A post with no link to a record is taken to disclose the latest record of its body and item formed before it,
// within this many days (a 实施前 notice precedes the 竣工 notice of the same project by months).
const FALLBACK_WINDOW_DAYS = 180;

const offlineEvidence = (o: ScoringOffline): Evidence => ({
  kind: 'offline',
  id: o.id,
  title: o.title ?? '',
  published: o.postedFrom,
  statedPublished: o.postedFrom,
});

// The longest run of characters two titles share: a project or fund name common to a post and a record.
// One row of the table kept between calls (code units compared, as indexing the strings would).
let runRow = new Int32Array(64);
function sharedRun(a: string, b: string): number {
  let best = 0;
  const n = b.length;
  if (runRow.length < n + 1) runRow = new Int32Array(2 * (n + 1));
  const prev = runRow;
  prev.fill(0, 0, n + 1);
  for (let i = 1; i <= a.length; i += 1) {
    const c = a.charCodeAt(i - 1);
    let diagonal = 0;
    for (let j = 1; j <= n; j += 1) {
      const above = prev[j] as number;
      const run = c === b.charCodeAt(j - 1) ? diagonal + 1 : 0;
      prev[j] = run;
      if (run > best) best = run;
      diagonal = above;
    }
  }
  return best;
}

const titleCore = (title: string) => title.replace(/(?:19|20)\d{2}年?度?/g, '').replace(/\s/g, '');

// A title's character pairs, for the share two titles have in common (Dice): tells 计划 from 计划批复, 实施前 from
// 竣工验收.
// (A pair is kept as its two UTF-16 code units in one number: the same pairs as the two-character slices.)
function pairsOf(s: string): Set<number> {
  const pairs = new Set<number>();
  for (let i = 0; i + 1 < s.length; i += 1) pairs.add(s.charCodeAt(i) * 65_536 + s.charCodeAt(i + 1));
  return pairs;
}

function pairOverlap(x: ReadonlySet<number>, y: ReadonlySet<number>): number {
  if (x.size + y.size === 0) return 0;
  let common = 0;
  for (const p of x) if (y.has(p)) common += 1;
  return (2 * common) / (x.size + y.size);
}

// A project notice is either before implementation (实施前公示) or after it (竣工、验收后公告); never mix them up.
const BEFORE = /实施前|拟实施|开工前|立项/;
const AFTER = /实施后|竣工|验收|完工|实施结果|完成情况/;
type Phase = 'before' | 'after' | undefined;
const phaseOf = (title: string): Phase =>
  AFTER.test(title) ? 'after' : BEFORE.test(title) ? 'before' : undefined;

/** A record as evidence is fitted to it, with what the fitting reads of it worked out once. */
interface RecordRef {
  id: number;
  title: string;
  formed: IsoDate;
  day: number;
  core: string;
  phase: Phase;
  pairs: ReadonlySet<number>;
}

function recordRef(id: number, title: string, formed: IsoDate): RecordRef {
  const core = titleCore(title);
  return { id, title, formed, day: toDayNumber(formed), core, phase: phaseOf(core), pairs: pairsOf(core) };
}

/** What a piece of evidence's title says, worked out once. */
interface TitleFacts {
  core: string;
  phase: Phase;
  pairs: ReadonlySet<number>;
}

const titleFacts = (title: string): TitleFacts => {
  const core = titleCore(title);
  return { core, phase: phaseOf(core), pairs: pairsOf(core) };
};

const phasesClash = (a: Phase, b: Phase) => a !== undefined && b !== undefined && a !== b;

/** How well a record fits a piece of evidence by title: the same phase, the longest shared name, shared pairs, recency. */
function titleFit(record: RecordRef, title: TitleFacts): number {
  if (phasesClash(title.phase, record.phase)) return -1;
  // Names shorter than four characters (a village's name) do not tell records apart.
  const shared = sharedRun(title.core, record.core);
  return (
    (shared >= 4 ? shared : 0) * 10_000 + pairOverlap(title.pairs, record.pairs) * 100 + record.day / 100_000
  );
}

/**
 * The record a piece of evidence shows: among its linked records (else all of the body's records of the item)
 * formed shortly before it, the best fit by title — preferring records no earlier evidence on this channel took.
 */
function chooseRecord(
  records: readonly RecordRef[],
  linked: readonly number[],
  title: string,
  anchor: IsoDate,
  taken: ReadonlySet<number>,
): RecordRef | undefined {
  if (records.length === 0) return undefined;
  const day = toDayNumber(anchor);
  const inWindow = (r: RecordRef) => r.day <= day + 3 && day - r.day <= FALLBACK_WINDOW_DAYS;
  // A link to the other phase of the same project (an 实施后 notice naming its 实施前 record) is no link.
  const phase = phaseOf(titleCore(title));
  const linkedRecords =
    linked.length === 0 ? [] : records.filter((r) => linked.includes(r.id) && !phasesClash(phase, r.phase));
  const base = linkedRecords.length > 0 ? linkedRecords : records;
  const window = base.filter(inWindow);
  const pool = window.length > 0 ? window : base.length === 1 ? base : [];
  const free = pool.filter((r) => !taken.has(r.id));
  const choices = free.length > 0 ? free : pool;
  if (choices.length <= 1) return choices[0];
  const facts = titleFacts(title);
  let best: RecordRef | undefined;
  let bestFit = Number.NEGATIVE_INFINITY;
  for (const r of choices) {
    const fit = titleFit(r, facts);
    if (fit > bestFit) {
      best = r;
      bestFit = fit;
    }
  }
  return best;
}

interface Candidate {
  item: string;
  bodyId: string;
  channel: ChannelName;
  title: string;
  anchor: IsoDate;
  linked: readonly number[];
  fixedRecord: number | null;
  keysOk: boolean;
  evidence: Evidence;
}

function candidatesOf(ctx: ScoringContext): Candidate[] {
  const fromPosts = ctx.posts.flatMap((f) =>
    f.post.items.map((item) => {
      const keys = standingKeys(item);
      return {
        item,
        bodyId: f.bodyId,
        channel: f.channel,
        title: f.post.title,
        anchor: f.post.formedAt ?? f.published,
        linked: f.post.recordIds,
        fixedRecord: null,
        keysOk: !keys || keys.some((k) => f.post.elements.present.includes(k)),
        evidence: postEvidence(f),
      };
    }),
  );
  const fromOffline = ctx.input.offline.map((o) => ({
    item: o.item,
    bodyId: o.bodyId,
    channel: o.channel,
    title: o.title ?? '',
    anchor: o.postedFrom,
    linked: [],
    fixedRecord: o.recordId,
    keysOk: true,
    evidence: offlineEvidence(o),
  }));
  return [...fromPosts, ...fromOffline].sort(
    (a, b) => compareText(a.evidence.published, b.evidence.published) || a.evidence.id - b.evidence.id,
  );
}

/**
 * Attaches crawled posts and offline postings to the obligations they show were met — or met on another
 * channel. Evidence is taken in date order, and a record already shown on a channel is the last choice for the
 * next piece, so a project's 实施前 and 竣工 notices go to their own records.
 */
export function attachEvidence(ctx: ScoringContext, obligations: readonly Obligation[]): void {
  // Per body and item: its records, the obligations of each record, and the standing obligations.
  const groups = new Map<
    string,
    { records: RecordRef[]; byRecord: Map<number, Obligation[]>; standing: Obligation[] }
  >();
  for (const o of obligations) {
    const key = `${o.bodyId}|${o.item}`;
    let group = groups.get(key);
    if (!group) {
      group = { records: [], byRecord: new Map(), standing: [] };
      groups.set(key, group);
    }
    if (o.origin !== 'record') group.standing.push(o);
    else if (o.record) {
      if (!group.byRecord.has(o.record.id) && o.formed)
        group.records.push(recordRef(o.record.id, o.record.title, o.formed));
      pushTo(group.byRecord, o.record.id, o);
    }
  }
  const taken = new Map<string, Set<number>>();
  for (const c of candidatesOf(ctx)) {
    const key = `${c.bodyId}|${c.item}`;
    const group = groups.get(key);
    if (!group) continue;
    let takenHere = taken.get(`${key}|${c.channel}`);
    if (!takenHere) {
      takenHere = new Set<number>();
      taken.set(`${key}|${c.channel}`, takenHere);
    }
    const pool = group.records;
    const record =
      c.fixedRecord !== null && pool.some((r) => r.id === c.fixedRecord)
        ? c.fixedRecord
        : chooseRecord(pool, c.linked, c.title, c.anchor, takenHere)?.id;
    if (record !== undefined) takenHere.add(record);
    const hits = [
      ...(record !== undefined ? (group.byRecord.get(record) ?? []) : []),
      ...(c.keysOk ? group.standing : []),
    ];
    for (const o of hits) {
      if (o.channel === c.channel) o.evidence.push(c.evidence);
      else if (!o.elsewhere.includes(c.channel)) o.elsewhere.push(c.channel);
    }
  }
}

const claimEvidence = (c: ScoringClaim): Evidence => ({
  kind: 'claim',
  id: c.id,
  title: c.post?.title ?? c.url,
  // The evaluator who confirmed the claim accepted the day the body gave (else the page's own date).
  published: c.publishedOn ?? c.post?.publishedAt ?? chinaDate(c.post?.firstSeen ?? c.at),
  statedPublished: c.publishedOn ?? c.post?.publishedAt ?? null,
  url: c.url,
  ...(c.post?.versionId ? { versionId: c.post.versionId } : {}),
  ...(c.post?.fetchId ? { fetchId: c.post.fetchId } : {}),
  ...(c.post?.sha256 ? { sha256: c.post.sha256 } : {}),
  ...(c.post ? { firstSeen: chinaDate(c.post.firstSeen) } : {}),
});

/**
 * A body's claims beside the obligations they answer: each is listed on its obligation, and a confirmed one is
 * evidence (an evaluator looked at the link); a pending or rejected one changes no status.
 */
export function applyClaims(ctx: ScoringContext, obligations: readonly Obligation[]): void {
  const claims = ctx.input.claims ?? [];
  if (claims.length === 0) return;
  const byKey = new Map(obligations.map((o) => [o.key, o]));
  for (const c of claims) {
    const o = byKey.get(c.obligationKey);
    if (!o || o.bodyId !== c.bodyId) continue;
    o.claims.push({ id: c.id, status: c.status, url: c.url, by: c.by, at: c.at, reviewedBy: c.reviewedBy });
    if (c.status === 'confirmed') o.evidence.push(claimEvidence(c));
  }
}

/** Decides each obligation's status on `today`: on time, late by N working days, pending, missing or unverifiable. */
export function decideStatus(ctx: ScoringContext, obligations: readonly Obligation[]): void {
  const { today, calendar } = ctx.input;
  for (const o of obligations) {
    const evidence = o.evidence
      .filter((e) => e.published <= today)
      .sort((a, b) => compareText(a.published, b.published));
    o.evidence = evidence;
    const first = evidence[0];
    if (first) {
      o.published = first.published;
      if (first.published <= o.due) o.status = 'on_time';
      else {
        o.status = 'late';
        o.workdaysLate = calendar.workingDaysBetween(o.due, first.published);
      }
    } else if (o.due === '9999-12-31') {
      o.status = 'pending';
      o.detail = '截止日期超出节假日数据覆盖范围，暂无法计算';
    } else if (today <= o.due) {
      o.status = 'pending';
      o.workdaysLeft = calendar.workingDaysBetween(today, o.due);
    } else if (o.channel === '政府网站' || o.channel === '两微一端') {
      const sources = channelSources(ctx, o.bodyId, o.channel);
      // No source registered: the body has no such site, so the absence is real. A source down all along: unknown.
      o.status = sources.length === 0 || observed(ctx, sources, o.due, today) ? 'missing' : 'unverifiable';
      if (o.status === 'missing') o.checked = lastObserved(ctx, sources, today);
    } else {
      o.status = 'missing';
    }
    if (o.status === 'missing') o.workdaysLate = calendar.workingDaysBetween(o.due, today);
  }
}

import { addCalendarDays, type ChannelName, type IsoDate, toDayNumber } from '../catalog/index.js';
import type { Evidence, ScoringBody, ScoringInput, ScoringPost, ScoringSource } from './types.js';

/** Orders strings by code point: the same on every machine, whatever its locale (and much faster). */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Adds `value` to the list kept under `key`. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The China date of an ISO instant (gongkai keeps instants in UTC). */
export function chinaDate(instant: string): IsoDate {
  // The common case read from the string itself: a UTC instant before 16:00 is the same day in China.
  if (instant.length >= 20 && instant.endsWith('Z') && instant[10] === 'T' && instant.slice(11, 13) < '16')
    return instant.slice(0, 10);
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A post with the facts scoring judges it by. */
export interface PostFacts {
  post: ScoringPost;
  source: ScoringSource;
  /** The body the post speaks for: its publisher when that is the source's body or one of its villages. */
  bodyId: string;
  channel: ChannelName;
  firstSeen: IsoDate;
  /** The date publication is judged on: the stated date, unless it is not credible (back-dated) or missing. */
  published: IsoDate;
  backdated: boolean;
  removed: IsoDate | null;
}

/** Indexes built once per scoring run. */
export interface ScoringContext {
  input: ScoringInput;
  bodies: Map<string, ScoringBody>;
  children: Map<string, ScoringBody[]>;
  sourcesOf: (bodyId: string) => ScoringSource[];
  okRunDays: Map<string, IsoDate[]>;
  /** Successful crawls by source, in date order, with their run ids where known. */
  okRuns: Map<string, { day: IsoDate; runId: number | null }[]>;
  posts: PostFacts[];
}

// A stated date this many days or more before the day gongkai first saw the post, with a successful crawl of the
// source in between that did not find it, is not credible.
const BACKDATE_MIN_DAYS = 3;

function okRunBetween(days: readonly IsoDate[] | undefined, after: IsoDate, before: IsoDate): boolean {
  return (days ?? []).some((d) => d > after && d < before);
}

function factsOf(post: ScoringPost, source: ScoringSource, ctx: Omit<ScoringContext, 'posts'>): PostFacts {
  const publisher = post.publisherBodyId ? ctx.bodies.get(post.publisherBodyId) : undefined;
  const own = publisher && (publisher.id === source.bodyId || publisher.parentId === source.bodyId);
  const firstSeen = chinaDate(post.firstSeen);
  const stated = post.publishedAt;
  const gap = stated ? toDayNumber(firstSeen) - toDayNumber(stated) : 0;
  const backdated =
    stated !== null &&
    gap >= BACKDATE_MIN_DAYS &&
    okRunBetween(ctx.okRunDays.get(source.id), stated, firstSeen);
  return {
    post,
    source,
    bodyId: own ? (publisher as ScoringBody).id : source.bodyId,
    channel: source.channel,
    firstSeen,
    published: backdated || !stated ? firstSeen : stated,
    backdated,
    removed: post.removedAt ? chinaDate(post.removedAt) : null,
  };
}

/** Builds the indexes of a scoring run. */
export function createContext(input: ScoringInput): ScoringContext {
  const bodies = new Map(input.bodies.map((b) => [b.id, b]));
  const children = new Map<string, ScoringBody[]>();
  for (const b of input.bodies) if (b.parentId) pushTo(children, b.parentId, b);
  const byBody = new Map<string, ScoringSource[]>();
  for (const s of input.sources) pushTo(byBody, s.bodyId, s);
  const okRunDays = new Map<string, IsoDate[]>();
  const okRuns = new Map<string, { day: IsoDate; runId: number | null }[]>();
  for (const r of input.runs) {
    if (!r.ok) continue;
    const day = chinaDate(r.startedAt);
    pushTo(okRunDays, r.sourceId, day);
    pushTo(okRuns, r.sourceId, { day, runId: r.runId ?? null });
  }
  for (const list of okRuns.values()) list.sort((a, b) => compareText(a.day, b.day));
  const sources = new Map(input.sources.map((s) => [s.id, s]));
  const base = {
    input,
    bodies,
    children,
    sourcesOf: (id: string) => byBody.get(id) ?? [],
    okRunDays,
    okRuns,
  };
  const posts = input.posts.flatMap((p) => {
    const source = sources.get(p.sourceId);
    return source ? [factsOf(p, source, base)] : [];
  });
  return { ...base, posts };
}

/** Whether some source of the body on a channel was reached after `from` and by `to` (its absence is then real). */
export function observed(
  ctx: ScoringContext,
  sources: readonly ScoringSource[],
  from: IsoDate,
  to: IsoDate,
): boolean {
  return sources.some((s) => (ctx.okRunDays.get(s.id) ?? []).some((d) => d > from && d <= to));
}

/** The latest successful crawl of any of the sources by `to` (the visit that last showed something absent). */
export function lastObserved(
  ctx: ScoringContext,
  sources: readonly ScoringSource[],
  to: IsoDate,
): { sourceId: string; day: IsoDate; runId: number | null } | null {
  let best: { sourceId: string; day: IsoDate; runId: number | null } | null = null;
  for (const s of sources)
    for (const r of ctx.okRuns.get(s.id) ?? [])
      if (r.day <= to && (!best || r.day > best.day)) best = { sourceId: s.id, ...r };
  return best;
}

/** The sources that can show a body's publication on a channel (a village's website is its township's). */
export function channelSources(ctx: ScoringContext, bodyId: string, channel: ChannelName): ScoringSource[] {
  const body = ctx.bodies.get(bodyId);
  const own = ctx.sourcesOf(bodyId).filter((s) => s.channel === channel && s.active);
  if (own.length > 0 || !body?.parentId || channel !== '政府网站') return own;
  return ctx.sourcesOf(body.parentId).filter((s) => s.channel === channel && s.active);
}

/** A crawled post as the evidence of what it shows: the version read, its fetch and hash, the day it counts from. */
export const postEvidence = (f: PostFacts): Evidence => ({
  kind: 'post',
  id: f.post.id,
  title: f.post.title,
  published: f.published,
  statedPublished: f.post.publishedAt,
  url: f.post.url,
  versionId: f.post.versionId,
  fetchId: f.post.fetchId,
  sha256: f.post.sha256,
  firstSeen: f.firstSeen,
});

/** Calendar days a notice stayed up, both ends counted. */
export function daysUp(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from) + 1;
}

export { addCalendarDays };

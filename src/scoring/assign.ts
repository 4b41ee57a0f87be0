import { type IsoDate, toDayNumber } from '../catalog/index.js';
import { channelSources, observed, type PostFacts, type ScoringContext } from './context.js';
import { standingKeys } from './obligations.js';
import type { Evidence, Obligation, ScoringOffline } from './types.js';

// A post with no link to a record is taken to disclose the latest record of its body and item formed before it,
// within this many days (a 实施前 notice precedes the 竣工 notice of the same project by months).
const FALLBACK_WINDOW_DAYS = 180;

const postEvidence = (f: PostFacts): Evidence => ({
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

const offlineEvidence = (o: ScoringOffline): Evidence => ({
  kind: 'offline',
  id: o.id,
  title: o.title ?? '',
  published: o.postedFrom,
  statedPublished: o.postedFrom,
});

/** The record obligation a piece of evidence without an explicit link most likely shows. */
function fallbackRecord(group: readonly Obligation[], anchor: IsoDate): Obligation | undefined {
  const day = toDayNumber(anchor);
  const before = group.filter(
    (o) =>
      o.formed && toDayNumber(o.formed) <= day + 3 && day - toDayNumber(o.formed) <= FALLBACK_WINDOW_DAYS,
  );
  if (before.length > 0) return before.reduce((a, b) => ((a.formed ?? '') >= (b.formed ?? '') ? a : b));
  return group.length === 1 ? group[0] : undefined;
}

function groupKey(bodyId: string, item: string, channel: string): string {
  return `${bodyId}|${item}|${channel}`;
}

/** Attaches crawled posts and offline postings to the obligations they show were met. */
export function attachEvidence(ctx: ScoringContext, obligations: readonly Obligation[]): void {
  const groups = new Map<string, Obligation[]>();
  for (const o of obligations) {
    const key = groupKey(o.bodyId, o.item, o.channel);
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  for (const f of ctx.posts) {
    for (const item of f.post.items) {
      const group = groups.get(groupKey(f.bodyId, item, f.channel));
      if (!group) continue;
      const records = group.filter((o) => o.origin === 'record');
      const linked = records.filter((o) => o.record && f.post.recordIds.includes(o.record.id));
      const targets =
        linked.length > 0
          ? linked
          : [fallbackRecord(records, f.post.formedAt ?? f.published)].filter(
              (o): o is Obligation => o !== undefined,
            );
      const keys = standingKeys(item);
      const standing = group.filter(
        (o) => o.origin === 'standing' && (!keys || keys.some((k) => f.post.elements.present.includes(k))),
      );
      for (const o of [...targets, ...standing]) o.evidence.push(postEvidence(f));
    }
  }
  for (const posting of ctx.input.offline) {
    const group = groups.get(groupKey(posting.bodyId, posting.item, posting.channel));
    if (!group) continue;
    const records = group.filter((o) => o.origin === 'record');
    const target =
      (posting.recordId !== null ? records.find((o) => o.record?.id === posting.recordId) : undefined) ??
      fallbackRecord(records, posting.postedFrom);
    const standing = group.filter((o) => o.origin === 'standing');
    for (const o of target ? [target] : standing) o.evidence.push(offlineEvidence(posting));
  }
}

/** Decides each obligation's status on `today`: on time, late by N working days, pending, missing or unverifiable. */
export function decideStatus(ctx: ScoringContext, obligations: readonly Obligation[]): void {
  const { today, calendar } = ctx.input;
  for (const o of obligations) {
    const evidence = o.evidence
      .filter((e) => e.published <= today)
      .sort((a, b) => a.published.localeCompare(b.published));
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
    } else {
      o.status = 'missing';
    }
    if (o.status === 'missing') o.workdaysLate = calendar.workingDaysBetween(o.due, today);
  }
}

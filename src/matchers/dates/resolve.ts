import { addCalendarDays, type IsoDate, toDayNumber } from '../../catalog/index.js';
import { toIso } from './calendar-date.js';
import type { DateMention } from './find-dates.js';

/**
 * The ISO date of a mention; a missing year comes from `reference` (the post's own date), taking the year
 * before when the day would otherwise fall more than `maxAheadDays` after the reference.
 */
export function resolveMention(
  mention: Pick<DateMention, 'year' | 'month' | 'day'>,
  reference?: IsoDate,
  maxAheadDays = 31,
): IsoDate | undefined {
  if (mention.year !== undefined) return toIso(mention.year, mention.month, mention.day);
  if (reference === undefined) return undefined;
  const year = Number(reference.slice(0, 4));
  const same = toIso(year, mention.month, mention.day);
  if (same === undefined) return toIso(year - 1, mention.month, mention.day);
  const limit = addCalendarDays(reference, maxAheadDays);
  return same > limit ? toIso(year - 1, mention.month, mention.day) : same;
}

/** The first date a short string states (a header value, a meta tag), as ISO. */
export function firstIsoDate(mentions: readonly DateMention[], reference?: IsoDate): IsoDate | undefined {
  for (const m of mentions) {
    const iso = resolveMention(m, reference);
    if (iso) return iso;
  }
  return undefined;
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

import { addCalendarDays, type IsoDate } from '../../catalog/index.js';
import { toIso } from '../dates/calendar-date.js';
import { type DateMention, findDates, splitMonthDay } from '../dates/find-dates.js';
import { daysBetween } from '../dates/resolve.js';
import { normaliseWidth } from '../text/normalise.js';

/** A range read from a window: its two ends (either may be missing) and where the text states them. */
export interface RangeReading {
  start?: IsoDate;
  end?: IsoDate;
  /** True when the start is stated as 即日 (the day of posting). */
  fromToday: boolean;
  /** The start was followed by 起 without an end (`自2022年8月30日起30日内`). */
  openStart: boolean;
}

const CONNECTOR = /^\s*(?:起\s*)?(?:至|到|—|–|－|-|~|～|－)+\s*/;
const DOT_END = /^(\d{1,2})\s*[.．/]\s*(\d{1,2})(?![\d.])/;
const DAY_END = /^(\d{1,2})\s*[日号](?!\d)/;
const RUN_END = /^(\d{3,4})\s*日/;
const MAX_NOTICE_DAYS = 120;

function resolveStart(
  mention: Pick<DateMention, 'year' | 'month' | 'day'>,
  reference: IsoDate | undefined,
): IsoDate | undefined {
  const year = mention.year ?? (reference ? Number(reference.slice(0, 4)) : undefined);
  return year === undefined ? undefined : toIso(year, mention.month, mention.day);
}

/** The end's year: the start's, or the next when the month/day comes before the start's (12-28 → 01-06). */
function endAfter(start: IsoDate, month: number, day: number): IsoDate | undefined {
  const year = Number(start.slice(0, 4));
  const same = toIso(year, month, day);
  if (same === undefined) return undefined;
  return same < start ? toIso(year + 1, month, day) : same;
}

function plausible(start: IsoDate, end: IsoDate): boolean {
  const days = daysBetween(start, end);
  return days >= 0 && days <= MAX_NOTICE_DAYS;
}

/** Reads the end written after a connector: a full date, `6月3日`, `5.21`, `21日`, or a garbled `1109日`. */
function readEnd(rest: string, start: IsoDate): IsoDate | undefined {
  const mention = findDates(rest)[0];
  if (mention && mention.start === 0 && mention.form !== 'garbled') {
    const end =
      mention.year !== undefined
        ? toIso(mention.year, mention.month, mention.day)
        : endAfter(start, mention.month, mention.day);
    if (end) return end;
  }
  const dot = DOT_END.exec(rest);
  if (dot) return endAfter(start, Number(dot[1]), Number(dot[2]));
  const run = RUN_END.exec(rest);
  if (run) {
    const ends = splitMonthDay(run[1] ?? '')
      .map((r) => endAfter(start, r.month, r.day))
      .filter((e): e is IsoDate => e !== undefined && plausible(start, e));
    return ends.sort()[0];
  }
  const day = DAY_END.exec(rest);
  if (day) return endAfter(start, Number(start.slice(5, 7)), Number(day[1]));
  return undefined;
}

/** Tries the readings of a garbled start (`2020113日` = 11-3 or 1-13) and keeps the one with a plausible end. */
function readPair(mention: DateMention, rest: string, reference: IsoDate | undefined) {
  const readings = [mention, ...(mention.alternatives ?? []).map((a) => ({ ...mention, ...a }))];
  let fallback: { start?: IsoDate; end?: IsoDate } | undefined;
  for (const reading of readings) {
    const start = resolveStart(reading, reference);
    if (!start) continue;
    const end = readEnd(rest, start);
    if (end && plausible(start, end)) return { start, end };
    fallback ??= { start };
  }
  return fallback ?? {};
}

/** The first range or dated start in a window that follows a notice keyword. */
export function readRange(window: string, reference: IsoDate | undefined): RangeReading {
  const text = normaliseWidth(window);
  const today = /即日/.exec(text);
  const first = findDates(text)[0];
  if (today && (!first || today.index < first.start)) {
    const connector = CONNECTOR.exec(text.slice(today.index + 2));
    const end =
      connector && reference
        ? readEnd(text.slice(today.index + 2 + connector[0].length), reference)
        : undefined;
    return {
      ...(reference ? { start: reference } : {}),
      ...(end ? { end } : {}),
      fromToday: true,
      openStart: !end,
    };
  }
  if (!first) return { fromToday: false, openStart: false };
  const after = text.slice(first.end);
  const connector = CONNECTOR.exec(after);
  if (!connector || /^\s*起\s*$/.test(connector[0])) {
    const start = resolveStart(first, reference);
    return { ...(start ? { start } : {}), fromToday: false, openStart: /^\s*起/.test(after) };
  }
  const pair = readPair(first, after.slice(connector[0].length), reference);
  return { ...pair, fromToday: false, openStart: false };
}

/** The last day of a calendar-day notice of `days` days that starts on `start`. */
export function calendarEnd(start: IsoDate, days: number): IsoDate {
  return addCalendarDays(start, days - 1);
}

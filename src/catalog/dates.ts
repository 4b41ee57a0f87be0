import { z } from 'zod';

/** A calendar date in China time, written `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** Thrown for a string that is not a real `YYYY-MM-DD` date. */
export class InvalidDateError extends Error {
  constructor(readonly input: string) {
    super(describeInvalidDate(input));
    this.name = 'InvalidDateError';
  }
}

function describeInvalidDate(input: string): string {
  const m = ISO_DATE.exec(input);
  if (!m) return `日期格式无效：“${input}”，应为 YYYY-MM-DD，例如 2020-05-12`;
  const [, y, mo, d] = m;
  if (Number(mo) < 1 || Number(mo) > 12) return `日期无效：${input}（没有 ${Number(mo)} 月）`;
  return `日期无效：${input}（${Number(y)}年${Number(mo)}月没有${Number(d)}日）`;
}

/** Returns the date if `input` is a real `YYYY-MM-DD` calendar date, else undefined. */
export function tryParseIsoDate(input: string): IsoDate | undefined {
  const m = ISO_DATE.exec(input);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return undefined;
  return input;
}

/** Validates a `YYYY-MM-DD` date, throwing `InvalidDateError` with a Chinese message. */
export function parseIsoDate(input: string): IsoDate {
  const date = tryParseIsoDate(input);
  if (date === undefined) throw new InvalidDateError(input);
  return date;
}

/** Days since 1970-01-01 for a valid ISO date; the unit of all calendar arithmetic. */
export function toDayNumber(date: IsoDate): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY
  );
}

/** The ISO date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return (toDayNumber(date) + 4) % 7;
}

/** The weekday in Chinese, e.g. 星期一. */
export function weekdayNameZh(date: IsoDate): string {
  return WEEKDAYS_ZH[weekdayOf(date)] ?? '';
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `start` to `end`, both ends counted (a notice of 5-12..5-21 lasts 10 days). */
export function calendarDaysInclusive(start: IsoDate, end: IsoDate): number {
  return toDayNumber(end) - toDayNumber(start) + 1;
}

/** The ISO date of a year, month (1–12) and day, clamped to the month's last day. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** The year of a date. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** A zod schema for a real `YYYY-MM-DD` date. */
export const IsoDateSchema = z.string().refine((value) => tryParseIsoDate(value) !== undefined, {
  error: (issue) => describeInvalidDate(String(issue.input)),
});

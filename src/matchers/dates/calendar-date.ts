import type { IsoDate } from '../../catalog/index.js';

/** Years a post's own dates may fall in; other four-digit numbers are amounts, codes or history. */
export const MIN_YEAR = 1980;
export const MAX_YEAR = 2099;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real day; the year is checked only when given. */
export function isRealDay(month: number, day: number, year = 2000): boolean {
  return (
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** True for a year a post's dates plausibly use. */
export function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** `YYYY-MM-DD` for a real day, else undefined. */
export function toIso(year: number, month: number, day: number): IsoDate | undefined {
  if (!isPlausibleYear(year) || !isRealDay(month, day, year)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

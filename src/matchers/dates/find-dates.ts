import { CN_DIGIT_CLASS, readDigitByDigit, readSmallNumber } from '../text/chinese-numerals.js';
import { normaliseWidth } from '../text/normalise.js';
import { isPlausibleYear, isRealDay } from './calendar-date.js';

/** How a date was written. */
export type DateForm = 'numeric' | 'chinese' | 'month-day' | 'garbled';

/** A date written in a text: where, as written, and its parts (the year is missing for `5月12日`). */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  year?: number;
  month: number;
  day: number;
  form: DateForm;
  /** Other readings of a garbled date (`2020113日` is 11-3 or 1-13), best first after `month`/`day`. */
  alternatives?: Array<{ month: number; day: number }>;
}

const CN = `[${CN_DIGIT_CLASS}]`;
const CN_SMALL = '[一二三四五六七八九十]{1,3}';

const NUMERIC =
  /(?<!\d)(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})(?!\d)\s*日?|([-/.])\s*(\d{1,2})\s*\4\s*(\d{1,2})(?![\d]))/g;
const CHINESE = new RegExp(`(${CN}{4})\\s*年\\s*(${CN_SMALL})\\s*月\\s*(${CN_SMALL})\\s*[日号]`, 'g');
const MONTH_DAY = /(?<![\d年./-])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号](?!\d)/g;
const CN_MONTH_DAY = new RegExp(`(?<![${CN_DIGIT_CLASS}十年])(${CN_SMALL})月(${CN_SMALL})[日号]`, 'g');
/** A year run into its month and day without 年/月: `2020610日`, `20201109日`. */
const GARBLED = /(?<!\d)((?:19|20)\d{2})(\d{2,4})日/g;

/** The month/day readings of 2–4 digits written together (`610` → 6-10; `113` → 11-3 and 1-13). */
export function splitMonthDay(digits: string): Array<{ month: number; day: number }> {
  const out: Array<{ month: number; day: number }> = [];
  for (let cut = 1; cut <= 2 && cut < digits.length; cut++) {
    const monthText = digits.slice(0, cut);
    const dayText = digits.slice(cut);
    if (dayText.length > 2 || (monthText.length === 2 && monthText[0] === '0' && cut === 1)) continue;
    const month = Number(monthText);
    const day = Number(dayText);
    if (isRealDay(month, day)) out.push({ month, day });
  }
  return out.sort((a, b) => b.month - a.month);
}

function pushNumeric(text: string, out: DateMention[]): void {
  for (const m of text.matchAll(NUMERIC)) {
    const year = Number(m[1]);
    const month = Number(m[2] ?? m[5]);
    const day = Number(m[3] ?? m[6]);
    if (!isPlausibleYear(year) || !isRealDay(month, day, year)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], year, month, day, form: 'numeric' });
  }
}

function pushChinese(text: string, out: DateMention[]): void {
  for (const m of text.matchAll(CHINESE)) {
    const year = readDigitByDigit(m[1] ?? '');
    const month = readSmallNumber(m[2] ?? '');
    const day = readSmallNumber(m[3] ?? '');
    if (year === undefined || month === undefined || day === undefined) continue;
    if (!isPlausibleYear(year) || !isRealDay(month, day, year)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], year, month, day, form: 'chinese' });
  }
}

function pushMonthDay(text: string, out: DateMention[]): void {
  for (const pattern of [MONTH_DAY, CN_MONTH_DAY]) {
    for (const m of text.matchAll(pattern)) {
      const month = readSmallNumber(m[1] ?? '');
      const day = readSmallNumber(m[2] ?? '');
      if (month === undefined || day === undefined || !isRealDay(month, day)) continue;
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], month, day, form: 'month-day' });
    }
  }
}

function pushGarbled(text: string, out: DateMention[]): void {
  for (const m of text.matchAll(GARBLED)) {
    const year = Number(m[1]);
    const readings = splitMonthDay(m[2] ?? '');
    const [first, ...rest] = readings;
    if (!first) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      year,
      month: first.month,
      day: first.day,
      form: 'garbled',
      ...(rest.length > 0 ? { alternatives: rest } : {}),
    });
  }
}

/** Every date written in `text`, in order, without overlaps (the earlier, then the longer mention wins). */
export function findDates(text: string): DateMention[] {
  const normal = normaliseWidth(text);
  const found: DateMention[] = [];
  // Cheap guards first: most lines hold no date at all.
  const hasDay = normal.includes('日') || normal.includes('号');
  if (/\d{4}/.test(normal)) {
    pushNumeric(normal, found);
    if (hasDay) pushGarbled(normal, found);
  }
  if (normal.includes('月') && hasDay) {
    if (normal.includes('年')) pushChinese(normal, found);
    pushMonthDay(normal, found);
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DateMention[] = [];
  let reached = -1;
  for (const mention of found) {
    if (mention.start < reached) continue;
    out.push({ ...mention, text: text.slice(mention.start, mention.end) });
    reached = mention.end;
  }
  return out;
}

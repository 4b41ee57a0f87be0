/** A date found in text: the characters as written and the ISO form (`YYYY-MM-DD[THH:MM[:SS]+08:00]`). */
export interface FoundDate {
  readonly text: string;
  readonly iso: string;
  readonly index: number;
}

const FULL_DATE =
  /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)(?:\s*日)?(?:(?:\s*T\s*|\s+)(\d{1,2})\s*[:：时]\s*(\d{1,2})(?!\d)(?:\s*[:：分]\s*(\d{1,2})(?!\d))?)?/g;
const MONTH_DAY = /(?<![\d.\-/])(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?![\d.\-/])\s*日?/;
const CHINA_OFFSET_MS = 8 * 3_600_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** True for a real calendar day between 1990 and 2099 (older or later years are page noise, not dates). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1990 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoOf(parts: Array<string | undefined>): string | undefined {
  const [y, mo, d, h, mi, s] = parts.map((p) => (p === undefined ? undefined : Number(p)));
  if (y === undefined || mo === undefined || d === undefined || !isRealDate(y, mo, d)) return undefined;
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || mi === undefined || h > 23 || mi > 59 || (s !== undefined && s > 59)) return date;
  return `${date}T${pad(h)}:${pad(mi)}${s === undefined ? '' : `:${pad(s)}`}+08:00`;
}

/** The first numeric date in `text` (`2020-05-12`, `2020/5/12 10:30`, `2020年05月12日`), if any. */
export function findNumericDate(text: string): FoundDate | undefined {
  for (const m of text.matchAll(FULL_DATE)) {
    const iso = isoOf(m.slice(1));
    if (iso) return { text: m[0].trim(), iso, index: m.index };
  }
  return undefined;
}

/** Turns a numeric date (`2021-1-19`, `2021年01月19日`, `2021/01/19 10:30`) into ISO, in China time. */
export function normaliseNumericDate(raw: string): string | undefined {
  return findNumericDate(raw)?.iso;
}

/** A month and day without a year, as in list pages' `[05-12]`; `year` completes it when known. */
export function findMonthDay(text: string, year?: number): { text: string; iso?: string } | undefined {
  const m = MONTH_DAY.exec(text);
  if (!m) return undefined;
  const [month, day] = [Number(m[1]), Number(m[2])];
  if (!isRealDate(2000, month, day)) return undefined;
  const iso =
    year !== undefined && isRealDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : undefined;
  return iso === undefined ? { text: m[0] } : { text: m[0], iso };
}

/** Unix seconds as an ISO date-time in China time, e.g. `2020-05-12T10:40:00+08:00`. */
export function isoFromEpochSeconds(seconds: number): string | undefined {
  if (!Number.isFinite(seconds) || seconds < 631_152_000 || seconds > 4_102_444_800) return undefined;
  const shifted = new Date(seconds * 1000 + CHINA_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 19)}+08:00`;
}

/** The calendar day of an ISO date or date-time. */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

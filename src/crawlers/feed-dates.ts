import { findNumericDate } from './extract/dates.js';

const CHINA_OFFSET_MS = 8 * 3_600_000;
// A zone at the end: Z, ±hh:mm, ±hhmm, or a name (GMT, UT, EST …).
const EXPLICIT_ZONE = /(?:\dZ|[+-]\d{2}:?\d{2}|\s[A-Z]{1,5})$/i;
// RFC 822 "CST" is US Central to Date.parse, but Chinese feeds mean China Standard Time by it.
const CHINA_CST = /\s(?:CST|Beijing)$/i;

/**
 * A feed date as ISO in China time (`2021-10-13T08:00:00+08:00`, or `2021-10-13` for a bare day); a date
 * with a zone is exact, one without (`2021-10-13 08:00:00`, `Wed, 13 Oct 2021 08:00:00`) is read as +08:00,
 * never in the process's local zone.
 */
export function parseFeedDate(raw: string | null | undefined): string | undefined {
  const text = raw?.trim().replace(/\s+/g, ' ');
  if (!text) return undefined;
  if (CHINA_CST.test(text)) return instantOf(text.replace(CHINA_CST, ' +0800'));
  if (EXPLICIT_ZONE.test(text)) return instantOf(text);
  const numeric = findNumericDate(text);
  if (numeric && numeric.index === 0) return numeric.iso.replace(/T(\d{2}:\d{2})\+/, 'T$1:00+');
  return instantOf(`${text} +0800`);
}

function instantOf(text: string): string | undefined {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  const iso = chinaIso(ms);
  // Date.parse takes "garbage +0800" for the year 800: only plausible publication years count.
  const year = Number(iso.slice(0, 4));
  return year >= 1990 && year <= 2099 ? iso : undefined;
}

/** Epoch milliseconds as `YYYY-MM-DDTHH:MM:SS+08:00`. */
export function chinaIso(ms: number): string {
  return `${new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

import { normaliseWidth } from './normalise.js';

/** A sum of money written in a text, in yuan, with where it is written. */
export interface Amount {
  yuan: number;
  start: number;
  end: number;
}

const AMOUNT = /(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(亿元|万元|元)/g;
const FACTOR: Record<string, number> = { 亿元: 1e8, 万元: 1e4, 元: 1 };

/** Every amount of money in a text (`126万元`, `1,280,000元`, `2.67亿元`), converted to yuan. */
export function findAmounts(text: string): Amount[] {
  const out: Amount[] = [];
  for (const m of normaliseWidth(text).matchAll(AMOUNT)) {
    const value = Number(`${(m[1] ?? '').replace(/,/g, '')}.${m[2] ?? '0'}`);
    const yuan = Math.round(value * (FACTOR[m[3] ?? '元'] ?? 1) * 100) / 100;
    if (Number.isFinite(yuan)) out.push({ yuan, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

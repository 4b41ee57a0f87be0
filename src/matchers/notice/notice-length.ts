import { readSmallNumber } from '../text/chinese-numerals.js';

/** A stated notice length: `7天`, `10日`, `5个工作日`, `十天`. */
export interface NoticeLength {
  days: number;
  unit: 'calendar' | 'workdays';
  start: number;
  end: number;
}

const LENGTH =
  /(?<![\d.])(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:个)?\s*(工作日|自然日|日历日|天|日)(?![\d])/g;

/** A length under a qualifier is a rule or a complaint (不少于10天, 不足10天), not a stated period. */
const QUALIFIED = /不少于|不得少于|不低于|不足|少于|低于|超过|至少|不超过/;

/** The first length in a window of text, ignoring a `日` that ends a date (`5月12日`). */
export function findNoticeLength(window: string): NoticeLength | undefined {
  for (const m of window.matchAll(LENGTH)) {
    const before = window.slice(Math.max(0, m.index - 1), m.index);
    if (m[2] === '日' && /[月年号]/.test(before)) continue;
    if (m[2] === '日' && /月\s*$/.test(window.slice(0, m.index))) continue;
    if (QUALIFIED.test(window.slice(Math.max(0, m.index - 6), m.index))) continue;
    const days = readSmallNumber(m[1] ?? '');
    if (days === undefined || days <= 0 || days > 366) continue;
    return {
      days,
      unit: m[2] === '工作日' ? 'workdays' : 'calendar',
      start: m.index,
      end: m.index + m[0].length,
    };
  }
  return undefined;
}

import type { IsoDate } from '../../catalog/index.js';
import { mask } from '../people.js';
import type { Rng } from '../random.js';
import type { DateStyle, Exposure, NoticeSpec } from './types.js';

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function cnNumber(n: number): string {
  if (n <= 10) return n === 10 ? '十' : (CN_DIGITS[n] as string);
  if (n < 20) return `十${CN_DIGITS[n - 10]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${CN_DIGITS[tens]}十${ones === 0 ? '' : CN_DIGITS[ones]}`;
}

/** Writes a date the way a given page would: 2020-05-12, 2020年5月12日, 二〇二〇年五月十二日, 5月12日 … */
export function formatDate(date: IsoDate, style: DateStyle): string {
  const [y, m, d] = date.split('-') as [string, string, string];
  const [month, day] = [Number(m), Number(d)];
  switch (style) {
    case 'iso':
      return date;
    case 'zh':
      return `${y}年${month}月${day}日`;
    case 'zh-padded':
      return `${y}年${m}月${d}日`;
    case 'cn-numeral':
      return `${[...y].map((c) => CN_DIGITS[Number(c)]).join('')}年${cnNumber(month)}月${cnNumber(day)}日`;
    case 'slash':
      return `${y}/${month}/${day}`;
    case 'dot':
      return `${y}.${month}.${day}`;
    case 'month-day':
      return `${month}月${day}日`;
  }
}

/** A random date style, weighted as they occur on county sites. */
export function pickDateStyle(rng: Rng): DateStyle {
  return rng.weighted<DateStyle>([
    ['zh', 6],
    ['iso', 3],
    ['zh-padded', 2],
    ['slash', 1],
    ['dot', 1],
    ['month-day', 1],
  ]);
}

/** Yuan as a notice writes it: 128万元, 1280000元, 128.5万元. */
export function formatMoney(yuan: number, rng: Rng): string {
  const wan = yuan / 10_000;
  return rng.weighted([
    [`${Number.isInteger(wan) ? wan : wan.toFixed(2).replace(/0+$/, '')}万元`, 5],
    [`${yuan}元`, 2],
    [`${wan.toFixed(2)}万元`, 2],
  ]);
}

/** A number as the list shows it: in full (exposure), masked, or left out. */
export function showNumber(value: string, exposure: Exposure, rng: Rng): string {
  if (exposure === 'full') return value;
  if (exposure === 'omitted') return '';
  return mask(value, rng.chance(0.5) ? 'stars' : 'short');
}

/** The sentence stating a notice period, in one of the many wordings clerks use. */
export function noticeSentence(notice: NoticeSpec, rng: Rng, contact: string): string {
  const year = notice.start.slice(0, 4);
  const sameYear = notice.end.slice(0, 4) === year;
  const tail = `。公示期间如有异议，请${contact}`;
  if (notice.unit === 'workdays')
    return `公示期为${notice.days}个工作日（自${formatDate(notice.start, 'zh')}起）${tail}`;
  const wordings = [
    () =>
      `公示期为${formatDate(notice.start, 'zh')}至${formatDate(notice.end, sameYear ? 'month-day' : 'zh')}${tail}`,
    () => `公示时间：${formatDate(notice.start, 'month-day')}-${formatDate(notice.end, 'month-day')}${tail}`,
    () => `公示期：${formatDate(notice.start, 'dot')}—${formatDate(notice.end, 'dot')}${tail}`,
    () =>
      `公示期${notice.days}天（${formatDate(notice.start, 'zh')}至${formatDate(notice.end, 'zh')}）${tail}`,
    () => `自${formatDate(notice.start, 'zh')}起公示${notice.days}天${tail}`,
    () => `现予以公示，公示期${notice.days}天${tail}`,
  ];
  return (rng.pick(wordings) as () => string)();
}

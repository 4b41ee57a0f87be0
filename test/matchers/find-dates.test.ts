import { describe, expect, it } from 'vitest';
import { findDates, resolveMention, splitMonthDay } from '../../src/matchers/index.js';

const parts = (text: string) =>
  findDates(text).map(({ year, month, day, form }) => ({ year, month, day, form }));

describe('findDates', () => {
  it.each([
    ['2021-01-19', 2021, 1, 19],
    ['2021-09-30 01:40', 2021, 9, 30],
    ['2017-04-12 21:37:05', 2017, 4, 12],
    ['2021年09月28日', 2021, 9, 28],
    ['2024年2月4日', 2024, 2, 4],
    ['2020/05/12', 2020, 5, 12],
    ['2020.5.12', 2020, 5, 12],
    ['２０２０年５月１２日', 2020, 5, 12],
    ['2020 年 5 月 12 日', 2020, 5, 12],
  ])('reads %s', (text, year, month, day) => {
    expect(parts(text)).toEqual([{ year, month, day, form: 'numeric' }]);
  });

  it.each([
    ['二〇二〇年五月十二日', 2020, 5, 12],
    ['二○一六年十一月二十五日', 2016, 11, 25],
    ['二〇一九年十二月三十一日', 2019, 12, 31],
    ['二〇〇六年一月二十一日', 2006, 1, 21],
  ])('reads the Chinese-numeral date %s', (text, year, month, day) => {
    expect(parts(text)).toEqual([{ year, month, day, form: 'chinese' }]);
  });

  it('reads a date without a year', () => {
    expect(parts('公示时间：5月12日至5月21日')).toEqual([
      { year: undefined, month: 5, day: 12, form: 'month-day' },
      { year: undefined, month: 5, day: 21, form: 'month-day' },
    ]);
  });

  it('reads a year run into its month and day (2020610日)', () => {
    expect(parts('公示时间：2020610日至620日')[0]).toEqual({
      year: 2020,
      month: 6,
      day: 10,
      form: 'garbled',
    });
  });

  it('keeps both readings of an ambiguous run (2020113日 is 11-3 or 1-13)', () => {
    const [mention] = findDates('2020113日');
    expect([mention?.month, mention?.day]).toEqual([11, 3]);
    expect(mention?.alternatives).toEqual([{ month: 1, day: 13 }]);
  });

  it('rejects impossible days and far years', () => {
    expect(findDates('2019年2月30日、1850年1月1日、2021-13-01')).toEqual([]);
  });

  it('gives positions in the original text', () => {
    const text = '落款：二〇二〇年五月十二日';
    const [m] = findDates(text);
    expect(text.slice(m?.start, m?.end)).toBe('二〇二〇年五月十二日');
  });
});

describe('splitMonthDay', () => {
  it('reads 610 as June 10 and 1109 as November 9', () => {
    expect(splitMonthDay('610')).toEqual([{ month: 6, day: 10 }]);
    expect(splitMonthDay('1109')).toEqual([{ month: 11, day: 9 }]);
  });
});

describe('resolveMention', () => {
  it('fills a missing year from the post date', () => {
    expect(resolveMention({ month: 5, day: 12 }, '2020-05-20')).toBe('2020-05-12');
  });

  it('takes the year before for a day well after the post date', () => {
    expect(resolveMention({ month: 12, day: 28 }, '2021-01-06')).toBe('2020-12-28');
  });

  it('returns undefined without a year or a reference', () => {
    expect(resolveMention({ month: 5, day: 12 })).toBeUndefined();
  });
});

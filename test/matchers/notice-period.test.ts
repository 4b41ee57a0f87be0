import { describe, expect, it } from 'vitest';
import { findNoticePeriod } from '../../src/matchers/index.js';
import { calendar } from './builders.js';

const period = (text: string, reference?: string) => {
  const found = findNoticePeriod(text, reference, calendar);
  return found ? { start: found.start, end: found.end, days: found.days, unit: found.unit } : null;
};

describe('findNoticePeriod: calendar-day durations of DOMAIN.md, both ends counted', () => {
  it('counts 2017-02-23..2017-03-01 as 7 days', () => {
    expect(period('公示时间：2017年2月23日至3月1日')).toEqual({
      start: '2017-02-23',
      end: '2017-03-01',
      days: 7,
      unit: 'calendar',
    });
  });

  it('counts 2020-09-28..2020-10-07 as 10 days', () => {
    expect(period('公示期为2020年9月28日至2020年10月7日。')?.days).toBe(10);
  });

  it('counts 2020-09-28..2020-10-06 as 9 days', () => {
    expect(period('公示期：2020年9月28日—10月6日')?.days).toBe(9);
  });
});

describe('findNoticePeriod: ranges', () => {
  it('reads 2020年5月12日至5月21日', () => {
    expect(period('公示时间：2020年5月12日至5月21日。')).toEqual({
      start: '2020-05-12',
      end: '2020-05-21',
      days: 10,
      unit: 'calendar',
    });
  });

  it('reads 5月30日-6月3日 with the year from the post', () => {
    expect(period('公示时间：5月30日-6月3日', '2020-05-30')).toEqual({
      start: '2020-05-30',
      end: '2020-06-03',
      days: 5,
      unit: 'calendar',
    });
  });

  it('reads 2020.5.12—2020.5.21 and the short 2019.6.10—6.19', () => {
    expect(period('公示期2020.5.12—2020.5.21')).toMatchObject({
      start: '2020-05-12',
      end: '2020-05-21',
      days: 10,
    });
    expect(period('公示期2019.6.10—6.19')).toMatchObject({
      start: '2019-06-10',
      end: '2019-06-19',
      days: 10,
    });
  });

  it('reads a range across the new year', () => {
    expect(period('公示期5天（2019年12月30日至2020年1月3日）')).toMatchObject({
      start: '2019-12-30',
      end: '2020-01-03',
      days: 5,
    });
    expect(period('公示时间：12月28日至1月6日', '2020-12-28')).toMatchObject({
      start: '2020-12-28',
      end: '2021-01-06',
      days: 10,
    });
  });

  it('reads garbled forms as a person would (2020610日至620日, 2020113日至1109日)', () => {
    expect(period('公示时间：2020610日至620日')).toMatchObject({
      start: '2020-06-10',
      end: '2020-06-20',
      days: 11,
    });
    expect(period('公示时间：2020113日至1109日')).toMatchObject({
      start: '2020-11-03',
      end: '2020-11-09',
      days: 7,
    });
    expect(period('公示期：2018910日至919日')).toMatchObject({
      start: '2018-09-10',
      end: '2018-09-19',
      days: 10,
    });
  });

  it('reads the period on the line after a heading', () => {
    expect(period('三、公示时间\n2020年11月26日至12月5日。')).toMatchObject({
      start: '2020-11-26',
      end: '2020-12-05',
      days: 10,
    });
  });

  it('keeps the range’s count when the text states another length', () => {
    const found = findNoticePeriod('公示期10天（9月2日至9月10日）', '2019-09-02', calendar);
    expect([found?.days, found?.statedDays]).toEqual([9, 10]);
  });
});

describe('findNoticePeriod: lengths', () => {
  it('reads 公示期7天 without dates', () => {
    expect(period('公示期7天，如有异议请向村委会反映。')).toEqual({
      start: null,
      end: null,
      days: 7,
      unit: 'calendar',
    });
  });

  it('starts 自即日起公示10天 on the post’s date', () => {
    expect(period('自即日起公示10天。', '2020-09-07')).toEqual({
      start: '2020-09-07',
      end: '2020-09-16',
      days: 10,
      unit: 'calendar',
    });
  });

  it('reads 5个工作日 as working days', () => {
    expect(period('公示期为5个工作日。')).toEqual({ start: null, end: null, days: 5, unit: 'workdays' });
  });

  it('reads a length and a range together', () => {
    expect(period('公示期7天（11月22日至11月28日）', '2016-11-22')).toEqual({
      start: '2016-11-22',
      end: '2016-11-28',
      days: 7,
      unit: 'calendar',
    });
  });

  it('counts a working-day range on the calendar (the Dragon Boat holiday and weekends left out)', () => {
    expect(period('公示期为10个工作日（2022年6月15日至6月28日）。')).toEqual({
      start: '2022-06-15',
      end: '2022-06-28',
      days: 10,
      unit: 'workdays',
    });
  });

  it('ends a working-day length on its last working day (National Day left out, the 10-10 调休 counted)', () => {
    expect(period('自2020年9月28日起公示5个工作日')).toEqual({
      start: '2020-09-28',
      end: '2020-10-10',
      days: 5,
      unit: 'workdays',
    });
  });

  it('computes the end of 自2022年8月30日起30日内', () => {
    expect(period('公告期限：自2022年8月30日起30日内，对方案有异议的可提出书面意见。')).toMatchObject({
      start: '2022-08-30',
      end: '2022-09-28',
      days: 30,
    });
  });
});

describe('findNoticePeriod: not a notice period', () => {
  it('returns null when no period is stated', () => {
    expect(period('现将有关情况公示如下：\n对公示内容有异议的，请在公示期内反映。')).toBeNull();
  });

  it('ignores a rule about notices in general', () => {
    expect(period('乡村两级在固定公示栏公示，公示时间原则上不少于10天。')).toBeNull();
    expect(period('项目公示时间不足10天的，责令整改。')).toBeNull();
  });

  it('ignores sign-up, consultation and registration windows', () => {
    expect(period('报名时间：2021年3月1日至3月10日。')).toBeNull();
    expect(period('征求意见时间：2021年6月15日至7月14日。')).toBeNull();
    expect(period('应在公告之日起15日内，持证书办理补偿登记。')).toBeNull();
  });

  it('ignores holiday dates', () => {
    expect(period('清明节放假时间为4月4日至6日，共3天。', '2024-04-02')).toBeNull();
  });
});

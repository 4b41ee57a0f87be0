import { describe, expect, it } from 'vitest';
import {
  describeDueRuleZh,
  formatDueRule,
  InvalidDateError,
  parseDueRule,
  parseIsoDate,
  tryParseIsoDate,
  weekdayNameZh,
} from '../../src/catalog/index.js';

describe('parseDueRule', () => {
  it.each([
    ['workdays(20) from formed', { kind: 'workdays', days: 20, from: 'formed' }],
    ['workdays(15) from issued', { kind: 'workdays', days: 15, from: 'issued' }],
    ['workdays( 3 ) from received', { kind: 'workdays', days: 3, from: 'received' }],
    ['workdays(20)', { kind: 'workdays', days: 20, from: 'formed' }],
    ['annual(by 12-31)', { kind: 'annual', by: '12-31' }],
  ])('reads %s', (text, rule) => {
    expect(parseDueRule(text)).toEqual(rule);
    if (!('error' in rule)) expect(parseDueRule(formatDueRule(rule as never))).toEqual(rule);
  });

  it.each([
    ['workdays(0) from formed', '工作日数应至少为 1'],
    ['workdays(20) from signed', '起算事件“signed”无效'],
    ['annual(by 02-30)', '日期“02-30”无效'],
    ['annual(by 02-29)', '日期“02-29”无效'],
    ['20个工作日', '无法识别'],
  ])('rejects %s', (text, message) => {
    const result = parseDueRule(text);
    expect('error' in result && result.error).toContain(message);
  });

  it('describes rules in Chinese', () => {
    expect(describeDueRuleZh({ kind: 'workdays', days: 15, from: 'issued' })).toBe('下达后 15 个工作日内');
    expect(describeDueRuleZh({ kind: 'annual', by: '12-31' })).toBe('每年年底前公布当年情况');
    expect(describeDueRuleZh({ kind: 'annual', by: '03-31' })).toBe('每年 3 月 31 日前公布');
  });
});

describe('parseIsoDate', () => {
  it('accepts real dates, including 29 February of a leap year', () => {
    expect(parseIsoDate('2020-02-29')).toBe('2020-02-29');
    expect(weekdayNameZh('2020-05-12')).toBe('星期二');
  });

  it.each([
    ['2020-02-30', '日期无效：2020-02-30（2020年2月没有30日）'],
    ['2019-02-29', '日期无效：2019-02-29（2019年2月没有29日）'],
    ['2020-13-01', '日期无效：2020-13-01（没有 13 月）'],
    ['2020/05/12', '日期格式无效：“2020/05/12”，应为 YYYY-MM-DD，例如 2020-05-12'],
    ['2020-5-12', '日期格式无效：“2020-5-12”，应为 YYYY-MM-DD，例如 2020-05-12'],
  ])('rejects %s with a Chinese message', (input, message) => {
    expect(tryParseIsoDate(input)).toBeUndefined();
    expect(() => parseIsoDate(input)).toThrow(new InvalidDateError(input));
    expect(new InvalidDateError(input).message).toBe(message);
  });
});

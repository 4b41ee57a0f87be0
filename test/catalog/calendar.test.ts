import lunar from 'lunar-javascript';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays as addDays,
  applyCalendarFile,
  CalendarRangeError,
  calendarDaysInclusive,
  createCalendar,
  nationalHolidayDataset,
  weekdayOf,
} from '../../src/catalog/index.js';

const national = nationalHolidayDataset();
const calendar = createCalendar(national);

describe('isWorkingDay', () => {
  // DOMAIN.md §3, working-day checks.
  it.each([
    ['2020-01-19', true, 'Sunday make-up day before the Spring Festival'],
    ['2020-01-31', false, 'Spring Festival extension (国办发明电〔2020〕1号)'],
    ['2020-02-01', false, 'make-up Saturday cancelled by the extension'],
    ['2020-02-03', true, 'normal work resumes'],
    ['2020-05-09', true, 'May Day make-up Saturday'],
    ['2020-09-27', true, 'National Day make-up Sunday'],
    ['2020-10-08', false, 'inside the 10-01..10-08 holiday'],
    ['2020-10-10', true, 'National Day make-up Saturday'],
    ['2019-04-28', true, '2019 May Day make-up Sunday'],
    ['2019-05-05', true, '2019 May Day make-up Sunday'],
    ['2021-09-18', true, 'Mid-Autumn make-up Saturday'],
    ['2024-02-04', true, 'Spring Festival make-up Sunday'],
    ['2025-01-26', true, 'first year under the 2025 rules'],
    ['2026-01-04', true, '2026 make-up Sunday'],
    ['2026-02-14', true, '2026 make-up Saturday'],
    ['2026-02-28', true, '2026 make-up Saturday'],
    ['2026-09-20', true, '2026 make-up Sunday'],
    ['2026-10-10', true, '2026 make-up Saturday'],
    ['2026-10-01', false, 'National Day'],
  ])('%s is %s (%s)', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it('counts an ordinary weekend as rest and an ordinary weekday as work', () => {
    expect(calendar.isWorkingDay('2020-06-06')).toBe(false);
    expect(calendar.isWorkingDay('2020-06-08')).toBe(true);
  });
});

describe('addWorkingDays', () => {
  // DOMAIN.md §3, deadline = addWorkingDays(start, N), start excluded.
  it.each([
    ['2020-09-25', 20, '2020-10-29'],
    ['2020-01-20', 20, '2020-02-25'],
    ['2020-04-20', 20, '2020-05-19'],
    ['2019-12-20', 20, '2020-01-19'],
    ['2020-12-31', 20, '2021-01-29'],
    ['2025-12-31', 1, '2026-01-04'],
    ['2021-09-28', 20, '2021-11-01'],
    ['2026-09-18', 20, '2026-10-22'],
    ['2020-04-24', 15, '2020-05-18'],
    ['2020-01-17', 15, '2020-02-14'],
    ['2020-09-30', 15, '2020-10-28'],
  ])('%s + %i working days is %s', (start, n, due) => {
    expect(calendar.addWorkingDays(start, n)).toBe(due);
  });

  it('lands on a Sunday when that Sunday is a make-up working day', () => {
    const due = calendar.addWorkingDays('2019-12-20', 20);
    expect(weekdayOf(due)).toBe(0);
  });

  it('needs no special case for a start on a holiday', () => {
    expect(calendar.addWorkingDays('2020-10-03', 1)).toBe('2020-10-09');
  });

  it('returns the start for zero days', () => {
    expect(calendar.addWorkingDays('2020-10-03', 0)).toBe('2020-10-03');
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2020-09-30', '2020-10-09', 1],
    ['2020-01-23', '2020-02-03', 1],
    ['2020-04-30', '2020-05-11', 5],
    ['2020-09-25', '2020-10-23', 16],
  ])('counts (%s, %s] as %i', (start, end, n) => {
    expect(calendar.workingDaysBetween(start, end)).toBe(n);
  });

  // DOMAIN.md §3, real pages 成文 → 发布 under the 20-working-day rule.
  it.each([
    ['阳府办函〔2021〕9号', '2021-01-19', '2021-02-01', 9, true],
    ['汉政办发〔2021〕88号', '2021-09-28', '2021-09-30', 2, true],
    ['北府办发〔2024〕6号', '2024-02-04', '2024-03-07', 20, true],
    ['国办发〔2017〕47号', '2017-05-15', '2017-06-08', 17, true],
    ['hypothetical', '2019-11-21', '2019-12-20', 21, false],
  ])('%s: %s → %s is %i working days', (_doc, formed, published, elapsed, onTime) => {
    expect(calendar.workingDaysBetween(formed, published)).toBe(elapsed);
    expect(published <= calendar.addWorkingDays(formed, 20)).toBe(onTime);
  });

  it('is exactly on the boundary for 北府办发〔2024〕6号, and late one day after', () => {
    expect(calendar.addWorkingDays('2024-02-04', 20)).toBe('2024-03-07');
    expect(calendar.workingDaysBetween('2024-03-07', '2024-03-08')).toBe(1);
  });

  it('is negative when the end comes first', () => {
    expect(calendar.workingDaysBetween('2020-10-09', '2020-09-30')).toBe(-1);
  });
});

describe('calendarDaysInclusive', () => {
  it.each([
    ['2017-02-23', '2017-03-01', 7],
    ['2020-09-28', '2020-10-07', 10],
    ['2020-09-28', '2020-10-06', 9],
  ])('%s..%s lasts %i days', (start, end, days) => {
    expect(calendarDaysInclusive(start, end)).toBe(days);
  });
});

describe('createCalendar', () => {
  it('refuses a date outside the data rather than guessing Mon–Fri', () => {
    expect(() => calendar.isWorkingDay('2027-10-01')).toThrow(CalendarRangeError);
    expect(() => calendar.isWorkingDay('2003-10-01')).toThrow(CalendarRangeError);
    expect(() => calendar.addWorkingDays('2026-12-20', 20)).toThrowErrorMatchingInlineSnapshot(
      `[CalendarRangeError: 日期 2027-01-01 超出节假日数据的覆盖范围（2004–2026年）：无法确定该年的法定节假日和调休安排，请更新节假日数据或在本地日历文件中补录该年]`,
    );
  });

  it('counts from its day tables exactly as day by day, in both directions', () => {
    const slowBetween = (a: string, b: string) => {
      let n = 0;
      for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) n += 1;
      return n;
    };
    let seed = 17;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed;
    };
    for (let i = 0; i < 300; i += 1) {
      const a = addDays('2004-01-01', next() % 8000);
      const b = addDays(a, next() % 120);
      expect(calendar.workingDaysBetween(a, b), `${a}..${b}`).toBe(slowBetween(a, b));
      expect(calendar.workingDaysBetween(b, a)).toBe(-slowBetween(a, b) || 0);
      const n = next() % 40;
      const due = calendar.addWorkingDays(a, n);
      expect(calendar.workingDaysBetween(a, due), `${a} + ${n}`).toBe(n);
      if (n > 0) expect(calendar.isWorkingDay(due)).toBe(true);
    }
    expect(calendar.addWorkingDays('2020-05-18', 0)).toBe('2020-05-18');
    expect(() => calendar.workingDaysBetween('2026-12-20', '2027-01-05')).toThrow(CalendarRangeError);
  });

  it('names the dataset and its pinned version', () => {
    expect(calendar.source).toBe('chinese-days@1.5.7');
    expect(calendar.coveredYears[0]).toBe(2004);
    expect(calendar.coveredYears.at(-1)).toBe(2026);
  });

  it('applies a district override: a local closure moves a deadline', () => {
    const local = createCalendar(national, [{ date: '2020-02-03', working: false, reason: '本区延迟复工' }]);
    expect(local.dayInfo('2020-02-03')).toMatchObject({
      working: false,
      kind: 'local-rest',
      name: '本区延迟复工',
    });
    expect(local.addWorkingDays('2020-01-20', 20)).toBe('2020-02-26');
  });

  it('extends coverage with a whole year from a district file', () => {
    const { dataset, overrides } = applyCalendarFile(national, {
      overrides: [],
      years: { '2027': { source: '本地补录（测试）', holidays: ['2027-01-01'], workdays: [] } },
    });
    const extended = createCalendar(dataset, overrides);
    expect(extended.isWorkingDay('2027-01-01')).toBe(false);
    expect(extended.isWorkingDay('2027-01-04')).toBe(true);
    expect(extended.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(extended.source).toContain('2027: 本地补录（测试）');
  });
});

describe('the pinned dataset', () => {
  // DOMAIN.md: vendor one dataset, cross-check it against another maintained one.
  it('agrees with lunar-javascript HolidayUtil on every day of 2016–2026', () => {
    const disagreements: string[] = [];
    for (let day = Date.UTC(2016, 0, 1); day <= Date.UTC(2026, 11, 31); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      const holiday = lunar.HolidayUtil.getHoliday(date);
      const weekday = new Date(day).getUTCDay();
      const theirs = holiday ? holiday.isWork() : weekday !== 0 && weekday !== 6;
      if (theirs !== calendar.isWorkingDay(date)) disagreements.push(date);
    }
    expect(disagreements).toEqual([]);
  });
});

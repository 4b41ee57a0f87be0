import { fromDayNumber, type IsoDate, toDayNumber, weekdayOf, yearOf } from './dates.js';

/** Statutory holidays and make-up working days (调休上班) for a span of years, with where they came from. */
export interface HolidayDataset {
  /** e.g. `chinese-days@1.5.7`, plus any district file that extended it. */
  source: string;
  years: ReadonlySet<number>;
  /** Rest days announced by the State Council (including weekends inside a holiday). */
  holidays: ReadonlyMap<IsoDate, string>;
  /** Weekend days announced as working days. */
  workdays: ReadonlyMap<IsoDate, string>;
}

/** A local deviation from the national calendar (an ad-hoc closure, a local make-up day). */
export interface CalendarOverride {
  date: IsoDate;
  working: boolean;
  reason: string;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday' | 'local-workday' | 'local-rest';

/** Why a day is or is not a working day. */
export interface DayInfo {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  name?: string;
}

/** Thrown for a date whose year the holiday data does not cover, instead of guessing Mon–Fri. */
export class CalendarRangeError extends Error {
  constructor(
    readonly date: IsoDate,
    readonly coveredYears: readonly number[],
  ) {
    super(
      `日期 ${date} 超出节假日数据的覆盖范围（${describeYears(coveredYears)}）：` +
        '无法确定该年的法定节假日和调休安排，请更新节假日数据或在本地日历文件中补录该年',
    );
    this.name = 'CalendarRangeError';
  }
}

function describeYears(years: readonly number[]): string {
  if (years.length === 0) return '无';
  const sorted = [...years].sort((a, b) => a - b);
  const spans: string[] = [];
  let start = sorted[0] as number;
  let prev = start;
  for (const y of [...sorted.slice(1), Number.NaN]) {
    if (y === prev + 1) {
      prev = y;
      continue;
    }
    spans.push(start === prev ? `${start}年` : `${start}–${prev}年`);
    start = y;
    prev = y;
  }
  return spans.join('、');
}

/** Working-day arithmetic on the Chinese calendar, as procedural law counts it. */
export interface WorkingCalendar {
  readonly source: string;
  readonly coveredYears: readonly number[];
  covers(date: IsoDate): boolean;
  dayInfo(date: IsoDate): DayInfo;
  isWorkingDay(date: IsoDate): boolean;
  /** The Nth working day after `start`; the start day itself is never counted. */
  addWorkingDays(start: IsoDate, n: number): IsoDate;
  /** Working days in (start, end]; negative when `end` is before `start`. */
  workingDaysBetween(start: IsoDate, end: IsoDate): number;
}

/** Builds a calendar from a holiday dataset and local overrides. */
export function createCalendar(
  dataset: HolidayDataset,
  overrides: readonly CalendarOverride[] = [],
): WorkingCalendar {
  const local = new Map(overrides.map((o) => [o.date, o]));
  const coveredYears = [...dataset.years].sort((a, b) => a - b);

  const covers = (date: IsoDate): boolean => dataset.years.has(yearOf(date));

  const dayInfo = (date: IsoDate): DayInfo => {
    if (!covers(date)) throw new CalendarRangeError(date, coveredYears);
    const override = local.get(date);
    if (override) {
      return {
        date,
        working: override.working,
        kind: override.working ? 'local-workday' : 'local-rest',
        name: override.reason,
      };
    }
    const makeup = dataset.workdays.get(date);
    if (makeup !== undefined) return { date, working: true, kind: 'makeup-workday', name: makeup };
    const holiday = dataset.holidays.get(date);
    if (holiday !== undefined) return { date, working: false, kind: 'holiday', name: holiday };
    const weekday = weekdayOf(date);
    if (weekday === 0 || weekday === 6) return { date, working: false, kind: 'weekend' };
    return { date, working: true, kind: 'workday' };
  };

  const isWorkingDay = (date: IsoDate): boolean => dayInfo(date).working;

  // Day by day, as the rule reads; the tables below answer the same questions in constant time where they can.
  const addWorkingDaysSlow = (start: IsoDate, n: number): IsoDate => {
    let day = toDayNumber(start);
    for (let counted = 0; counted < n; ) {
      day += 1;
      if (isWorkingDay(fromDayNumber(day))) counted += 1;
    }
    return fromDayNumber(day);
  };

  const workingDaysBetweenSlow = (from: IsoDate, to: IsoDate): number => {
    let count = 0;
    for (let day = toDayNumber(from) + 1; day <= toDayNumber(to); day += 1) {
      if (isWorkingDay(fromDayNumber(day))) count += 1;
    }
    return count;
  };

  // Over the covered years' span: working days up to each day (cumulative), and uncovered days up to each day,
  // so a count across an uncovered year still goes the slow way and says which date is not covered.
  const first = coveredYears[0];
  const last = coveredYears.at(-1);
  const base = first === undefined ? 0 : toDayNumber(`${first}-01-01`);
  const span = first === undefined || last === undefined ? 0 : toDayNumber(`${last}-12-31`) - base + 1;
  let tables: { working: Int32Array; uncovered: Int32Array } | undefined;
  const table = () => {
    if (tables) return tables;
    const working = new Int32Array(span + 1);
    const uncovered = new Int32Array(span + 1);
    for (let i = 0; i < span; i += 1) {
      const date = fromDayNumber(base + i);
      const covered = covers(date);
      working[i + 1] = (working[i] as number) + (covered && isWorkingDay(date) ? 1 : 0);
      uncovered[i + 1] = (uncovered[i] as number) + (covered ? 0 : 1);
    }
    tables = { working, uncovered };
    return tables;
  };
  // Index i + 1 holds the counts up to and including day base + i.
  const inSpan = (day: number) => day >= base && day < base + span;

  const addWorkingDays = (start: IsoDate, n: number): IsoDate => {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`working-day count must be a whole number ≥ 0, got ${n}`);
    const day = toDayNumber(start);
    if (!inSpan(day)) return addWorkingDaysSlow(start, n);
    const { working, uncovered } = table();
    const target = (working[day - base + 1] as number) + n;
    if (n === 0) return start;
    if ((working[span] as number) < target) return addWorkingDaysSlow(start, n);
    // The first index whose cumulative count reaches the target is the Nth working day after start.
    let lo = day - base + 1;
    let hi = span;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((working[mid] as number) >= target) hi = mid;
      else lo = mid + 1;
    }
    if ((uncovered[lo] as number) !== (uncovered[day - base + 1] as number))
      return addWorkingDaysSlow(start, n);
    return fromDayNumber(base + lo - 1);
  };

  const workingDaysBetween = (start: IsoDate, end: IsoDate): number => {
    const [from, to, sign] = start <= end ? [start, end, 1] : [end, start, -1];
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    // `|| 0`: no -0 when counting backwards over days off.
    if (!inSpan(a) || !inSpan(b)) return sign * workingDaysBetweenSlow(from, to) || 0;
    const { working, uncovered } = table();
    if ((uncovered[b - base + 1] as number) !== (uncovered[a - base + 1] as number))
      return sign * workingDaysBetweenSlow(from, to) || 0;
    return sign * ((working[b - base + 1] as number) - (working[a - base + 1] as number)) || 0;
  };

  return {
    source: dataset.source,
    coveredYears,
    covers,
    dayInfo,
    isWorkingDay,
    addWorkingDays,
    workingDaysBetween,
  };
}

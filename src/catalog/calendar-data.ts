import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import chineseDaysPackage from 'chinese-days/package.json' with { type: 'json' };
import { z } from 'zod';
import type { CalendarOverride, HolidayDataset } from './calendar.js';
import { type IsoDate, IsoDateSchema, yearOf } from './dates.js';

/** The pinned national dataset: State Council holiday notices 2004–2026 (incl. the 2020 Spring Festival extension). */
export function nationalHolidayDataset(): HolidayDataset {
  const holidays = new Map<IsoDate, string>();
  const workdays = new Map<IsoDate, string>();
  const years = new Set<number>();
  for (const [date, label] of Object.entries(chineseDaysData.holidays)) {
    holidays.set(date, holidayName(label));
    years.add(yearOf(date));
  }
  for (const [date, label] of Object.entries(chineseDaysData.workdays)) {
    workdays.set(date, `${holidayName(label)}调休上班`);
  }
  return { source: `chinese-days@${chineseDaysPackage.version}`, years, holidays, workdays };
}

// Labels read "Spring Festival,春节,4": English name, Chinese name, length.
function holidayName(label: string): string {
  return label.split(',')[1] ?? label;
}

const YearSchema = z.object({
  source: z.string().min(1, '请注明该年安排的出处（国务院办公厅通知的文号或网址）'),
  holidays: z.array(IsoDateSchema).min(1),
  workdays: z.array(IsoDateSchema).default([]),
});

/** A district's calendar file: local deviations, and whole years the national dataset does not have yet. */
export const CalendarFileSchema = z
  .object({
    district: z.string().optional(),
    overrides: z
      .array(z.object({ date: IsoDateSchema, working: z.boolean(), reason: z.string().min(1) }).strict())
      .default([]),
    years: z.record(z.string().regex(/^\d{4}$/, '年份应为四位数字'), YearSchema.strict()).default({}),
  })
  .strict()
  .superRefine((file, ctx) => {
    for (const [year, entry] of Object.entries(file.years)) {
      entry.holidays.forEach((date, i) => {
        if (!date.startsWith(year))
          ctx.addIssue({
            code: 'custom',
            path: ['years', year, 'holidays', i],
            message: `${date} 不在 ${year} 年`,
          });
      });
    }
  });
export type CalendarFile = z.infer<typeof CalendarFileSchema>;

/** The national dataset extended by a district file's extra years, plus the file's local overrides. */
export function applyCalendarFile(
  national: HolidayDataset,
  file: CalendarFile | undefined,
): { dataset: HolidayDataset; overrides: CalendarOverride[] } {
  if (!file || Object.keys(file.years).length === 0)
    return { dataset: national, overrides: file?.overrides ?? [] };
  const holidays = new Map(national.holidays);
  const workdays = new Map(national.workdays);
  const years = new Set(national.years);
  const sources: string[] = [];
  for (const [year, entry] of Object.entries(file.years)) {
    years.add(Number(year));
    sources.push(`${year}: ${entry.source}`);
    for (const date of entry.holidays) holidays.set(date, '法定节假日');
    for (const date of entry.workdays) workdays.set(date, '调休上班');
  }
  const source = `${national.source} + 本地补录（${sources.join('；')}）`;
  return { dataset: { source, years, holidays, workdays }, overrides: file.overrides };
}

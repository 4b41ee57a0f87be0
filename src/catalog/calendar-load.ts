import { createCalendar, type WorkingCalendar } from './calendar.js';
import { applyCalendarFile, CalendarFileSchema, nationalHolidayDataset } from './calendar-data.js';
import { readYamlFile } from './load.js';
import { parseWithSchema } from './yaml-source.js';

/** The national calendar with a district calendar file applied (its overrides and any extra years). */
export function loadCalendar(file?: string): WorkingCalendar {
  const national = nationalHolidayDataset();
  const districtFile =
    file === undefined ? undefined : parseWithSchema(CalendarFileSchema, readYamlFile(file));
  const { dataset, overrides } = applyCalendarFile(national, districtFile);
  return createCalendar(dataset, overrides);
}

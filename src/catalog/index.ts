/** The standard catalog as data, the working-day calendar, and deadline rules. */
export {
  type CalendarOverride,
  CalendarRangeError,
  createCalendar,
  type DayInfo,
  type DayKind,
  type HolidayDataset,
  type WorkingCalendar,
} from './calendar.js';
export {
  applyCalendarFile,
  type CalendarFile,
  CalendarFileSchema,
  nationalHolidayDataset,
} from './calendar-data.js';
export { loadCalendar } from './calendar-load.js';
export { CHANNEL_NAMES, CHANNELS, type ChannelName, resolveChannel } from './channels.js';
export {
  addCalendarDays,
  calendarDaysInclusive,
  fromDayNumber,
  InvalidDateError,
  type IsoDate,
  IsoDateSchema,
  isoDate,
  parseIsoDate,
  toDayNumber,
  tryParseIsoDate,
  weekdayNameZh,
  weekdayOf,
  yearOf,
} from './dates.js';
export { findItem, type ItemSummary, itemDueRules, summarizeCatalog } from './items.js';
export { type LoadedCatalog, listCatalogs, loadCatalog, readYamlFile } from './load.js';
export {
  type Catalog,
  CatalogSchema,
  ChannelSchema,
  type Element,
  ITEM_IDS,
  type Item,
  type ItemId,
  ItemIdSchema,
  type NoticeRule,
  noticeRuleFor,
  type Row,
} from './schema.js';
export {
  BODY_LEVEL_ZH,
  BODY_LEVELS,
  BODY_ROLES,
  type BodyLevel,
  BodyLevelSchema,
  type BodyRole,
  BodyRoleSchema,
  bodyLevelsOf,
  inferBodyRole,
  type Subject,
  subjectCovers,
} from './subjects.js';
export {
  type DueRule,
  describeDueRuleZh,
  dueDate,
  formatDueRule,
  parseDueRule,
  START_EVENT_ZH,
  START_EVENTS,
  type StartEvent,
} from './time-rule.js';
export { CatalogVariantSchema } from './variant.js';
export {
  DataFileError,
  formatPath,
  type Problem,
  parseWithSchema,
  parseYamlSource,
  type YamlSource,
  zodErrorZh,
  zodProblems,
} from './yaml-source.js';

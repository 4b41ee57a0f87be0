import {
  addCalendarDays,
  calendarDaysInclusive,
  type IsoDate,
  type WorkingCalendar,
} from '../../catalog/index.js';
import { normaliseWidth } from '../text/normalise.js';
import { findNoticeLength, type NoticeLength } from './notice-length.js';
import { calendarEnd, type RangeReading, readRange } from './notice-range.js';

/** A notice (公示/公告) period as the post states it: inclusive ends, its length and unit, and the words. */
export interface NoticePeriod {
  start: IsoDate | null;
  end: IsoDate | null;
  /** Inclusive count in `unit`: from the range when there is one, else the stated length. */
  days: number | null;
  unit: 'calendar' | 'workdays';
  /** The length the text states, when it differs from the range (`10天` for a 9-day range). */
  statedDays?: number;
  text: string;
  span: { start: number; end: number };
}

/** A 公示/公告 keyword that introduces the post's own period; `自即日起公示` too. */
const ANCHOR =
  /(?:公示|公告)\s*(?:期限|期间|期|时间|日期|时限|截止时间)?\s*(?:为|是)?\s*[:：]?|自即日起[^。；\n]{0,6}?(?:公示|公告)/g;
/** A rule about notices in general (a regulation's 公示时间不少于10日), not this post's period. */
const RULE = /^[^。；\n]{0,8}(?:不少于|不得少于|不低于|原则上|应当|应不少于|至少|一般为|为期不少于)/;
/** Windows that are not notice periods even after 公示 (a 报名 window, a consultation). */
const NOT_NOTICE = /报名|征求意见|报送|申报时间|受理时间|登记|值班|放假|培训时间|开标/;
/** A start written before the keyword: 自2020年9月28日起公示5个工作日. */
const STARTS_BEFORE = /自[^。；\n自]{4,20}起\s*$/;
const WINDOW_CHARS = 70;
/** A post states its period in its body; a huge page is read this far. */
const SCAN_CHARS = 200_000;
const MAX_LEAD_CHARS = 12;

/** Counts working days in [start, end] with the caller's calendar; null outside its data. */
function workingDaysInclusive(calendar: WorkingCalendar, start: IsoDate, end: IsoDate): number | null {
  try {
    return calendar.workingDaysBetween(addCalendarDays(start, -1), end);
  } catch {
    return null;
  }
}

function workingEnd(calendar: WorkingCalendar, start: IsoDate, days: number): IsoDate | null {
  try {
    return calendar.addWorkingDays(addCalendarDays(start, -1), days);
  } catch {
    return null;
  }
}

function windowAfter(text: string, from: number): string {
  let window = text.slice(from, from + WINDOW_CHARS);
  // A heading (三、公示时间) puts the period on the next line.
  if (/^[\s:：]*\n/.test(window)) window = window.replace(/^[\s:：]*\n/, '');
  const stop = window.search(/[。；;\n]/);
  return stop >= 0 ? window.slice(0, stop) : window;
}

function assemble(
  range: RangeReading,
  length: NoticeLength | undefined,
  calendar: WorkingCalendar,
): Pick<NoticePeriod, 'start' | 'end' | 'days' | 'unit' | 'statedDays'> | undefined {
  const unit = length?.unit ?? 'calendar';
  const start = range.start ?? null;
  let end = range.end ?? null;
  if (start && !end && length && (range.openStart || range.fromToday)) {
    end = unit === 'workdays' ? workingEnd(calendar, start, length.days) : calendarEnd(start, length.days);
  }
  if (start && end) {
    const days =
      unit === 'workdays' ? workingDaysInclusive(calendar, start, end) : calendarDaysInclusive(start, end);
    const stated = length && length.days !== days ? { statedDays: length.days } : {};
    return { start, end, days, unit, ...stated };
  }
  if (length) return { start: null, end: null, days: length.days, unit };
  return undefined;
}

/**
 * The notice period the post states for itself: a range (`2020年5月12日至5月21日`, `5月30日-6月3日`,
 * `2020.5.12—2020.5.21`), a length (`公示期7天`, `5个工作日`), or both. `reference` (the post's date) fills
 * missing years and 即日; working-day lengths are counted on `calendar`. Null when no period is stated.
 */
export function findNoticePeriod(
  bodyText: string,
  reference: IsoDate | undefined,
  calendar: WorkingCalendar,
): NoticePeriod | null {
  const text = normaliseWidth(bodyText.slice(0, SCAN_CHARS));
  for (const anchor of text.matchAll(ANCHOR)) {
    const from = anchor.index + anchor[0].length;
    const window = windowAfter(text, from);
    if (RULE.test(window) || NOT_NOTICE.test(window)) continue;
    // The period follows its keyword closely (公示期：…, 公示期为10天); a date further on is about something else.
    if (window.search(/[\d一二三四五六七八九十]|即日/) > MAX_LEAD_CHARS && !/自即日起/.test(anchor[0]))
      continue;
    const lead = STARTS_BEFORE.exec(text.slice(Math.max(0, anchor.index - 25), anchor.index))?.[0] ?? '';
    const head = /自即日起/.test(anchor[0]) ? `即日${window}` : `${lead}${window}`;
    const range = readRange(head, reference);
    const length = findNoticeLength(head);
    const period = assemble(range, length, calendar);
    if (!period) continue;
    return {
      ...period,
      text: `${anchor[0]}${window}`.trim(),
      span: { start: anchor.index, end: from + window.length },
    };
  }
  return null;
}

import { z } from 'zod';
import type { WorkingCalendar } from './calendar.js';
import { type IsoDate, tryParseIsoDate, yearOf } from './dates.js';

/** The event a time limit counts from: formation or change, issue (下达), or receipt by the body. */
export const START_EVENTS = ['formed', 'issued', 'received'] as const;
export type StartEvent = (typeof START_EVENTS)[number];

export const START_EVENT_ZH: Record<StartEvent, string> = {
  formed: '信息形成（变更）',
  issued: '下达',
  received: '下发至本单位',
};

/** When an item must be published: N working days after an event, or once a year by a date. */
export type DueRule =
  | { kind: 'workdays'; days: number; from: StartEvent }
  | { kind: 'annual'; by: string /* MM-DD */ };

const WORKDAYS = /^workdays\(\s*(\d{1,3})\s*\)(?:\s+from\s+(\w+))?$/;
const ANNUAL = /^annual\(\s*by\s+(\d{2}-\d{2})\s*\)$/;

/** Parses the catalog's rule notation: `workdays(20) from formed`, `annual(by 12-31)`. */
export function parseDueRule(text: string): DueRule | { error: string } {
  const trimmed = text.trim();
  const w = WORKDAYS.exec(trimmed);
  if (w) {
    const days = Number(w[1]);
    const from = (w[2] ?? 'formed') as StartEvent;
    if (days < 1) return { error: '工作日数应至少为 1' };
    if (!START_EVENTS.includes(from))
      return { error: `起算事件“${w[2]}”无效，应为 ${START_EVENTS.join(' | ')}` };
    return { kind: 'workdays', days, from };
  }
  const a = ANNUAL.exec(trimmed);
  if (a) {
    const by = a[1] as string;
    if (!tryParseIsoDate(`2021-${by}`)) return { error: `日期“${by}”无效` };
    return { kind: 'annual', by };
  }
  return {
    error: `时限规则“${text}”无法识别，应写作 workdays(N) from formed|issued|received 或 annual(by MM-DD)`,
  };
}

/** The canonical notation of a rule, as `deadline --json` prints it. */
export function formatDueRule(rule: DueRule): string {
  return rule.kind === 'workdays' ? `workdays(${rule.days}) from ${rule.from}` : `annual(by ${rule.by})`;
}

/** The rule in Chinese, e.g. “下达后 15 个工作日内”. */
export function describeDueRuleZh(rule: DueRule): string {
  if (rule.kind === 'annual') {
    const [m, d] = rule.by.split('-').map(Number);
    return rule.by === '12-31' ? '每年年底前公布当年情况' : `每年 ${m} 月 ${d} 日前公布`;
  }
  return `${START_EVENT_ZH[rule.from]}后 ${rule.days} 个工作日内`;
}

/** A zod schema reading the rule notation into a `DueRule`. */
export const DueRuleSchema = z.string().transform((text, ctx): DueRule => {
  const rule = parseDueRule(text);
  if ('error' in rule) {
    ctx.addIssue({ code: 'custom', message: rule.error });
    return z.NEVER;
  }
  return rule;
});

/**
 * The last day on which publication is on time. Working-day rules count from the day after `start`;
 * an annual rule is due by its date in the start's year (the next year's if the start is later).
 */
export function dueDate(rule: DueRule, start: IsoDate, calendar: WorkingCalendar): IsoDate {
  if (rule.kind === 'workdays') return calendar.addWorkingDays(start, rule.days);
  const sameYear = `${yearOf(start)}-${rule.by}`;
  return start <= sameYear ? sameYear : `${yearOf(start) + 1}-${rule.by}`;
}

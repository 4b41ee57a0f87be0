import {
  CalendarRangeError,
  type ChannelName,
  type DueRule,
  dueDate,
  formatDueRule,
  type IsoDate,
  type Item,
  type ItemId,
  isoDate,
  type Row,
  subjectCovers,
} from '../catalog/index.js';
import { channelSources, type ScoringContext } from './context.js';
import type { Obligation, ScoringBody, ScoringRecord } from './types.js';

/**
 * Rules that need no record: an annual item (loans, once a year) is due from every body its 公开主体 names;
 * the 监督举报 hotline must be public from early in the year (here: 20 working days into it).
 */
const STANDING_HOTLINE = {
  item: 'oversight.reporting' as ItemId,
  workdays: 20,
  elements: ['公开单位', '单位监督举报电话', '12317监督举报电话'],
};

/** The element keys that make a post count for a standing rule (the hotline, not the handling results). */
export function standingKeys(item: ItemId): readonly string[] | undefined {
  return item === STANDING_HOTLINE.item ? STANDING_HOTLINE.elements : undefined;
}

/**
 * The channels of a catalog row a body must publish on: the website for county, department and township
 * bodies (a village through its township's site, when that has one); a board or service centre only when
 * the registry lists one for the body, since only then can its postings be entered.
 */
export function requiredChannels(ctx: ScoringContext, body: ScoringBody, row: Row): ChannelName[] {
  return row.channels.filter((channel) => {
    if (channel === '政府网站')
      return body.level !== 'village' || channelSources(ctx, body.id, channel).length > 0;
    return ctx.sourcesOf(body.id).some((s) => s.channel === channel && s.active);
  });
}

function rowOf(item: Item, rowId: string): Row | undefined {
  return item.rows.find((r) => r.id === rowId) ?? item.rows[0];
}

function due(ctx: ScoringContext, rule: DueRule, start: IsoDate): IsoDate | undefined {
  try {
    return dueDate(rule, start, ctx.input.calendar);
  } catch (error) {
    if (error instanceof CalendarRangeError) return undefined;
    throw error;
  }
}

function obligation(
  fields: Omit<
    Obligation,
    | 'status'
    | 'published'
    | 'workdaysLate'
    | 'workdaysLeft'
    | 'evidence'
    | 'elsewhere'
    | 'claims'
    | 'checked'
    | 'detail'
  >,
): Obligation {
  // Written out field by field (not spread): one object shape for every obligation, built and serialised fast.
  return {
    key: fields.key,
    bodyId: fields.bodyId,
    item: fields.item,
    row: fields.row,
    channel: fields.channel,
    origin: fields.origin,
    record: fields.record,
    formed: fields.formed,
    due: fields.due,
    rule: fields.rule,
    ruleText: fields.ruleText,
    status: 'pending',
    published: null,
    workdaysLate: null,
    workdaysLeft: null,
    evidence: [],
    elsewhere: [],
    claims: [],
    checked: null,
    detail: '',
  };
}

function fromRecord(ctx: ScoringContext, record: ScoringRecord): Obligation[] {
  const item = ctx.input.catalog.items.find((i) => i.id === record.item);
  const body = ctx.bodies.get(record.bodyId);
  const row = item && rowOf(item, record.row);
  if (!item || !row || !body) return [];
  const due_ = due(ctx, row.time.due, record.formed);
  return requiredChannels(ctx, body, row).map((channel) =>
    obligation({
      key: `rec:${record.id}:${channel}`,
      bodyId: body.id,
      item: item.id,
      row: row.id,
      channel,
      origin: 'record',
      record: { id: record.id, title: record.title, refNo: record.refNo },
      formed: record.formed,
      due: due_ ?? '9999-12-31',
      rule: formatDueRule(row.time.due),
      ruleText: row.time.text,
    }),
  );
}

function coveredBodies(ctx: ScoringContext, row: Row): ScoringBody[] {
  const subjects = ctx.input.catalog.subjects.filter((s) => row.subjects.includes(s.name));
  return ctx.input.bodies.filter(
    (b) => b.active && subjects.some((s) => subjectCovers(s, { level: b.level, role: b.role ?? undefined })),
  );
}

function standing(ctx: ScoringContext, records: readonly ScoringRecord[]): Obligation[] {
  const { year, catalog, calendar } = ctx.input;
  const out: Obligation[] = [];
  for (const item of catalog.items) {
    const row = item.rows[0];
    if (!row) continue;
    const annual = row.time.due.kind === 'annual';
    const hotline = item.id === STANDING_HOTLINE.item;
    if (!annual && !hotline) continue;
    for (const body of coveredBodies(ctx, row)) {
      // An imported record of an annual item stands in for the standing rule.
      if (annual && records.some((r) => r.item === item.id && r.bodyId === body.id)) continue;
      const rule: DueRule = hotline
        ? { kind: 'workdays', days: STANDING_HOTLINE.workdays, from: 'formed' }
        : row.time.due;
      const due_ = hotline
        ? calendar.addWorkingDays(isoDate(year, 1, 1), STANDING_HOTLINE.workdays)
        : due(ctx, rule, isoDate(year, 1, 1));
      for (const channel of requiredChannels(ctx, body, row)) {
        out.push(
          obligation({
            key: `std:${item.id}:${body.id}:${year}:${channel}`,
            bodyId: body.id,
            item: item.id,
            row: row.id,
            channel,
            origin: 'standing',
            record: null,
            formed: null,
            due: due_ ?? '9999-12-31',
            rule: hotline
              ? `present by workdays(${STANDING_HOTLINE.workdays}) from ${year}-01-01`
              : formatDueRule(rule),
            ruleText: hotline ? '监督举报电话应长期公开（年初20个工作日内公开）' : row.time.text,
          }),
        );
      }
    }
  }
  return out;
}

/** The year's obligations: one per record × required channel, plus the standing rules. */
export function buildObligations(ctx: ScoringContext): Obligation[] {
  const year = String(ctx.input.year);
  const records = ctx.input.records.filter((r) => r.formed.startsWith(year));
  return [...records.flatMap((r) => fromRecord(ctx, r)), ...standing(ctx, records)];
}

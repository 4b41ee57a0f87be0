import type { OverdueObligation, ReportFinding } from './annual-report.js';
import { EVIDENCE_ZH, SEVERITY_ZH } from './labels.js';

/** A cell's value: text, a number, a day (YYYY-MM-DD, a real date in xlsx), a yes/no, or empty. */
export type CellValue =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number; format?: string }
  | { kind: 'date'; value: string }
  | { kind: 'link'; value: string }
  | null;

/** One column of a table the report writes to xlsx and csv alike. */
export interface Column<T> {
  header: string;
  /** Width in characters (xlsx). */
  width: number;
  cell: (row: T) => CellValue;
}

const text = (value: string | null | undefined): CellValue =>
  value === null || value === undefined || value === '' ? null : { kind: 'text', value };
const num = (value: number | null | undefined, format?: string): CellValue =>
  value === null || value === undefined ? null : { kind: 'number', value, ...(format ? { format } : {}) };
const day = (value: string | null | undefined): CellValue =>
  value && /^\d{4}-\d{2}-\d{2}/.test(value) ? { kind: 'date', value: value.slice(0, 10) } : null;
const yesNo = (value: boolean): CellValue => ({ kind: 'text', value: value ? '是' : '否' });

/** The columns of 扣分明细 and of the findings CSV. */
export const FINDING_COLUMNS: readonly Column<ReportFinding>[] = [
  { header: '序号', width: 6, cell: (f) => num(f.no) },
  { header: '主体编号', width: 12, cell: (f) => text(f.bodyId) },
  { header: '主体', width: 28, cell: (f) => text(f.bodyName) },
  { header: '问题类型', width: 16, cell: (f) => text(f.label) },
  { header: '类型代码', width: 14, cell: (f) => text(f.kind) },
  { header: '严重程度', width: 8, cell: (f) => text(SEVERITY_ZH[f.severity] ?? f.severity) },
  { header: '事项', width: 26, cell: (f) => text(f.itemName) },
  { header: '记录', width: 30, cell: (f) => text(f.record) },
  { header: '规则', width: 40, cell: (f) => text(f.rule) },
  { header: '截止日期', width: 11, cell: (f) => day(f.due) },
  { header: '公开日期', width: 11, cell: (f) => day(f.published) },
  { header: '逾期工作日', width: 10, cell: (f) => num(f.workdaysLate) },
  { header: '公示天数', width: 9, cell: (f) => num(f.days) },
  { header: '扣分', width: 7, cell: (f) => num(f.points, '0.0#') },
  { header: '一票否决', width: 8, cell: (f) => yesNo(f.veto) },
  { header: '说明', width: 50, cell: (f) => text(f.detail) },
  {
    header: '证据类型',
    width: 10,
    cell: (f) => text(f.evidence ? (EVIDENCE_ZH[f.evidence.kind] ?? f.evidence.kind) : null),
  },
  { header: '证据标题', width: 36, cell: (f) => text(f.evidence?.title) },
  {
    header: '证据网址',
    width: 44,
    cell: (f) =>
      (f.evidence?.url ?? f.url) ? { kind: 'link', value: (f.evidence?.url ?? f.url) as string } : null,
  },
  { header: '证据 SHA-256', width: 66, cell: (f) => text(f.evidence?.sha256) },
  { header: '首次发现', width: 11, cell: (f) => day(f.evidence?.firstSeen) },
  { header: '复核意见', width: 40, cell: (f) => text(f.reviews.join('\n')) },
  { header: '认领情况', width: 40, cell: (f) => text(f.claims.join('\n')) },
  { header: '公开义务编号', width: 36, cell: (f) => text(f.obligationKey) },
];

/** The columns of 逾期事项: obligations still not published on the run's day. */
export const OVERDUE_COLUMNS: readonly Column<OverdueObligation>[] = [
  { header: '主体编号', width: 12, cell: (o) => text(o.bodyId) },
  { header: '主体', width: 28, cell: (o) => text(o.bodyName) },
  { header: '事项', width: 26, cell: (o) => text(o.itemName) },
  { header: '记录', width: 34, cell: (o) => text(o.record ?? '（常设要求）') },
  { header: '应公开渠道', width: 12, cell: (o) => text(o.channel) },
  { header: '截止日期', width: 11, cell: (o) => day(o.due) },
  { header: '已逾期工作日', width: 12, cell: (o) => num(o.workdaysLate) },
  { header: '时限（目录原文）', width: 36, cell: (o) => text(o.ruleText) },
  { header: '规则', width: 30, cell: (o) => text(o.rule) },
  { header: '已在其他渠道公开', width: 16, cell: (o) => text(o.elsewhere.join('、')) },
  { header: '最近核查日', width: 11, cell: (o) => day(o.checked?.day) },
  { header: '核查来源', width: 14, cell: (o) => text(o.checked?.sourceId) },
  { header: '认领情况', width: 40, cell: (o) => text(o.claims.join('\n')) },
  { header: '公开义务编号', width: 36, cell: (o) => text(o.key) },
];

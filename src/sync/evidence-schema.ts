import { z } from 'zod';
import {
  DateCellSchema,
  DaysCellSchema,
  OptionalDateCellSchema,
  OptionalTextCellSchema,
  TextCellSchema,
} from './table-cells.js';
import type { ColumnSpec } from './table-columns.js';

/** The offline evidence file's columns: one row per posting on a board or at a service centre. */
export const EVIDENCE_COLUMNS = [
  { key: 'body', names: ['主体', 'body', '公开主体', '主体名称', '单位', 'bodyId'], required: true },
  { key: 'item', names: ['事项', 'item', '事项名称', '二级事项', '公开事项', 'itemId'], required: true },
  { key: 'channel', names: ['渠道', 'channel', '公开渠道', '载体', '公开载体', '张贴位置'], required: true },
  {
    key: 'postedFrom',
    names: ['张贴日期', 'postedFrom', 'from', '公示开始日期', '开始日期', '公示日期', '张贴时间', '起始日期'],
    required: true,
  },
  {
    key: 'postedTo',
    names: ['撤下日期', 'postedTo', 'to', '公示结束日期', '结束日期', '截止日期', '撤除日期'],
  },
  { key: 'days', names: ['公示天数', 'days', '天数', '公示期', 'statedDays'] },
  { key: 'title', names: ['标题', 'title', '公示标题', '名称'] },
  { key: 'record', names: ['记录', 'record', '文号', '记录文号', '关联记录', '记录标题'] },
  { key: 'by', names: ['录入人', 'by', 'enteredBy', '录入', '填报人', '登记人'] },
  { key: 'note', names: ['备注', 'note', '说明', 'remark'] },
  { key: 'photo', names: ['照片', 'photo', '图片', '照片文件'] },
] as const satisfies readonly ColumnSpec[];

export type EvidenceColumnKey = (typeof EVIDENCE_COLUMNS)[number]['key'];

/** One posting as its cells say; body, item, channel and record are resolved after. */
export const EvidenceRowSchema = z.object({
  body: TextCellSchema,
  item: TextCellSchema,
  channel: TextCellSchema,
  postedFrom: DateCellSchema,
  postedTo: OptionalDateCellSchema,
  days: DaysCellSchema,
  title: OptionalTextCellSchema,
  record: OptionalTextCellSchema,
  by: OptionalTextCellSchema,
  note: OptionalTextCellSchema,
  photo: OptionalTextCellSchema,
});
export type EvidenceRow = z.output<typeof EvidenceRowSchema>;

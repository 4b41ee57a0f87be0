import { z } from 'zod';
import {
  amountCellSchema,
  cellText,
  DateCellSchema,
  OptionalTextCellSchema,
  TextCellSchema,
} from './table-cells.js';
import type { ColumnSpec } from './table-columns.js';

/** The records file's columns (DESIGN.md's contract), with the names exports of other systems use. */
export const RECORD_COLUMNS = [
  {
    key: 'item',
    names: ['事项', 'item', '事项名称', '二级事项', '公开事项', '事项编号', 'itemId'],
    required: true,
  },
  {
    key: 'body',
    names: ['主体', 'body', '公开主体', '主体名称', '责任单位', '单位', '单位名称', 'bodyId'],
    required: true,
  },
  { key: 'title', names: ['标题', 'title', '名称', '文件标题', '文件名称', '记录名称'], required: true },
  { key: 'refNo', names: ['文号', 'refNo', '发文字号', '发文文号', '文件编号', '批复文号', 'docNo'] },
  {
    key: 'formed',
    names: [
      '形成日期',
      'formed',
      '成文日期',
      '下达日期',
      '印发日期',
      '发文日期',
      '批复日期',
      '形成时间',
      'formedAt',
    ],
    required: true,
  },
  { key: 'amount', names: ['金额', 'amount', '资金金额', '资金规模', '下达金额', '资金'] },
  { key: 'note', names: ['备注', 'note', '说明', 'remark', 'notes'] },
  { key: 'row', names: ['行', 'row', '目录行', '内容行'] },
] as const satisfies readonly ColumnSpec[];

export type RecordColumnKey = (typeof RECORD_COLUMNS)[number]['key'];

/** One row of a records file, cells parsed; item, body and row are resolved against catalog and registry after. */
export function recordRowSchema(amountFactor: number) {
  return z.object({
    item: TextCellSchema,
    body: TextCellSchema,
    title: TextCellSchema,
    refNo: OptionalTextCellSchema,
    formed: DateCellSchema,
    amount: amountCellSchema(amountFactor),
    note: OptionalTextCellSchema,
    row: z.preprocess(
      (cell) => cellText(cell)?.toLowerCase(),
      z
        .string()
        .regex(/^[a-z0-9-]+$/, '行号应为 a 或 b 这样的目录行号')
        .optional(),
    ),
  });
}

export type RecordRow = z.output<ReturnType<typeof recordRowSchema>>;

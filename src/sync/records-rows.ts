import { type Catalog, DataFileError, type Item, type Problem } from '../catalog/index.js';
import type { Body, RecordInput } from '../store/index.js';
import { recordKey } from './records-key.js';
import { RECORD_COLUMNS, type RecordColumnKey, type RecordRow, recordRowSchema } from './records-schema.js';
import type { Columns } from './table-columns.js';
import { matchColumns } from './table-columns.js';
import { createBodyLookup, createItemLookup, rowCoversBody } from './table-lookups.js';
import type { Table } from './table-read.js';
import { checkReferenceCells, parseTableRows, RowProblems, sortProblems } from './table-rows.js';

/** What a records file is checked against. */
export interface RecordCheckOptions {
  catalog: Catalog;
  /** Catalogs whose item names are also accepted (the 2021 乡村振兴 names). */
  variants?: readonly Catalog[];
  /** The registry's bodies, retired ones included. */
  bodies: readonly Body[];
}

/** A record ready to store, with the row it came from. */
export interface RecordLine {
  line: number;
  input: RecordInput;
}

const UPPER_PLAN = /批复|上级下达/;

/** The catalog row a record falls under when the file does not say: item 10's row b for 上级下达 plans. */
function defaultRow(item: Item, row: RecordRow): string {
  const text = `${row.title} ${row.note ?? ''}`;
  if (item.id === 'projects.annual-plan' && UPPER_PLAN.test(text) && item.rows.some((r) => r.id === 'b'))
    return 'b';
  return item.rows[0]?.id ?? 'a';
}

/**
 * Reads and checks every row of a records table: all problems are collected, each at its row and column,
 * and thrown together as one `DataFileError`; otherwise the records and the warnings are returned.
 */
export function readRecordRows(
  table: Table,
  options: RecordCheckOptions,
): { records: RecordLine[]; warnings: Problem[] } {
  const { columns, problems: headerProblems, warnings } = matchColumns(table, RECORD_COLUMNS);
  if (headerProblems.length > 0) throw new DataFileError(table.file, headerProblems);
  const schema = recordRowSchema(columns.factor('amount'));
  const { rows, rejected, problems: cellProblems } = parseTableRows(table, columns, schema);
  const problems = new RowProblems<RecordColumnKey>(columns);
  const notes = new RowProblems<RecordColumnKey>(columns);
  const findItem = createItemLookup(options.catalog, options.variants);
  const findBody = createBodyLookup(options.bodies);
  const ctx = { catalog: options.catalog, findItem, findBody, problems, notes };
  const records = rows.flatMap(({ line, value }) => toRecordLine(value, line, ctx) ?? []);
  for (const { line, value } of rejected) checkReferenceCells(value, line, problems, { findItem, findBody });
  const unique = mergeDuplicates(records, columns, problems, notes);
  const all = [...cellProblems, ...problems.list];
  if (all.length > 0) throw new DataFileError(table.file, sortProblems(all, table.header.cells));
  return { records: unique, warnings: sortProblems([...warnings, ...notes.list]) };
}

interface RowContext {
  catalog: Catalog;
  findItem: ReturnType<typeof createItemLookup>;
  findBody: ReturnType<typeof createBodyLookup>;
  problems: RowProblems<RecordColumnKey>;
  notes: RowProblems<RecordColumnKey>;
}

/** Resolves a row's item, body and catalog row; a body the row's 公开主体 do not name is a warning. */
function toRecordLine(value: RecordRow, line: number, ctx: RowContext): RecordLine | undefined {
  const item = ctx.findItem(value.item);
  const body = ctx.findBody(value.body);
  if (item.kind === 'problem') ctx.problems.add(line, 'item', item.message);
  if (body.kind === 'problem') ctx.problems.add(line, 'body', body.message);
  if (item.kind === 'problem' || body.kind === 'problem') return undefined;
  const rowId = value.row ?? defaultRow(item.value, value);
  const catalogRow = item.value.rows.find((r) => r.id === rowId);
  if (!catalogRow) {
    const ids = item.value.rows.map((r) => r.id).join('、');
    ctx.problems.add(line, 'row', `事项“${item.value.name}”没有“${rowId}”行（只有 ${ids}）`);
    return undefined;
  }
  if (!rowCoversBody(ctx.catalog, catalogRow, body.value)) {
    const subjects = catalogRow.subjects.join('、');
    const message = `“${body.value.name}”不在事项“${item.value.name}”的公开主体（${subjects}）之列，请核对（仍会导入）`;
    ctx.notes.add(line, 'body', message);
  }
  const input = {
    item: item.value.id,
    row: rowId,
    bodyId: body.value.id,
    title: value.title,
    refNo: value.refNo ?? null,
    formed: value.formed,
    amount: value.amount ?? null,
    note: value.note ?? null,
  };
  return { line, input: { key: recordKey(input), ...input } };
}

/** One record per key: an identical repeat is merged with a warning, a conflicting one is an error. */
function mergeDuplicates(
  records: RecordLine[],
  columns: Columns<RecordColumnKey>,
  problems: RowProblems<RecordColumnKey>,
  notes: RowProblems<RecordColumnKey>,
): RecordLine[] {
  const seen = new Map<string, RecordLine>();
  for (const record of records) {
    const first = seen.get(record.input.key);
    if (!first) {
      seen.set(record.input.key, record);
      continue;
    }
    const { refNo } = record.input;
    const column = refNo ? 'refNo' : 'title';
    const same = JSON.stringify(first.input) === JSON.stringify(record.input);
    const what = refNo
      ? `事项、主体和${columns.header('refNo')}`
      : `事项、主体、${columns.header('title')}和年份`;
    if (same) notes.add(record.line, column, `与第 ${first.line} 行重复，只导入一次`);
    else
      problems.add(record.line, column, `与第 ${first.line} 行是同一条记录（${what}相同），但其余内容不同`);
  }
  return [...seen.values()];
}

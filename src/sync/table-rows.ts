import type { z } from 'zod';
import { type Problem, zodErrorZh } from '../catalog/index.js';
import { cellText } from './table-cells.js';
import type { Columns } from './table-columns.js';
import type { Lookup } from './table-lookups.js';
import type { Cell, Table } from './table-read.js';

/** A row that passed its schema, with its spreadsheet row number. */
export interface ParsedRow<T> {
  line: number;
  value: T;
}

/** Collects problems of one table, each at a row and a column as the file names it. */
export class RowProblems<K extends string> {
  readonly list: Problem[] = [];
  constructor(private readonly columns: Pick<Columns<K>, 'header'>) {}

  /** Adds a problem; line 0 means the input has no rows (command-line options). */
  add(line: number, key: K, message: string): void {
    this.list.push({ ...(line > 0 ? { line } : {}), path: this.columns.header(key), message });
  }
}

/** Parses every row with the schema; each zod issue becomes a problem at its row and column. */
export function parseTableRows<K extends string, S extends z.ZodType>(
  table: Table,
  columns: Columns<K>,
  schema: S,
): { rows: ParsedRow<z.output<S>>[]; rejected: ParsedRow<Partial<Record<K, Cell>>>[]; problems: Problem[] } {
  const rows: ParsedRow<z.output<S>>[] = [];
  const rejected: ParsedRow<Partial<Record<K, Cell>>>[] = [];
  const problems = new RowProblems(columns);
  for (const { line, cells } of table.rows) {
    const raw = columns.pick(cells);
    const result = schema.safeParse(raw, { error: zodErrorZh });
    if (result.success) {
      rows.push({ line, value: result.data });
      continue;
    }
    rejected.push({ line, value: raw });
    for (const issue of result.error.issues)
      problems.add(line, String(issue.path[0] ?? '') as K, issue.message);
  }
  return { rows, rejected, problems: problems.list };
}

/**
 * Checks the item and body of a row whose other cells failed, so that one pass reports an unknown body
 * on the same row as a bad date.
 */
export function checkReferenceCells(
  raw: Partial<Record<'item' | 'body', unknown>>,
  line: number,
  problems: RowProblems<'item' | 'body'>,
  lookups: { findItem: (ref: string) => Lookup<unknown>; findBody: (ref: string) => Lookup<unknown> },
): void {
  const [itemRef, bodyRef] = [cellText(raw.item), cellText(raw.body)];
  const item = itemRef === undefined ? undefined : lookups.findItem(itemRef);
  const body = bodyRef === undefined ? undefined : lookups.findBody(bodyRef);
  if (item?.kind === 'problem') problems.add(line, 'item', item.message);
  if (body?.kind === 'problem') problems.add(line, 'body', body.message);
}

/** Problems in reading order: by row, then by column as `columns` lists them (the file's header). */
export function sortProblems(problems: readonly Problem[], columns: readonly unknown[] = []): Problem[] {
  const names = columns.map((c) => cellText(c));
  const at = (p: Problem) => {
    const i = names.indexOf(p.path);
    return i < 0 ? names.length : i;
  };
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || at(a) - at(b));
}

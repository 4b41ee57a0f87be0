import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DataFileError } from '../catalog/index.js';
import { sha256Hex } from '../store/index.js';
import { CsvSyntaxError, parseCsv } from './csv-parse.js';
import { decodeTableText } from './table-decode.js';

/** A spreadsheet cell as read: text, a number, a real date (xlsx), a boolean, or empty. */
export type Cell = string | number | boolean | Date | null;

/** A row of cells and its number as a spreadsheet shows it (the first row is 1). */
export interface TableRow {
  line: number;
  cells: Cell[];
}

/** A data table read from .csv or .xlsx: the header row (the first non-empty one) and the rows below it. */
export interface Table {
  file: string;
  /** Of the file's bytes, for the import log. */
  sha256: string;
  header: TableRow;
  rows: TableRow[];
}

/** The file kinds a table can be read from. */
export const TABLE_EXTENSIONS = ['.csv', '.xlsx'] as const;

const fail = (file: string, message: string, line?: number): DataFileError =>
  new DataFileError(file, [{ ...(line ? { line } : {}), path: '', message }]);

const isBlank = (cells: readonly Cell[]) =>
  cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(file, code === 'ENOENT' ? '文件不存在' : `无法读取（${code}）`);
  }
}

/** Reads a .csv (UTF-8 or GBK) or .xlsx (first worksheet) file; every failure is a `DataFileError`. */
export async function readTable(file: string): Promise<Table> {
  const ext = path.extname(file).toLowerCase();
  const bytes = readBytes(file);
  const rows = ext === '.xlsx' ? await xlsxRows(file, bytes) : csvRows(file, bytes);
  const filled = rows.filter((r) => !isBlank(r.cells));
  const [header, ...body] = filled;
  if (!header) throw fail(file, '文件是空的：没有表头行');
  return { file, sha256: sha256Hex(bytes), header, rows: body };
}

function csvRows(file: string, bytes: Uint8Array): TableRow[] {
  const { text } = decodeTableText(bytes);
  try {
    return parseCsv(text).map((cells, i) => ({ line: i + 1, cells }));
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw fail(file, error.message, error.row);
    throw error;
  }
}

async function xlsxRows(file: string, bytes: Buffer): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new DataFileError(file, [
      { path: '', message: `不是有效的 Excel（.xlsx）文件：${(error as Error).message}` },
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fail(file, '工作簿中没有工作表');
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = plainCell(cell.value);
    });
    rows.push({ line, cells: Array.from(cells, (c) => c ?? null) });
  });
  return rows;
}

/** An exceljs value as a plain cell: rich text joined, a formula's result, a link's text. */
function plainCell(value: ExcelJS.CellValue | unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((part) => part.text).join('');
  if ('result' in v || 'formula' in v || 'sharedFormula' in v) return plainCell(v.result);
  if ('text' in v) return plainCell(v.text);
  if (typeof v.error === 'string') return v.error;
  return String(value);
}

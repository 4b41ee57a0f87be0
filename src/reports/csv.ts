import type { AnnualReport } from './annual-report.js';
import { type CellValue, type Column, FINDING_COLUMNS } from './columns.js';

const BOM = '\uFEFF';

// Text a spreadsheet would run as a formula (crawled titles are not trusted) is kept as text with a leading '.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvCell(cell: CellValue): string {
  if (cell === null) return '';
  switch (cell.kind) {
    case 'number':
      return String(cell.value);
    case 'date':
      return cell.value;
    case 'text':
    case 'link':
      return csvField(FORMULA_START.test(cell.value) ? `'${cell.value}` : cell.value);
  }
}

/** Rows as CSV: UTF-8 with a BOM (so Excel reads it as UTF-8), CRLF line ends, a header row first. */
export function toCsv<T>(columns: readonly Column<T>[], rows: readonly T[]): Uint8Array {
  const lines = [
    columns.map((c) => csvField(c.header)).join(','),
    ...rows.map((row) => columns.map((c) => csvCell(c.cell(row))).join(',')),
  ];
  return new TextEncoder().encode(`${BOM}${lines.join('\r\n')}\r\n`);
}

/** The report's findings as CSV, in report order (body, then as scored). */
export function writeReportCsv(report: AnnualReport): Uint8Array {
  return toCsv(FINDING_COLUMNS, report.findings);
}

import type ExcelJS from 'exceljs';
import type { CellValue, Column } from './columns.js';

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2DEDE' } };
export const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14, color: { argb: 'FF8E1B1B' } };
const DATE_FORMAT = 'yyyy-mm-dd';

/** A day as the Date exceljs writes as that day's serial number (midnight UTC: no zone shifts it). */
export function dayDate(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** An instant as a Date whose UTC fields are China time, so Excel shows the China wall-clock time. */
export function chinaDateTime(iso: string): Date {
  return new Date(Date.parse(iso) + 8 * 3_600_000);
}

/** Writes one value into a cell: text, a real number, a real date, or a link (http/https only). */
export function setCell(cell: ExcelJS.Cell, value: CellValue, wrap = false): void {
  cell.alignment = { vertical: 'top', wrapText: wrap };
  if (value === null) return;
  switch (value.kind) {
    case 'text':
      cell.value = value.value;
      return;
    case 'number':
      cell.value = value.value;
      if (value.format) cell.numFmt = value.format;
      return;
    case 'date':
      cell.value = dayDate(value.value);
      cell.numFmt = DATE_FORMAT;
      return;
    case 'link':
      if (/^https?:\/\//i.test(value.value)) {
        cell.value = { text: value.value, hyperlink: value.value };
        cell.font = { color: { argb: 'FF0B5CAD' }, underline: true };
      } else cell.value = value.value;
      return;
  }
}

/** Styles a header row: bold on a light fill, centred, wrapped. */
export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FFB0B0B0' } } };
  });
}

/**
 * A whole sheet as one table: header row frozen and filtered, column widths, one row per item. Long text columns
 * wrap.
 */
export function writeTableSheet<T>(
  sheet: ExcelJS.Worksheet,
  columns: readonly Column<T>[],
  rows: readonly T[],
): void {
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  styleHeader(sheet.getRow(1));
  for (const item of rows) {
    const row = sheet.addRow([]);
    columns.forEach((c, i) => {
      setCell(row.getCell(i + 1), c.cell(item), c.width >= 30);
    });
  }
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

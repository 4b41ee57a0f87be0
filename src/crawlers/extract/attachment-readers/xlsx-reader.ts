import ExcelJS from 'exceljs';
import { capText, type ReadLimits, type ReadText } from './reader.js';

const MAX_COLS = 100;

const pad = (n: number) => String(n).padStart(2, '0');

function dateText(d: Date): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time =
    d.getUTCHours() + d.getUTCMinutes() === 0 ? '' : ` ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return day + time;
}

/** A cell value as the sheet shows it: rich text joined, formula results, hyperlink text, dates as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateText(value);
  if (typeof value !== 'object') return String(value).trim();
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text).trim();
  if ('error' in value) return String(value.error);
  return '';
}

/** Every worksheet as a table (rows of cell strings); the text names each sheet, then its rows tab-separated. */
export async function readXlsx(bytes: Uint8Array, limits: ReadLimits): Promise<ReadText> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const tables: string[][][] = [];
  const lines: string[] = [];
  let rows = 0;
  let truncated = false;
  for (const sheet of workbook.worksheets) {
    const table: string[][] = [];
    const cols = Math.min(sheet.columnCount, MAX_COLS);
    truncated ||= sheet.columnCount > MAX_COLS;
    for (let r = 1; r <= sheet.rowCount; r++) {
      if (rows >= limits.maxRows || limits.deadline()) {
        truncated = true;
        break;
      }
      const row = sheet.getRow(r);
      const cells = Array.from({ length: cols }, (_, c) => cellText(row.getCell(c + 1).value));
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      if (cells.length === 0) continue;
      table.push(cells);
      rows++;
    }
    tables.push(table);
    lines.push(sheet.name, ...table.map((cells) => cells.join('\t')));
  }
  const capped = capText(lines.join('\n'), limits.maxChars);
  return { text: capped.text, tables, truncated: truncated || capped.truncated };
}

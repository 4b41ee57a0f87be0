import type ExcelJS from 'exceljs';
import type { AnnualReport } from './annual-report.js';
import { schemeRows, schemeRules, workingDayRules } from './method.js';
import { styleHeader, TITLE_FONT } from './xlsx-cells.js';

const WIDTHS = [8, 16, 30, 10, 48, 34];

function heading(sheet: ExcelJS.Worksheet, row: number, text: string): number {
  sheet.getCell(row, 1).value = text;
  sheet.getCell(row, 1).font = { bold: true, size: 12 };
  return row + 1;
}

function paragraphs(sheet: ExcelJS.Worksheet, start: number, lines: readonly string[]): number {
  lines.forEach((line, i) => {
    const cell = sheet.getCell(start + i, 1);
    cell.value = `${i + 1}. ${line}`;
    cell.alignment = { wrapText: true, vertical: 'top' };
    sheet.mergeCells(start + i, 1, start + i, WIDTHS.length);
    // Merged cells do not grow with their text; give a long sentence room for its lines.
    sheet.getRow(start + i).height = 18 * Math.max(1, Math.ceil(line.length / 70));
  });
  return start + lines.length;
}

function table(sheet: ExcelJS.Worksheet, start: number, rows: (string | number)[][]): number {
  rows.forEach((values, i) => {
    const row = sheet.getRow(start + i);
    values.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.value = v;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
    if (i === 0) styleHeader(row);
  });
  return start + rows.length;
}

/** 方法说明: the catalog's time rules, how working days are counted, and the scheme's points, caps and veto. */
export function writeMethodSheet(sheet: ExcelJS.Worksheet, report: AnnualReport): void {
  sheet.columns = WIDTHS.map((width) => ({ width }));
  sheet.getCell(1, 1).value = '评分方法说明';
  sheet.getCell(1, 1).font = TITLE_FONT;
  let row = heading(
    sheet,
    3,
    `一、标准目录的公开时限（${report.catalog.name}，版本 ${report.catalog.version}）`,
  );
  row = table(sheet, row, [
    ['序号', '类别', '事项', '行', '时限（目录原文）', '规则'],
    ...report.catalog.items.flatMap((item) =>
      item.rows.map((r) => [item.no, item.category, item.name, r.id, r.ruleText, r.rule]),
    ),
  ]);
  row = heading(sheet, row + 1, '二、工作日的计算');
  row = paragraphs(sheet, row, workingDayRules(report));
  row = heading(sheet, row + 1, `三、评分方案（${report.scheme.name}）`);
  row = paragraphs(sheet, row, schemeRules(report.scheme));
  row = table(sheet, row + 1, [
    ['', '指标', '指标编号', '扣分上限'],
    ...report.scheme.indicators.map((i, n) => [n + 1, i.name, i.id, i.max]),
  ]);
  table(sheet, row + 1, [
    ['', '问题类型', '类型代码', '严重程度', '扣分', '所属指标'],
    ...schemeRows(report.scheme).map((r, n) => [n + 1, r.label, r.kind, r.severity, r.points, r.indicator]),
  ]);
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
}

import type ExcelJS from 'exceljs';
import type { AnnualReport } from './annual-report.js';
import { SEVERITY_ZH } from './labels.js';
import { scopeText } from './scope-text.js';
import { chinaDateTime, dayDate, styleHeader, TITLE_FONT } from './xlsx-cells.js';

type Value = string | number | Date | null;
type Pair = [label: string, value: Value, format?: string];

const WIDTHS = [30, 14, 12, 12, 12, 12, 12, 12];

function metaPairs(report: AnnualReport): Pair[] {
  const { run, catalog, scheme } = report;
  return [
    ['地区', report.district],
    ['报告范围', scopeText(report)],
    ['考核年度', report.year, '0'],
    ['评分截至日期', dayDate(run.today), 'yyyy-mm-dd'],
    ['标准目录', `${catalog.name}（${catalog.id}）`],
    ['目录版本', catalog.version],
    ['目录文件 SHA-256', catalog.sha256 ?? '（数据库中无该目录的文件摘要）'],
    ['评分方案', `${scheme.name}（${scheme.id}）`],
    ['评分方案 SHA-256', scheme.sha256],
    ['节假日数据', run.calendar],
    ['评分计算时间（北京时间，即本报告数据时间）', chinaDateTime(run.computedAt), 'yyyy-mm-dd hh:mm:ss'],
    ['评分批次', run.id, '0'],
    ['数据快照（评分输入 SHA-256）', run.inputsSha256],
  ];
}

function totalPairs(report: AnnualReport): Pair[] {
  const t = report.totals;
  const card = report.scope.kind === 'body' ? report.scope.card : null;
  return [
    ['公开主体数', t.bodies, '0'],
    ['平均得分', t.meanPoints, '0.0#'],
    ...(card
      ? [['乡镇含所辖村得分', card.points, '0.0#'] as Pair, ['乡镇含所辖村等级', card.grade] as Pair]
      : []),
    ['已到期的公开义务', t.due, '0'],
    ['按时公开', t.onTime, '0'],
    ['逾期公开', t.late, '0'],
    ['未公开', t.missing, '0'],
    ['未到期', t.pending, '0'],
    ['无法核实', t.unverifiable, '0'],
    ['及时率', t.timeliness, '0.0%'],
    ['完整率', t.completeness, '0.0%'],
    ['问题总数', t.findings, '0'],
    ['扣分问题数', t.deductions, '0'],
    ['扣分合计', t.pointsDeducted, '0.0#'],
    ['优秀 / 合格 / 不合格（个）', `${t.grades.优秀} / ${t.grades.合格} / ${t.grades.不合格}`],
    ['一票否决主体数', t.vetoed, '0'],
  ];
}

function writePairs(sheet: ExcelJS.Worksheet, start: number, pairs: readonly Pair[]): number {
  pairs.forEach(([label, value, format], i) => {
    const row = sheet.getRow(start + i);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    const cell = row.getCell(2);
    cell.value = value;
    if (format) cell.numFmt = format;
    cell.alignment = { horizontal: 'left' };
    sheet.mergeCells(start + i, 2, start + i, WIDTHS.length);
  });
  return start + pairs.length;
}

function writeTable(sheet: ExcelJS.Worksheet, start: number, title: string, rows: Value[][]): number {
  sheet.getCell(start, 1).value = title;
  sheet.getCell(start, 1).font = { bold: true, size: 12 };
  rows.forEach((values, i) => {
    const row = sheet.getRow(start + 1 + i);
    values.forEach((v, j) => {
      row.getCell(j + 1).value = v;
    });
    if (i === 0) styleHeader(row);
  });
  return start + 1 + rows.length;
}

/** 汇总: what the report is of (its inputs and their hashes), the scope's figures, findings by kind and items. */
export function writeSummarySheet(sheet: ExcelJS.Worksheet, report: AnnualReport): void {
  sheet.columns = WIDTHS.map((width) => ({ width }));
  sheet.getCell(1, 1).value = `${report.district}${report.title}`;
  sheet.getCell(1, 1).font = TITLE_FONT;
  sheet.mergeCells(1, 1, 1, WIDTHS.length);
  sheet.getRow(1).height = 26;
  let row = writePairs(sheet, 3, metaPairs(report));
  row = writePairs(sheet, row + 1, totalPairs(report));
  row = writeTable(sheet, row + 1, '问题类型统计', [
    ['问题类型', '类型代码', '严重程度', '数量', '扣分合计'],
    ...report.kinds.map((k) => [k.label, k.kind, SEVERITY_ZH[k.severity] ?? k.severity, k.count, k.points]),
  ]);
  writeTable(sheet, row + 1, '各事项公开义务状态（个）', [
    ['事项', '按时公开', '逾期公开', '未公开', '未到期', '无法核实', '免于公开'],
    ...report.items.map((i) => [
      i.itemName,
      i.counts.on_time,
      i.counts.late,
      i.counts.missing,
      i.counts.pending,
      i.counts.unverifiable,
      i.counts.exempt,
    ]),
  ]);
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
}

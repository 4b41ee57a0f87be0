import type ExcelJS from 'exceljs';
import type { AnnualReport, ReportBody } from './annual-report.js';
import type { CellValue, Column } from './columns.js';
import { LEVEL_ZH } from './labels.js';
import { writeTableSheet } from './xlsx-cells.js';

const text = (value: string | null | undefined): CellValue => (value ? { kind: 'text', value } : null);
const num = (value: number | null | undefined, format?: string): CellValue =>
  value === null || value === undefined ? null : { kind: 'number', value, ...(format ? { format } : {}) };
const RATE = '0.0%';
const POINTS = '0.0#';

/** The columns of 评分: rank, body, points and grade, rates, each indicator's deduction, obligation counts. */
export function scoreColumns(report: AnnualReport): Column<ReportBody>[] {
  const names = new Map(report.bodies.map((b) => [b.card.body.id, b.card.body.name]));
  return [
    { header: '名次', width: 6, cell: (b) => num(b.rank) },
    { header: '主体编号', width: 12, cell: (b) => text(b.card.body.id) },
    { header: '主体', width: 30, cell: (b) => text(b.card.body.name) },
    { header: '层级', width: 12, cell: (b) => text(LEVEL_ZH[b.card.body.level] ?? b.card.body.level) },
    {
      header: '上级主体',
      width: 18,
      cell: (b) => text(b.parentId ? (names.get(b.parentId) ?? b.parentId) : null),
    },
    { header: '得分', width: 8, cell: (b) => num(b.card.points, POINTS) },
    { header: '等级', width: 8, cell: (b) => text(b.card.grade) },
    { header: '一票否决', width: 8, cell: (b) => text(b.card.vetoed ? '是' : '否') },
    { header: '及时率', width: 9, cell: (b) => num(b.card.timeliness, RATE) },
    { header: '完整率', width: 9, cell: (b) => num(b.card.completeness, RATE) },
    { header: '要素完整率', width: 10, cell: (b) => num(b.card.elementCompleteness, RATE) },
    ...report.scheme.indicators.map(
      (indicator): Column<ReportBody> => ({
        header: `扣分：${indicator.name}（上限 ${indicator.max}）`,
        width: 12,
        cell: (b) => num(b.card.indicators.find((i) => i.id === indicator.id)?.deducted ?? 0, POINTS),
      }),
    ),
    { header: '按时公开', width: 9, cell: (b) => num(b.card.counts.on_time) },
    { header: '逾期公开', width: 9, cell: (b) => num(b.card.counts.late) },
    { header: '未公开', width: 8, cell: (b) => num(b.card.counts.missing) },
    { header: '未到期', width: 8, cell: (b) => num(b.card.counts.pending) },
    { header: '无法核实', width: 9, cell: (b) => num(b.card.counts.unverifiable) },
    { header: '问题数', width: 8, cell: (b) => num(b.findings.length) },
    {
      header: '扣分问题数',
      width: 10,
      cell: (b) => num(b.findings.filter((f) => f.points > 0 || f.veto).length),
    },
  ];
}

/** 评分: every body of the report, best first. */
export function writeScoreSheet(sheet: ExcelJS.Worksheet, report: AnnualReport): void {
  writeTableSheet(sheet, scoreColumns(report), report.ranking);
  sheet.getRow(1).height = 36;
}

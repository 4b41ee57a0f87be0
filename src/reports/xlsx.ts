import type { AnnualReport } from './annual-report.js';
import { FINDING_COLUMNS, OVERDUE_COLUMNS } from './columns.js';
import { stampZip } from './stable-zip.js';
import { writeTableSheet } from './xlsx-cells.js';
import { writeMethodSheet } from './xlsx-method.js';
import { writeScoreSheet } from './xlsx-scores.js';
import { writeSummarySheet } from './xlsx-summary.js';

/**
 * The report as an Excel workbook: 汇总, 评分, 扣分明细, 逾期事项, 方法说明, with real dates and numbers, frozen
 * headers and filters. The same report gives the same bytes: every time in it is the score run's.
 */
export async function writeReportXlsx(report: AnnualReport): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const at = new Date(report.run.computedAt);
  workbook.creator = 'gongkai';
  workbook.lastModifiedBy = 'gongkai';
  workbook.created = at;
  workbook.modified = at;
  workbook.title = `${report.district}${report.title}`;
  workbook.subject = `评分批次 ${report.run.id}，数据快照 ${report.run.inputsSha256}`;
  workbook.calcProperties = { fullCalcOnLoad: false };
  const sheet = (name: string) =>
    workbook.addWorksheet(name, {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
  writeSummarySheet(sheet('汇总'), report);
  writeScoreSheet(sheet('评分'), report);
  writeTableSheet(sheet('扣分明细'), FINDING_COLUMNS, report.findings);
  writeTableSheet(sheet('逾期事项'), OVERDUE_COLUMNS, report.overdue);
  writeMethodSheet(sheet('方法说明'), report);
  const buffer = await workbook.xlsx.writeBuffer();
  return stampZip(new Uint8Array(buffer as ArrayBuffer), report.run.computedAt);
}

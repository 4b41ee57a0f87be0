/** Annual assessment reports: one score run read into a report, written as xlsx, csv or pdf. */
export type {
  AnnualReport,
  ReportBody,
  ReportCatalog,
  ReportFinding,
  ReportProblem,
  ReportRequest,
} from './annual-report.js';
export { csvField, writeReportCsv } from './csv.js';
export { renderReportHtml } from './html/document.js';
export { loadAnnualReport } from './load-report.js';
export { DEFAULT_CHROMIUM_PATH, type PdfOptions, writeReportPdf } from './pdf.js';
export { stampZip } from './stable-zip.js';
export { writeReportXlsx } from './xlsx.js';

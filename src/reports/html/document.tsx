/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The pragma keeps hono/jsx when tsx runs from another folder and does not read tsconfig.json (gongkai export anywhere).
import type { AnnualReport } from '../annual-report.js';
import { Bodies } from './bodies.js';
import { Cover } from './cover.js';
import { Method } from './method.js';
import { Overdue } from './overdue.js';
import { PRINT_CSS } from './print-css.js';
import { Summary } from './summary.js';

/** The whole report as one self-contained HTML page (no scripts, no requests), laid out for A4. */
export function ReportDocument(props: { report: AnnualReport }) {
  const { report } = props;
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>{`${report.district}${report.title}`}</title>
        <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }}></style>
      </head>
      <body>
        <Cover report={report} />
        <Summary report={report} />
        <Bodies report={report} />
        <Overdue report={report} />
        <Method report={report} />
      </body>
    </html>
  );
}

/** The report as an HTML document (what the PDF prints). */
export async function renderReportHtml(report: AnnualReport): Promise<string> {
  return `<!DOCTYPE html>${await (<ReportDocument report={report} />).toString()}`;
}

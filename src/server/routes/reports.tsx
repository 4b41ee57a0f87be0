import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { summarizeCatalog } from '../../catalog/index.js';
import {
  type AnnualReport,
  loadAnnualReport,
  writeReportCsv,
  writeReportPdf,
  writeReportXlsx,
} from '../../reports/index.js';
import { canSee, requireRole } from '../auth/session.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { createReadModel } from '../read-model.js';
import { ReportsPage, type ReportsPageProps } from '../views/reports.js';

const FORMATS = ['xlsx', 'pdf', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const DownloadSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  format: z.enum(FORMATS, '格式应为 xlsx、pdf 或 csv'),
  body: z
    .string()
    .max(100)
    .optional()
    .transform((s) => s || undefined),
});

const CONTENT_TYPE: Record<Format, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
};

// A Chinese name for the browser (RFC 5987) and an ASCII one for clients that read only that.
function disposition(report: AnnualReport, format: Format): string {
  const scope = report.scope.kind === 'body' ? `（${report.scope.name}）` : '';
  const name = `${report.district}${report.year}年度考核评估报告${scope}.${format}`;
  const ascii = `gongkai-report-${report.year}${report.scope.kind === 'body' ? `-${report.scope.id.replace(/[^\w-]/g, '_')}` : ''}.${format}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** `/reports` and `/reports/download`: the annual report for the district (admins, evaluators) or a township. */
export function registerReports(app: Hono<AppEnv>, deps: ServerDeps): void {
  const { store } = deps;
  const read = createReadModel(deps);
  const catalog = summarizeCatalog(deps.catalog);
  // One Chromium at a time: a second PDF waits for the first instead of starting another browser.
  let printing: Promise<unknown> = Promise.resolve();
  const printPdf = (report: AnnualReport): Promise<Uint8Array> => {
    const next = printing.then(() => writeReportPdf(report));
    printing = next.catch(() => undefined);
    return next;
  };

  const page = (c: Context<AppEnv>, extra: Partial<ReportsPageProps> & { year?: number }) => {
    const viewer = c.get('viewer');
    const scope = c.get('scope');
    const year = extra.year ?? read.defaultYear();
    // A township lead reports on their own township (and villages), as the rest of the dashboard shows them.
    const bodies = read
      .bodies()
      .filter(
        (b) =>
          b.active && (scope.all ? b.level !== 'village' : canSee(scope, b.id) && b.id === viewer.bodyId),
      );
    const recent = store.accounts
      .auditLog({ limit: 200, ...(scope.all ? {} : { actor: viewer.name }) })
      .filter((e) => e.action === 'report.export')
      .slice(0, 10);
    return c.render(
      <ReportsPage
        viewer={viewer}
        year={year}
        years={read.years()}
        run={read.run(year)}
        district={scope.all}
        bodies={bodies}
        body={extra.body ?? (scope.all ? '' : (viewer.bodyId ?? ''))}
        format={extra.format ?? 'xlsx'}
        recent={recent}
        error={extra.error}
      />,
    );
  };

  app.use('/reports', requireRole('admin', 'evaluator', 'township'));
  app.use('/reports/*', requireRole('admin', 'evaluator', 'township'));
  app.get('/reports', (c) => {
    const year = Number(c.req.query('year'));
    return page(c, Number.isInteger(year) && year >= 2000 && year <= 2100 ? { year } : {});
  });

  app.get('/reports/download', async (c) => {
    const parsed = DownloadSchema.safeParse(c.req.query());
    if (!parsed.success) {
      c.status(400);
      return page(c, { error: `请求无效：${parsed.error.issues.map((i) => i.message).join('；')}` });
    }
    const { year, format, body } = parsed.data;
    const scope = c.get('scope');
    const back = { year, format, body: body ?? '' };
    if (body === undefined ? !scope.all : !canSee(scope, body)) {
      c.status(403);
      return page(c, { ...back, error: '只能导出本乡镇及所辖村的报告' });
    }
    const result = loadAnnualReport(store, { year, bodyId: body, catalog, scheme: deps.scheme });
    if (result.kind !== 'report') {
      c.status(result.kind === 'rules_mismatch' ? 409 : 404);
      return page(c, { ...back, error: result.message });
    }
    const report = result.report;
    let bytes: Uint8Array;
    try {
      bytes =
        format === 'xlsx'
          ? await writeReportXlsx(report)
          : format === 'csv'
            ? writeReportCsv(report)
            : await printPdf(report);
    } catch (error) {
      deps.log?.warn({ err: String(error), year, format }, 'report export failed');
      c.status(503);
      return page(c, {
        ...back,
        error: `报告生成失败（${format.toUpperCase()}）：${String(error).slice(0, 300)}`,
      });
    }
    store.accounts.audit({
      actor: c.get('viewer').name,
      action: 'report.export',
      target: body ? `body:${body}` : 'district',
      detail: {
        year,
        format,
        scope: report.scope.name,
        runId: report.run.id,
        inputsSha256: report.run.inputsSha256,
        bytes: bytes.length,
      },
    });
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': CONTENT_TYPE[format],
      'content-disposition': disposition(report, format),
      'cache-control': 'private, no-store',
    });
  });
}

import { accessSync, constants, existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DataFileError, parseWithSchema, readYamlFile, summarizeCatalog } from '../catalog/index.js';
import {
  type AnnualReport,
  DEFAULT_CHROMIUM_PATH,
  loadAnnualReport,
  writeReportCsv,
  writeReportPdf,
  writeReportXlsx,
} from '../reports/index.js';
import { type Scheme, SchemeSchema } from '../scoring/index.js';
import { StoreError } from '../store/index.js';
import { type CliContext, PACKAGE_ROOT, UsageError } from './context.js';

// As `gongkai score` reads it (not imported from there: that module loads the matchers).
function loadScheme(ctx: CliContext, file: string | undefined): Scheme {
  const source = file ? ctx.resolve(file) : path.join(PACKAGE_ROOT, 'data', 'scoring', 'default.yaml');
  return parseWithSchema(SchemeSchema, readYamlFile(source));
}

interface ExportOptions {
  year?: string;
  format?: string;
  out?: string;
  body?: string;
  scheme?: string;
}

const FORMATS = ['xlsx', 'pdf', 'csv'] as const;
type Format = (typeof FORMATS)[number];

function checkOptions(ctx: CliContext, opts: ExportOptions): { year: number; format: Format; out: string } {
  if (opts.year === undefined) throw new UsageError('请用 --year 指定考核年度，例如 --year 2020');
  const year = Number(opts.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new UsageError(`--year 应为四位年份，收到“${opts.year}”`);
  if (opts.format === undefined) throw new UsageError('请用 --format 指定格式：xlsx、pdf 或 csv');
  const format = opts.format.toLowerCase();
  if (!FORMATS.includes(format as Format))
    throw new UsageError(`--format 应为 xlsx、pdf 或 csv，收到“${opts.format}”`);
  if (!opts.out) throw new UsageError('请用 --out 指定输出文件，例如 --out 2020年度考核报告.xlsx');
  const out = ctx.resolve(opts.out);
  const dir = path.dirname(out);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new UsageError(`--out 所在的目录不存在：${dir}`);
  return { year, format: format as Format, out };
}

// Checked before anything is read, so a missing browser is said at once and in Chinese.
function chromiumPath(ctx: CliContext): string {
  const file = ctx.io.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
  try {
    accessSync(file, constants.X_OK);
  } catch {
    throw new DataFileError(file, [
      {
        path: '',
        message:
          '找不到可运行的 Chromium，无法生成 PDF：请安装 Debian 软件包 chromium 和 fonts-noto-cjk（apt-get install -y chromium fonts-noto-cjk），或用环境变量 CHROMIUM_PATH 指向浏览器程序',
      },
    ]);
  }
  return file;
}

async function bytesOf(
  report: AnnualReport,
  format: Format,
  chromium: string | undefined,
): Promise<Uint8Array> {
  switch (format) {
    case 'xlsx':
      return writeReportXlsx(report);
    case 'csv':
      return writeReportCsv(report);
    case 'pdf':
      return writeReportPdf(report, { executablePath: chromium });
  }
}

/** `gongkai export --year Y --format xlsx|pdf|csv --out FILE [--body ID]`: the annual assessment report. */
export function registerExportCommand(program: Command, context: (cmd: Command) => CliContext): void {
  program
    .command('export')
    .description(
      '导出年度考核评估报告：Excel（汇总、评分、扣分明细、逾期事项、方法说明）、PDF 或扣分明细 CSV',
    )
    .option('--year <year>', '考核年度（必填）')
    .option('--format <format>', 'xlsx、pdf 或 csv（必填）')
    .option('--out <file>', '输出文件（必填）')
    .option('--body <id>', '只导出这一主体（乡镇连同所辖村）；默认全区')
    .option('--scheme <file>', '评分方案文件（默认 data/scoring/default.yaml），应与评分时所用的方案相同')
    .action(async (opts: ExportOptions, cmd: Command) => {
      const ctx = context(cmd);
      const { year, format, out } = checkOptions(ctx, opts);
      const chromium = format === 'pdf' ? chromiumPath(ctx) : undefined;
      const scheme = loadScheme(ctx, opts.scheme);
      const loaded = ctx.loadCatalog();
      const catalog = { ...summarizeCatalog(loaded.catalog), sha256: loaded.sha256 };
      const store = ctx.openStore();
      let report: AnnualReport;
      try {
        const result = loadAnnualReport(store, { year, bodyId: opts.body, catalog, scheme });
        if (result.kind === 'unknown_body') throw new UsageError(result.message);
        if (result.kind !== 'report') throw new StoreError(result.message, ctx.dbPath);
        report = result.report;
      } finally {
        store.close();
      }
      const bytes = await bytesOf(report, format, chromium);
      // Written beside the target and renamed, so an interrupted export never leaves half a report under its name.
      const partial = `${out}.partial`;
      writeFileSync(partial, bytes);
      renameSync(partial, out);
      const t = report.totals;
      ctx.print(
        `已导出 ${year} 年度报告（${report.scope.name}，${t.bodies} 个主体，问题 ${t.findings} 项；评分批次 ${report.run.id}，数据快照 ${report.run.inputsSha256.slice(0, 12)}）：${out}`,
      );
    });
}

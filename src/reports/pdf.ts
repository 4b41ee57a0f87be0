import type { AnnualReport } from './annual-report.js';
import { renderReportHtml } from './html/document.js';

/** Debian's Chromium; playwright-core drives it since its own browsers cannot be downloaded here. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

// Headless without a sandbox (containers), no GPU, nothing phoning home (DEPS.md).
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface PdfOptions {
  /** The Chromium to print with (default /usr/bin/chromium). */
  executablePath?: string | undefined;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Chromium draws these in the page margins; they need their own font and size (the page's CSS does not apply).
function templates(report: AnnualReport): { headerTemplate: string; footerTemplate: string } {
  const style =
    'font-family:&quot;Noto Sans CJK SC&quot;,sans-serif;font-size:7.5pt;color:#59636e;width:100%;margin:0 15mm;';
  const title = escapeHtml(`${report.district}${report.title}`);
  return {
    headerTemplate: `<div style="${style}display:flex;justify-content:space-between;border-bottom:0.5pt solid #c9d1d9;padding-bottom:2pt;"><span>${title}</span><span>评分批次 ${report.run.id} · 数据快照 ${report.run.inputsSha256.slice(0, 12)}</span></div>`,
    footerTemplate: `<div style="${style}text-align:center;">第 <span class="pageNumber"></span> 页　共 <span class="totalPages"></span> 页</div>`,
  };
}

/**
 * The report printed to PDF by Chromium from its HTML: A4, page header with the snapshot, page numbers in the
 * footer, table headers repeated on every page. The page runs no script and may request nothing.
 */
export async function writeReportPdf(report: AnnualReport, options: PdfOptions = {}): Promise<Uint8Array> {
  const html = await renderReportHtml(report);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: options.executablePath ?? DEFAULT_CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      ...templates(report),
      margin: { top: '18mm', bottom: '16mm', left: '15mm', right: '15mm' },
      tagged: true,
      outline: true,
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

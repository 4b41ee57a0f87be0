import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DataFileError } from '../catalog/index.js';
import { decodeBody } from '../crawlers/charset.js';
import { extractArticle } from '../crawlers/extract/index.js';
import { type Analysis, createAnalyzer, type RegistryBody } from '../matchers/index.js';
import type { CliContext } from './context.js';
import { toPostDocument } from './post-document.js';

interface AnalyzeOptions {
  url?: string;
  json?: boolean;
}

function readPage(file: string, path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录，不是文件' : `无法读取（${code}）`;
    throw new DataFileError(file, [{ path: '', message }]);
  }
}

function registryBodies(ctx: CliContext): RegistryBody[] {
  if (!existsSync(ctx.dbPath)) return [];
  const store = ctx.openStore();
  try {
    return store.bodies.list().map(({ id, name, level, aliases }) => ({ id, name, level, aliases }));
  } finally {
    store.close();
  }
}

/** The `analyze --json` contract of DESIGN.md, with extra keys for the evidence. */
export function analysisJson(analysis: Analysis, file: string) {
  const { notice, publisher } = analysis;
  return {
    url: analysis.url,
    title: analysis.title,
    publishedAt: analysis.publishedAt?.date ?? null,
    formedAt: analysis.formedAt?.date ?? null,
    publisher: publisher?.name ?? null,
    items: analysis.items.map(({ id, confidence }) => ({ id, confidence })),
    notice: notice ? { start: notice.start, end: notice.end, days: notice.days, unit: notice.unit } : null,
    elements: {
      present: analysis.elements.present.map((p) => p.key),
      missing: analysis.elements.missing,
    },
    privacy: analysis.privacy.map(({ kind, count }) => ({ kind, count })),
    file,
    publishedFrom: analysis.publishedAt?.source ?? null,
    publishedHint: analysis.publishedHint?.date ?? null,
    formedFrom: analysis.formedAt?.source ?? null,
    publisherLevel: publisher?.level ?? null,
    publisherBody: publisher?.body?.id ?? null,
    docNo: analysis.docNo?.text ?? null,
    interpretationOf: analysis.interpretationOf,
    evidence: Object.fromEntries(
      analysis.items.map((i) => [
        i.id,
        i.evidence.map((e) => `${e.kind}:${e.text || e.phrase || ''}(${e.weight})`),
      ]),
    ),
    matcherVersion: analysis.matcherVersion,
    catalog: analysis.catalog,
  };
}

function printText(ctx: CliContext, file: string, json: ReturnType<typeof analysisJson>): void {
  const items = json.items.map((i) => `${i.id}（${i.confidence}）`).join('、') || '无（不属于标准目录事项）';
  const notice = json.notice
    ? `${json.notice.start ?? '?'} 至 ${json.notice.end ?? '?'}，${json.notice.days ?? '?'} 天`
    : '未注明';
  ctx.print(`${file}\n  标题：${json.title}\n  网址：${json.url ?? '（无）'}`);
  ctx.print(`  发布日期：${json.publishedAt ?? '未注明'}　形成日期：${json.formedAt ?? '未注明'}`);
  ctx.print(
    `  发布主体：${json.publisher ?? '未注明'}${json.publisherLevel ? `（${json.publisherLevel}）` : ''}`,
  );
  ctx.print(`  事项：${items}\n  公示期：${notice}`);
  ctx.print(
    `  已公开要素：${json.elements.present.join('、') || '—'}\n  缺少要素：${json.elements.missing.join('、') || '—'}`,
  );
  const privacy = json.privacy.map((p) => `${p.kind} ${p.count} 处`).join('、');
  ctx.print(`  个人信息：${privacy || '未发现未脱敏的身份证号、银行卡号或手机号'}`);
}

/** `gongkai analyze FILE… [--url URL] [--json]`: analyse saved pages (HTML) with the matchers. */
export function registerAnalyzeCommand(program: Command, context: (cmd: Command) => CliContext): void {
  program
    .command('analyze')
    .description('分析保存的网页（HTML）：事项、发布和形成日期、公示期、发布主体、公开要素、个人信息')
    .argument('<file...>', '保存的网页文件（UTF-8 或 GBK）')
    .option('--url <url>', '网页的网址（默认取页面的 canonical 链接或 Url 元标签）')
    .option('--json', '以 JSON 输出（多个文件时每行一个对象）')
    .addHelpText(
      'after',
      '\n只读取本地文件：页面链接的附件不会被下载，附件中的要素和个人信息因此不计入；附件名称仍会读取。\n' +
        '发布主体按数据库（--db）中的主体名单匹配；没有数据库时按页面所写报告。',
    )
    .action((files: string[], opts: AnalyzeOptions, cmd: Command) => {
      const ctx = context(cmd);
      const pages = files.map((file) => ({ file, bytes: readPage(file, ctx.resolve(file)) }));
      const { catalog } = ctx.loadCatalog();
      const analyze = createAnalyzer({ catalog, calendar: ctx.loadCalendar(), bodies: registryBodies(ctx) });
      for (const { file, bytes } of pages) {
        const html = decodeBody(bytes).text;
        const doc = toPostDocument(extractArticle(html, opts.url), { html });
        const json = analysisJson(analyze(doc), file);
        if (!opts.json) printText(ctx, file, json);
        else if (pages.length === 1) ctx.json(json);
        else ctx.print(JSON.stringify(json));
      }
    });
}

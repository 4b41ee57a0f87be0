import type { Command } from 'commander';
import { type CrawlLog, type CrawlReport, crawlSource, isDue } from '../crawlers/index.js';
import type { Source, Store } from '../store/index.js';
import { type CliContext, UsageError } from './context.js';
import { createCrawlEffects } from './crawl-effects.js';
import { growHeapSlowly } from './heap-growth.js';

interface CrawlCommandOptions {
  source?: string;
  all?: boolean;
  json?: boolean;
  chromium?: string;
  verbose?: boolean;
}

/** A logger for one command: warnings go to stderr with --verbose, and are counted either way. */
export function commandLog(ctx: CliContext, verbose: boolean): CrawlLog & { warnings: number } {
  const log = {
    warnings: 0,
    debug: () => {},
    warn: (fields: object, message: string) => {
      log.warnings += 1;
      if (verbose) ctx.io.stderr(`警告：${message} ${JSON.stringify(fields)}\n`);
    },
  };
  return log;
}

function chooseSources(store: Store, opts: CrawlCommandOptions, now: Date): Source[] {
  if (opts.source) {
    const source = store.sources.get(opts.source);
    if (!source)
      throw new UsageError(
        `未知的来源“${opts.source}”。可用的来源：${store.sources
          .list()
          .map((s) => s.id)
          .join('、')}`,
      );
    if (source.kind === 'offline')
      throw new UsageError(
        `来源“${source.id}”是线下渠道（${source.channel}），没有可抓取的网址；其证据请用人工录入`,
      );
    return [source];
  }
  const timezone = store.meta.getSetting('timezone') ?? 'Asia/Shanghai';
  return store.sources
    .list()
    .filter((s) => s.kind !== 'offline')
    .filter((s) => opts.all || isDue(s.schedule, timezone, store.runs.last(s.id)?.startedAt, now));
}

const STATUS_ZH: Record<string, string> = {
  ok: '完成',
  partial: '部分失败',
  failed: '失败',
  interrupted: '已中止',
};

/** Crawls sources with the real effects, printing progress to stderr now and then. */
export async function runCrawl(
  ctx: CliContext,
  store: Store,
  sources: Source[],
  opts: { chromium?: string; verbose?: boolean; signal?: AbortSignal },
): Promise<CrawlReport[]> {
  const log = commandLog(ctx, opts.verbose === true);
  growHeapSlowly();
  const setup = createCrawlEffects(store, {
    log,
    needsBrowser: sources.some((s) => s.render === 'browser'),
    ...(opts.chromium ? { chromiumPath: opts.chromium } : {}),
  });
  const lastPrinted = new Map<string, number>();
  try {
    return await Promise.all(
      sources.map((source) =>
        crawlSource(setup.effects, source, {
          ...(opts.signal ? { signal: opts.signal } : {}),
          onProgress: (p) => {
            const now = Date.now();
            if (now - (lastPrinted.get(p.sourceId) ?? 0) < 2000) return;
            lastPrinted.set(p.sourceId, now);
            ctx.io.stderr(
              `[${p.sourceId}] 已处理 ${p.done}，待处理 ${p.queued}，新信息 ${p.newPosts}，失败 ${p.failed}\n`,
            );
          },
        }),
      ),
    );
  } finally {
    await setup.close();
  }
}

// A post's items: a reviewer's decision, else what the matchers read in its current version.
function itemsOf(
  store: Store,
  postId: number,
  versionId: number | null,
): { id: string; confidence: number }[] {
  const review = store.matches.reviews(postId).at(-1)?.decision.items;
  if (review) return review.map((id) => ({ id, confidence: 1 }));
  return versionId === null ? [] : (store.matches.get(versionId)?.items ?? []);
}

/** `gongkai crawl` and `gongkai posts`. */
export function registerCrawlCommands(program: Command, context: (cmd: Command) => CliContext): void {
  program
    .command('crawl')
    .description('抓取一遍：所有到期的来源，或用 --source 指定的一个')
    .option('--source <id>', '只抓取这个来源')
    .option('--all', '抓取所有来源，不论是否到期')
    .option('--chromium <path>', 'Chromium 可执行文件（默认 /usr/bin/chromium，或环境变量 CHROMIUM_PATH）')
    .option('--verbose', '输出每个抓取警告')
    .option('--json', '以 JSON 输出')
    .action(async (opts: CrawlCommandOptions, cmd: Command) => {
      const ctx = context(cmd);
      const store = ctx.openStore();
      try {
        const sources = chooseSources(store, opts, new Date());
        const chromium = opts.chromium ?? ctx.io.env.CHROMIUM_PATH;
        const reports = await runCrawl(ctx, store, sources, {
          ...(chromium ? { chromium } : {}),
          verbose: opts.verbose === true,
        });
        if (opts.json) return ctx.json(reports);
        if (reports.length === 0) ctx.print('没有到期的来源（用 --all 抓取全部）');
        for (const r of reports) {
          const s = r.stats;
          ctx.print(
            `${r.sourceId}：${STATUS_ZH[r.status] ?? r.status}　页面 ${s.pages}，新信息 ${s.newPosts}，新版本 ${s.newVersions}，` +
              `已撤下 ${s.removed}，附件 ${s.attachments}，未变 ${s.notModified}，失败 ${s.failed}`,
          );
        }
      } finally {
        store.close();
      }
    });

  program
    .command('posts')
    .description('列出已抓取的信息及其识别结果')
    .option('--source <id>', '只列这个来源的')
    .option('--json', '以 JSON 输出')
    .action((opts: { source?: string; json?: boolean }, cmd: Command) => {
      const ctx = context(cmd);
      const store = ctx.openStore();
      try {
        const posts = store.posts.list(opts.source ? { sourceId: opts.source } : {}).map((p) => ({
          url: p.url,
          title: p.title,
          source: p.sourceId,
          publishedAt: p.publishedAt?.slice(0, 10) ?? null,
          firstSeen: p.firstSeen,
          removedAt: p.removedAt,
          items: itemsOf(store, p.id, p.currentVersionId),
        }));
        if (opts.json) return ctx.json(posts);
        for (const p of posts)
          ctx.print(
            `${p.publishedAt ?? '（无日期）'}  ${p.title ?? p.url}${p.removedAt ? '  【已撤下】' : ''}`,
          );
        ctx.print(`共 ${posts.length} 条`);
      } finally {
        store.close();
      }
    });
}

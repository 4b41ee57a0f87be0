import type { Command } from 'commander';
import pino from 'pino';
import { type CrawlLog, crawlSource, type Job, missedSlots, startSchedule } from '../crawlers/index.js';
import type { Store } from '../store/index.js';
import type { CliContext } from './context.js';
import { createCrawlEffects } from './crawl-effects.js';
import { growHeapSlowly } from './heap-growth.js';

/** The daemon's structured log (JSON lines on stderr), as a crawl log. */
export function daemonLog(): CrawlLog & { info(fields: object, message: string): void } {
  const logger = pino({ base: { app: 'gongkai' } }, pino.destination(2));
  return {
    debug: (fields, message) => logger.debug(fields, message),
    warn: (fields, message) => logger.warn(fields, message),
    info: (fields, message) => logger.info(fields, message),
  };
}

function scheduledSources(store: Store) {
  return store.sources.list().filter((s) => s.kind !== 'offline' && s.schedule);
}

/** `gongkai run`: the registry's sources on their schedules, in one long-running process. */
export function registerRunCommand(program: Command, context: (cmd: Command) => CliContext): void {
  program
    .command('run')
    .description('常驻运行：按各来源的定时抓取（错过的时刻会记录并补抓），Ctrl+C 或 SIGTERM 平稳退出')
    .option('--jitter-ms <ms>', '每次定时抓取随机推迟的最长毫秒数', '60000')
    .option('--chromium <path>', 'Chromium 可执行文件')
    .action(async (opts: { jitterMs: string; chromium?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const store = ctx.openStore();
      const log = daemonLog();
      const sources = scheduledSources(store);
      const timezone = store.meta.getSetting('timezone') ?? 'Asia/Shanghai';
      const chromium = opts.chromium ?? ctx.io.env.CHROMIUM_PATH;
      growHeapSlowly();
      const setup = createCrawlEffects(store, {
        log,
        needsBrowser: sources.some((s) => s.render === 'browser'),
        ...(chromium ? { chromiumPath: chromium } : {}),
      });
      const stop = new AbortController();
      const crawl = async (sourceId: string, trigger: 'schedule' | 'catch-up', slot?: Date) => {
        const source = store.sources.get(sourceId);
        if (!source?.active) return;
        const report = await crawlSource(setup.effects, source, {
          trigger,
          ...(slot ? { scheduledFor: slot.toISOString() } : {}),
          signal: stop.signal,
        });
        log.info({ source: sourceId, status: report.status, ...report.stats }, 'crawl finished');
      };
      // Slots the daemon was down for are recorded, then caught up (interrupted runs resume from their frontier).
      const missed = missedSlots(sources, (id) => store.runs.last(id)?.startedAt, timezone, new Date());
      for (const m of missed) if (!m.never) store.runs.missed(m.sourceId, m.slot.toISOString());
      const catchUp = Promise.all(
        missed.map((m) =>
          crawl(m.sourceId, 'catch-up', m.slot).catch((e: unknown) =>
            log.warn({ source: m.sourceId, error: String(e) }, 'catch-up failed'),
          ),
        ),
      );
      const jobs: Job[] = sources.map((s) => ({
        name: s.id,
        cron: s.schedule as string,
        run: (slot) => crawl(s.id, 'schedule', slot),
      }));
      const schedule = startSchedule(jobs, { timezone, maxJitterMs: Number(opts.jitterMs) || 0, log });
      log.info({ sources: jobs.length, missed: missed.length, timezone }, 'scheduler started');
      ctx.print(
        `gongkai 已启动：${jobs.length} 个来源按定时抓取（时区 ${timezone}），补抓 ${missed.length} 个错过的时刻。按 Ctrl+C 退出。`,
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      log.info({}, 'stopping: in-flight crawls are left resumable');
      stop.abort();
      await schedule.stop();
      await catchUp;
      await setup.close();
      store.close();
      ctx.print('gongkai 已停止，数据库已关闭。');
    });
}

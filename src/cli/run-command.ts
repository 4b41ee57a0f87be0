import path from 'node:path';
import type { Command } from 'commander';
import type { CrawlLog } from '../crawlers/index.js';
import type { Store } from '../store/index.js';
import { type CliContext, portOf } from './context.js';
import { startDaemon } from './daemon.js';
import { type RunningDashboard, serveDaemonDashboard } from './daemon-dashboard.js';
import { componentLog, createDaemonLogger, type DaemonLogger } from './daemon-log.js';
import { growHeapSlowly } from './heap-growth.js';
import { loadScheme } from './score-commands.js';
import { nextSignal } from './signals.js';

/** The daemon's structured log (JSON lines on stderr), as a crawl log. */
export function daemonLog(): CrawlLog & { info(fields: object, message: string): void } {
  return componentLog(createDaemonLogger(), 'http');
}

interface RunOptions {
  port?: string;
  host?: string;
  secure?: boolean;
  dashboard: boolean;
  jitterMs: string;
  chromium?: string;
}

/** Writes the WAL back into the database file and closes it, so the file alone is the whole database. */
function closeStoreCleanly(store: Store, logger: DaemonLogger): void {
  const log = componentLog(logger, 'store');
  try {
    const [checkpoint] = store.db.pragma('wal_checkpoint(TRUNCATE)') as object[];
    store.db.pragma('optimize');
    log.info({ checkpoint }, 'database checkpointed');
  } catch (error) {
    log.warn({ err: error }, 'checkpoint failed; SQLite recovers the WAL at the next open');
  }
  store.close();
  log.info({}, 'database closed');
}

/** `gongkai run`: the daemon for real use (scheduler, dashboard, backups, retention) in one process. */
export function registerRunCommand(program: Command, context: (cmd: Command) => CliContext): void {
  program
    .command('run')
    .description(
      '常驻运行：按各来源的定时抓取（错过的时刻补抓、中断的抓取续抓），抓取后识别并重新评分，同时提供看板；' +
        '每日备份、台账整理；SIGTERM 或 Ctrl+C 平稳退出',
    )
    .option('--port <port>', '看板端口（默认 8080，或配置文件、环境变量 GONGKAI_PORT）')
    .option('--host <host>', '看板监听地址（默认 127.0.0.1，或配置文件、环境变量 GONGKAI_HOST）')
    .option('--secure', '经 https 反向代理访问时使用：会话 Cookie 加 Secure')
    .option('--no-dashboard', '只运行定时任务，不启动看板')
    .option('--jitter-ms <ms>', '每次定时任务随机推迟的最长毫秒数', '60000')
    .option(
      '--chromium <path>',
      'Chromium 可执行文件（默认 /usr/bin/chromium，或配置文件、环境变量 CHROMIUM_PATH）',
    )
    .action(async (opts: RunOptions, cmd: Command) => {
      const ctx = context(cmd);
      const settings = ctx.settings;
      const port = opts.port === undefined ? settings.dashboard.port : portOf(opts.port);
      const logger = createDaemonLogger({ level: settings.logLevel });
      const { catalog } = ctx.loadCatalog();
      const calendar = ctx.loadCalendar();
      const scheme = loadScheme(ctx);
      const store = ctx.openStore();
      const timezone = settings.timezone ?? store.meta.getSetting('timezone') ?? 'Asia/Shanghai';
      const chromiumPath = opts.chromium ?? settings.crawler.chromiumPath;
      growHeapSlowly();
      // Listened for before any work starts, so that a signal during start-up still stops the daemon cleanly.
      const signalled = nextSignal();
      const daemon = startDaemon({
        store,
        catalog,
        calendar,
        scheme,
        calendarFile: ctx.calendarFile(),
        logger,
        timezone,
        jitterMs: Math.max(0, Number(opts.jitterMs) || 0),
        ...(chromiumPath ? { chromiumPath } : {}),
        ...(settings.crawler.userAgent ? { userAgent: settings.crawler.userAgent } : {}),
        backup: {
          ...settings.backup,
          dir: settings.backup.dir ?? path.join(path.dirname(store.path), 'backups'),
        },
        retention: settings.retention,
      });
      let dashboard: RunningDashboard | undefined;
      try {
        if (opts.dashboard)
          dashboard = await serveDaemonDashboard({
            store,
            catalog,
            calendar,
            scheme,
            actions: daemon.actions,
            logger,
            host: opts.host ?? settings.dashboard.host,
            port,
            secureCookies: opts.secure === true || settings.dashboard.secureCookies,
          });
        ctx.print(
          `gongkai 已启动：${daemon.sources} 个来源按定时抓取（时区 ${timezone}），补抓 ${daemon.startup.missed} 个错过的时刻，` +
            `续抓 ${daemon.startup.resuming} 个中断的抓取。`,
        );
        if (dashboard) ctx.print(`看板：${dashboard.url}/　健康检查：${dashboard.url}/healthz`);
        ctx.print('日志（JSON 行）写到标准错误输出。按 Ctrl+C 或发送 SIGTERM 平稳退出。');
        const signal = await signalled;
        logger.info({ signal }, 'shutdown requested');
        // A second signal does not wait: what is in flight stays resumable, as after a crash.
        const force = (again: NodeJS.Signals) => {
          logger.warn({ signal: again }, 'second signal: exiting now');
          process.exit(130);
        };
        process.once('SIGINT', force);
        process.once('SIGTERM', force);
        const closing = dashboard?.close();
        await daemon.stop();
        await closing;
        process.off('SIGINT', force);
        process.off('SIGTERM', force);
      } catch (error) {
        await dashboard?.close();
        await daemon.stop();
        throw error;
      } finally {
        closeStoreCleanly(store, logger);
      }
      ctx.print('gongkai 已停止：进行中的抓取已标记为中断（下次启动时续抓），数据库已关闭。');
    });
}

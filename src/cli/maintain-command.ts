import path from 'node:path';
import type { Command } from 'commander';
import { addCalendarDays, parseIsoDate } from '../catalog/index.js';
import { applyRetention, type RetentionResult, type StoreStats } from '../store/index.js';
import { backupAndRotate } from './backups.js';
import { type CliContext, UsageError } from './context.js';
import { retentionCutoffs } from './daemon-upkeep.js';

interface MaintainOptions {
  dryRun?: boolean;
  days?: string;
  frontierDays?: string;
  today?: string;
  vacuum?: boolean;
  backup?: boolean;
  stats?: boolean;
  json?: boolean;
}

function daysOf(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} 应为正整数，收到“${value}”`);
  return n;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function printStats(ctx: CliContext, label: string, stats: StoreStats): void {
  const rows = Object.entries(stats.tables)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${t} ${n}`)
    .join('，');
  ctx.print(`${label}：文件 ${mb(stats.fileBytes)}（数据页 ${mb(stats.usedBytes)}）；${rows}`);
}

function printResult(ctx: CliContext, result: RetentionResult, dryRun: boolean): void {
  const verb = dryRun ? '将' : '已';
  ctx.print(
    `${verb}把 ${result.fetchesAggregated} 条未变页面的逐次抓取记录汇总为月度计数（新增 ${result.aggregateRows} 行），` +
      `${verb}删除 ${result.runsCleared} 次已完成抓取的待抓取队列 ${result.frontierDeleted} 条。` +
      (dryRun ? '（试运行，未改动数据库）' : ''),
  );
}

/** `gongkai maintain`: ledger retention once (what the daemon does daily), with a backup or VACUUM on request. */
export function registerMaintainCommand(program: Command, context: (cmd: Command) => CliContext): void {
  program
    .command('maintain')
    .description(
      '整理台账一次：未变页面的逐次抓取记录超过保留天数后汇总为月度计数，删除已完成抓取的旧待抓取队列；' +
        '证据（网页原文、版本、附件、撤下记录）永久保留',
    )
    .option('--dry-run', '只统计将要整理的行数，不改动数据库')
    .option('--days <n>', '逐次抓取记录保留天数（默认 90，或配置文件、环境变量 GONGKAI_RETENTION_DAYS）')
    .option('--frontier-days <n>', '已完成抓取的待抓取队列保留天数（默认 7）')
    .option('--today <date>', '按这一天计算保留期限（默认今天）')
    .option('--backup', '先做一次备份（写入备份目录并按保留份数轮换）')
    .option('--vacuum', '整理后执行 VACUUM，把空出的空间还给文件系统（需要独占数据库片刻）')
    .option('--stats', '列出整理前后各表行数和文件大小')
    .option('--json', '以 JSON 输出')
    .action(async (opts: MaintainOptions, cmd: Command) => {
      const ctx = context(cmd);
      const { retention, backup } = ctx.settings;
      const days = daysOf(opts.days, '--days', retention.days);
      const frontierDays = daysOf(opts.frontierDays, '--frontier-days', retention.frontierDays);
      const now = opts.today
        ? new Date(`${addCalendarDays(parseIsoDate(opts.today), 1)}T00:00:00+08:00`)
        : new Date();
      const cutoffs = retentionCutoffs(now, days, frontierDays);
      const store = ctx.openStore();
      try {
        const before = opts.stats ? store.retention.stats() : undefined;
        const timezone = ctx.settings.timezone ?? store.meta.getSetting('timezone') ?? 'Asia/Shanghai';
        const copy = opts.backup
          ? await backupAndRotate(store, {
              dir: backup.dir ?? path.join(path.dirname(store.path), 'backups'),
              keep: backup.keep,
              timezone,
              now: new Date(),
            })
          : undefined;
        // Sealed first, so that no day loses rows to retention before its manifest has hashed them.
        if (!opts.dryRun) store.manifests.seal(new Date());
        const result = opts.dryRun
          ? store.retention.plan(cutoffs)
          : await applyRetention(store.retention, cutoffs);
        if (opts.vacuum && !opts.dryRun) store.db.exec('VACUUM');
        const after = opts.stats ? store.retention.stats() : undefined;
        if (opts.json)
          return ctx.json({
            dryRun: opts.dryRun === true,
            ...cutoffs,
            ...result,
            backup: copy,
            before,
            after,
          });
        if (copy) ctx.print(`已备份到 ${copy.file}（已校验；删除旧备份 ${copy.removed.length} 份）`);
        printResult(ctx, result, opts.dryRun === true);
        if (before) printStats(ctx, '整理前', before);
        if (after) printStats(ctx, opts.vacuum ? '整理并 VACUUM 后' : '整理后', after);
      } finally {
        store.close();
      }
    });
}

import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { addCalendarDays, type IsoDate, parseIsoDate } from '../catalog/index.js';
import { crawlSource, silentLog } from '../crawlers/index.js';
import { createDemoWorld, startDemoServer, writeDemoFiles } from '../demo/index.js';
import { hashPassword } from '../server/index.js';
import { openStore, type Store } from '../store/index.js';
import { importDataTable, importRegistry } from '../sync/index.js';
import { type CliContext, portOf, UsageError, wholeNumber } from './context.js';
import { createCrawlEffects } from './crawl-effects.js';
import { importCatalogs } from './data-import.js';
import { runMatchStage } from './match-stage.js';
import { loadScheme, scoreStored } from './score-commands.js';
import { startDashboard } from './server-commands.js';
import { nextSignal } from './signals.js';

/** The demo's accounts: printed at start, for a first look (a real install makes its own with `gongkai user add`). */
export const DEMO_ACCOUNTS = [
  {
    name: 'pinggu',
    password: 'gongkai-demo-2020',
    role: 'evaluator' as const,
    bodyId: null,
    who: '区评估人员',
  },
  {
    name: 'hexi',
    password: 'gongkai-demo-2020',
    role: 'township' as const,
    bodyId: 't-hexi',
    who: '河西街道负责人',
  },
];

// Marks a database the demo made, so a later start may replace it (and never anyone else's).
const DEMO_SETTING = 'demo.seed';

interface DemoOptions {
  port: string;
  sitePort: string;
  today?: string;
  seed: string;
  dir: string;
  cadence: string;
  once?: boolean;
  host: string;
}

/** Crawl days from early January to `today`, every `cadence` days, `today` last. */
function crawlDays(year: number, cadence: number, today: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = `${year}-01-02`; d <= today; d = addCalendarDays(d, cadence)) days.push(d);
  if (days.at(-1) !== today) days.push(today);
  return days;
}

// Replaces the demo's own database; refuses one the demo did not make.
function freshDemoDb(file: string): void {
  if (!existsSync(file)) return;
  const old = openStore(file, { allowOutdated: true });
  let ours = false;
  try {
    ours = old.version() > 0 && old.meta.getSetting(DEMO_SETTING) !== undefined;
  } finally {
    old.close();
  }
  if (!ours) throw new UsageError(`${file} 不是演示生成的数据库，不会覆盖它：请用 --dir 换一个目录`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

/**
 * `gongkai demo` (what `npm start` runs): the simulated district web, crawled through its year with progress
 * shown, matched, its records and board postings imported, scored, and the dashboard served with two demo
 * accounts. `--once` builds the demo database and exits.
 */
export function registerDemoCommand(program: Command, context: (cmd: Command) => CliContext): void {
  program
    .command('demo')
    .description('演示：启动模拟区县网站，抓取一年、识别、导入记录、评分，并打开看板')
    .option('--port <port>', '看板端口', '8080')
    .option('--host <host>', '看板监听地址', '127.0.0.1')
    .option('--site-port <port>', '模拟网站端口（0 为自动选择）', '0')
    .option('--today <date>', '把这一年重放到这一天为止（默认 12 月 31 日）')
    .option('--seed <n>', '模拟区县的随机种子', '11')
    .option('--dir <dir>', '演示文件和数据库所在目录', path.join('data', 'demo'))
    .option('--cadence <days>', '每隔几天抓取一次', '7')
    .option('--once', '只生成演示数据库，不启动看板')
    .action(async (opts: DemoOptions, cmd: Command) => {
      const ctx = context(cmd);
      const started = Date.now();
      const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} 秒`;
      const seed = wholeNumber(opts.seed, '--seed', 0, 2 ** 31 - 1);
      const cadence = wholeNumber(opts.cadence, '--cadence', 1, 60);
      const port = portOf(opts.port);
      const sitePort = portOf(opts.sitePort, '--site-port');
      const dir = ctx.resolve(opts.dir);
      const file = cmd.optsWithGlobals<{ db?: string }>().db ? ctx.dbPath : path.join(dir, 'gongkai.db');
      const { catalog } = ctx.loadCatalog();
      const calendar = ctx.loadCalendar();
      const scheme = loadScheme(ctx);
      const world = createDemoWorld({ seed, catalog, calendar });
      const today = parseIsoDate(opts.today ?? `${world.year}-12-31`);
      if (!today.startsWith(String(world.year))) throw new UsageError(`--today 应在 ${world.year} 年内`);
      const days = crawlDays(world.year, cadence, today);

      const site = await startDemoServer(world, sitePort, { today: days[0] as IsoDate });
      let store: Store | undefined;
      try {
        await writeDemoFiles(world, dir, site.origin);
        freshDemoDb(file);
        ctx.print(`模拟区县：${world.district.name}（${world.year} 年，种子 ${seed}），网站 ${site.origin}/`);
        // What gongkai init and import do: the catalog, the registry, the records and the board postings.
        store = openStore(file, { create: true, migrate: true });
        const loaded = ctx.loadCatalog();
        store.transaction(() => store?.meta.saveCatalog(loaded));
        importRegistry(store, path.join(dir, 'registry.yaml'));
        for (const table of ['records.xlsx', 'evidence.csv'])
          await importDataTable(store, path.join(dir, table), importCatalogs(ctx));
        store.meta.setSetting(DEMO_SETTING, String(seed));
        // The demo web is local and ours: no politeness delay needed.
        for (const s of store.sources.list()) store.sources.upsert({ ...s, delayMs: 0, concurrency: 4 });
        const crawl = createCrawlEffects(store, {
          log: silentLog,
          needsBrowser: false,
          clock: () => new Date(`${site.today}T10:00:00+08:00`),
        });
        const sources = store.sources.list().filter((s) => s.kind !== 'offline');
        let newPosts = 0;
        for (const [i, day] of days.entries()) {
          site.today = day;
          const reports = await Promise.all(
            sources.map((s) => crawlSource(crawl.effects, s, { trigger: 'schedule' })),
          );
          newPosts += reports.reduce((n, r) => n + r.stats.newPosts, 0);
          ctx.io.stderr(
            `\r抓取 ${day}（${i + 1}/${days.length} 次，${sources.length} 个来源），已存 ${newPosts} 条信息…`,
          );
        }
        ctx.io.stderr('\n');
        await crawl.close();
        const matched = runMatchStage(store, { catalog, calendar });
        ctx.print(`已抓取 ${days.length} 次、识别 ${matched.matched} 个信息版本（${seconds()}）`);
        await scoreStored(store, { catalog, calendar, scheme, year: world.year, today }, ctx.calendarFile());
        for (const a of DEMO_ACCOUNTS)
          store.accounts.addUser({
            name: a.name,
            role: a.role,
            bodyId: a.bodyId,
            passwordHash: await hashPassword(a.password),
          });
        store.close();
        store = undefined;
        ctx.print(`已评分 ${world.year} 年（截至 ${today}），数据库 ${file}（${seconds()}）`);
        if (opts.once) return;

        const dashboard = await startDashboard(ctx, { port, host: opts.host, dbPath: file });
        ctx.print('');
        ctx.print(`看板：${dashboard.url}/`);
        for (const a of DEMO_ACCOUNTS) ctx.print(`  ${a.who}：用户名 ${a.name}，密码 ${a.password}`);
        ctx.print('先看：评估人员登录后的“总览”（排名、图表、主体 × 事项），点一个主体看问题和存档证据；');
        ctx.print('      乡镇账号登录后直接看到本乡镇及所辖村的逾期和即将到期事项。按 Ctrl+C 停止。');
        await nextSignal();
        await dashboard.close();
      } finally {
        store?.close();
        await site.close();
      }
    });
}

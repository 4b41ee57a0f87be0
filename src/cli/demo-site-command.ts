import type { Command } from 'commander';
import { parseIsoDate } from '../catalog/index.js';
import { createDemoWorld, startDemoServer, writeDemoFiles } from '../demo/index.js';
import { type CliContext, portOf, wholeNumber } from './context.js';

interface DemoSiteOptions {
  port: string;
  today?: string;
  seed: string;
  year: string;
  out?: string;
  posts?: string;
  once?: boolean;
}

/** `gongkai demo-site`: serves the simulated district web and writes its registry, records and truth. */
export function registerDemoSiteCommand(program: Command, context: (cmd: Command) => CliContext): void {
  program
    .command('demo-site')
    .description('启动模拟的区县政府网站（门户、乡镇网站、公众号订阅源），并写出 registry、记录表和真值文件')
    .option('--port <port>', '端口（0 为自动选择）', '8080')
    .option('--today <date>', '模拟的“今天”：只显示此日已公开且未撤下的信息（默认为该年 12 月 31 日）')
    .option('--seed <n>', '随机种子：相同种子生成完全相同的内容', '1')
    .option('--year <year>', '模拟的年份', '2020')
    .option('--out <dir>', '写出 registry.yaml、records.xlsx、records.csv、evidence.csv、truth.json 的目录')
    .option('--posts <n>', '总信息量（用于基准测试，补充大量动态类信息）')
    .option('--once', '只生成文件，不启动网站')
    .action(async (opts: DemoSiteOptions, cmd: Command) => {
      const ctx = context(cmd);
      const seed = wholeNumber(opts.seed, '--seed', 0, 2 ** 31 - 1);
      const year = wholeNumber(opts.year, '--year', 2016, 2026);
      const port = portOf(opts.port);
      const today = parseIsoDate(opts.today ?? `${year}-12-31`);
      const { catalog } = ctx.loadCatalog();
      const posts = opts.posts === undefined ? undefined : wholeNumber(opts.posts, '--posts', 0, 10_000_000);
      const world = createDemoWorld({
        seed,
        year,
        catalog,
        calendar: ctx.loadCalendar(),
        ...(posts === undefined ? {} : { posts }),
      });
      const server = opts.once ? undefined : await startDemoServer(world, port, { today });
      const origin = server?.origin ?? `http://127.0.0.1:${port}`;
      if (opts.out) {
        const files = await writeDemoFiles(world, ctx.resolve(opts.out), origin);
        ctx.print(`已写出：${files.join('、')}`);
      }
      ctx.print(
        `模拟区县：${world.district.name}（种子 ${seed}，${year} 年，${world.posts.length + (world.fillers?.count ?? 0)} 条信息，今天 = ${today}）`,
      );
      if (!server) return;
      ctx.print(`网站已启动：${server.origin}/  （门户 ${server.origin}/fpzl/index.html）按 Ctrl+C 停止`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
    });
}

import type { Command } from 'commander';
import { summarizeCatalog } from '../catalog/index.js';
import type { CliContext } from './context.js';

/** `gongkai catalog [--json]`: the loaded catalog's items, rules, channels and subjects. */
export function registerCatalogCommand(program: Command, context: (cmd: Command) => CliContext): void {
  program
    .command('catalog')
    .description('列出标准目录的事项、时限、渠道和公开主体')
    .option('--json', '以 JSON 输出')
    .action((opts: { json?: boolean }, cmd: Command) => {
      const ctx = context(cmd);
      const { catalog, files } = ctx.loadCatalog();
      const summary = summarizeCatalog(catalog);
      if (opts.json) {
        ctx.json(summary);
        return;
      }
      ctx.print(`${catalog.name}（${catalog.id}，${catalog.version} 版）`);
      ctx.print(`来源文件：${files.join(' ← ')}`);
      let category = '';
      for (const item of summary.items) {
        if (item.category !== category) {
          category = item.category;
          ctx.print(`\n【${category}】`);
        }
        ctx.print(`${String(item.no).padStart(2)}. ${item.name}（${item.id}）`);
        for (const row of item.rows) {
          const prefix = item.rows.length > 1 ? `    [${row.id}] ${row.content ?? ''}\n` : '';
          ctx.print(
            `${prefix}    时限：${row.ruleText}（${row.rule}）\n` +
              `    主体：${row.subjects.join('、')}\n    渠道：${row.channels.join('、')}\n    层级：${row.levels.join('、')}`,
          );
        }
      }
    });
}

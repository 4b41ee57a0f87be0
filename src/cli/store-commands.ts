import path from 'node:path';
import type { Command } from 'commander';
import { backupStore } from '../store/index.js';
import {
  importDataTable,
  importRegistry,
  type RegistryImportSummary,
  readRegistry,
  TABLE_EXTENSIONS,
} from '../sync/index.js';
import { type CliContext, UsageError } from './context.js';
import { importCatalogs, printTableSummary } from './data-import.js';

/** `init`, `import` and `backup`: the commands that create, fill and copy the database. */
export function registerStoreCommands(program: Command, context: (cmd: Command) => CliContext): void {
  program
    .command('init')
    .description('创建或升级数据库，载入标准目录（可同时导入 registry）')
    .option('--registry <file>', '同时导入的主体和来源清单（registry.yaml）')
    .option('--json', '以 JSON 输出')
    .action((opts: { registry?: string; json?: boolean }, cmd: Command) => {
      const ctx = context(cmd);
      const loaded = ctx.loadCatalog();
      // Validate the registry before the database is created, so a bad file leaves nothing behind.
      if (opts.registry) readRegistry(ctx.resolve(opts.registry));
      const store = ctx.openStore({ create: true, migrate: true });
      try {
        const catalog = store.transaction(() => store.meta.saveCatalog(loaded));
        const registry = opts.registry ? importRegistry(store, ctx.resolve(opts.registry)) : undefined;
        const result = {
          db: store.path,
          schemaVersion: store.version(),
          catalog: { id: loaded.catalog.id, outcome: catalog },
          registry,
        };
        if (opts.json) return ctx.json(result);
        ctx.print(`数据库 ${store.path} 已就绪（结构版本 ${result.schemaVersion}）`);
        ctx.print(
          `标准目录：${loaded.catalog.name}（${loaded.catalog.id}，${loaded.catalog.items.length} 个二级事项）`,
        );
        if (registry && opts.registry) printRegistrySummary(ctx, opts.registry, registry);
      } finally {
        store.close();
      }
    });

  program
    .command('import')
    .description(
      '导入数据文件：registry.yaml（主体和来源），记录表或线下公示证据表（.xlsx/.csv，按表头识别）',
    )
    .argument('<file>', '要导入的文件')
    .option('--by <name>', '录入人（证据表没有“录入人”列或该列为空时）')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, opts: { by?: string; json?: boolean }, cmd: Command) => {
      const ctx = context(cmd);
      const ext = path.extname(file).toLowerCase();
      const isTable = (TABLE_EXTENSIONS as readonly string[]).includes(ext);
      if (ext !== '.yaml' && ext !== '.yml' && !isTable) {
        throw new UsageError(
          `无法导入 ${file}：只支持 registry（.yaml/.yml）和记录表、线下公示证据表（.xlsx/.csv）` +
            (ext === '.xls' ? '；.xls 请先在 Excel 中另存为 .xlsx' : ''),
        );
      }
      const catalogs = isTable ? importCatalogs(ctx) : undefined;
      const store = ctx.openStore();
      try {
        if (catalogs) {
          const options = { ...catalogs, ...(opts.by ? { enteredBy: opts.by } : {}) };
          const summary = await importDataTable(store, ctx.resolve(file), options);
          if (opts.json) return ctx.json(summary);
          return printTableSummary(ctx, file, summary);
        }
        const summary = importRegistry(store, ctx.resolve(file));
        if (opts.json) return ctx.json(summary);
        printRegistrySummary(ctx, file, summary);
      } finally {
        store.close();
      }
    });

  program
    .command('backup')
    .description('在线备份数据库（运行中也可备份）')
    .requiredOption('--out <file>', '备份文件路径')
    .option('--force', '覆盖已存在的文件')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { out: string; force?: boolean; json?: boolean }, cmd: Command) => {
      const ctx = context(cmd);
      const store = ctx.openStore();
      try {
        const result = await backupStore(store, ctx.resolve(opts.out), { overwrite: opts.force === true });
        if (opts.json) return ctx.json(result);
        ctx.print(`已备份到 ${result.file}（${(result.bytes / 1024).toFixed(1)} KB，已校验）`);
      } finally {
        store.close();
      }
    });
}

function printRegistrySummary(ctx: CliContext, file: string, s: RegistryImportSummary): void {
  const counts = (c: RegistryImportSummary['bodies']) =>
    `新增 ${c.created}、更新 ${c.updated}、未变 ${c.unchanged}、停用 ${c.retired}`;
  ctx.print(`已导入 ${file}（${s.district}）：主体 ${counts(s.bodies)}；来源 ${counts(s.sources)}`);
  if (s.retiredIds.length > 0)
    ctx.print(`已停用（文件中不再列出，历史数据保留）：${s.retiredIds.join('、')}`);
  for (const w of s.warnings)
    ctx.io.stderr(`提示：${file}${w.line ? `:${w.line}` : ''}: ${w.path}：${w.message}\n`);
}

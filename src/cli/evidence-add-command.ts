import type { Command } from 'commander';
import type { OfflineEvidence } from '../store/index.js';
import { addEvidence, type EvidenceEntry } from '../sync/index.js';
import type { CliContext } from './context.js';
import { importCatalogs, printWarnings } from './data-import.js';

interface AddOptions {
  body: string;
  item: string;
  record?: string;
  channel: string;
  from: string;
  to?: string;
  days?: string;
  title?: string;
  photo?: string;
  by: string;
  note?: string;
  json?: boolean;
}

const OUTCOME_ZH = { created: '已录入', updated: '已更新', unchanged: '已录入过（未变）' } as const;

function describe(e: OfflineEvidence): string {
  const period = e.postedTo ? `${e.postedFrom} 至 ${e.postedTo}` : `${e.postedFrom} 起`;
  const parts = [
    `主体 ${e.bodyId}`,
    `事项 ${e.item}`,
    `渠道 ${e.channel}`,
    `张贴 ${period}`,
    ...(e.statedDays ? [`公示 ${e.statedDays} 天`] : []),
    ...(e.recordId ? [`记录 #${e.recordId}`] : []),
    ...(e.photoSha256 ? [`照片 ${e.photoSha256.slice(0, 12)}`] : []),
    `录入人 ${e.enteredBy}`,
  ];
  return parts.join('，');
}

/** `gongkai evidence add`: one posting on a bulletin board or at a service centre, typed in by a person. */
export function registerEvidenceAdd(evidence: Command, context: (cmd: Command) => CliContext): void {
  evidence
    .command('add')
    .description('录入一条线下公示（公示栏、便民服务站等）')
    .requiredOption('--body <id>', '公开主体（id、名称或别名）')
    .requiredOption('--item <id>', '事项（id、序号或名称）')
    .option('--record <key|id>', '所公示的记录（编号、文号或标题）')
    .requiredOption('--channel <name>', '渠道，例如 村公示栏')
    .requiredOption('--from <date>', '张贴日期 YYYY-MM-DD')
    .option('--to <date>', '撤下日期 YYYY-MM-DD')
    .option('--days <n>', '公示写明的天数')
    .option('--title <text>', '公示标题')
    .option('--photo <file>', '现场照片')
    .requiredOption('--by <name>', '录入人')
    .option('--note <text>', '备注')
    .option('--json', '以 JSON 输出')
    .action((opts: AddOptions, cmd: Command) => {
      const ctx = context(cmd);
      const catalogs = importCatalogs(ctx);
      const { json: _json, from, to, ...rest } = opts;
      const entry: EvidenceEntry = { ...rest, postedFrom: from, ...(to ? { postedTo: to } : {}) };
      const store = ctx.openStore();
      try {
        const result = addEvidence(store, entry, { ...catalogs, baseDir: ctx.io.cwd });
        if (opts.json) return ctx.json(result);
        ctx.print(
          `${OUTCOME_ZH[result.outcome]}线下公示 #${result.evidence.id}：${describe(result.evidence)}`,
        );
        printWarnings(ctx, 'evidence add', result.warnings);
      } finally {
        store.close();
      }
    });
}

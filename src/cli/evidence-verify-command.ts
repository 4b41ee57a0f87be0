import type { Command } from 'commander';
import { type EvidenceProblem, type EvidenceReport, StoreError, verifyEvidence } from '../store/index.js';
import type { CliContext } from './context.js';

const short = (sha256: string) => sha256.slice(0, 16);

/** One problem in Chinese, saying where: the blob, the fetch or the day. */
export function describeProblem(p: EvidenceProblem): string {
  switch (p.kind) {
    case 'blob_altered':
      return `存档内容 ${p.sha256}：内容被改动（现在的 sha256 为 ${short(p.actual)}…）`;
    case 'blob_size':
      return `存档内容 ${p.sha256}：长度 ${p.actual} 字节，与记录的 ${p.size} 字节不符`;
    case 'blob_unreadable':
      return `存档内容 ${p.sha256}：无法解压（${p.reason}）`;
    case 'blob_missing':
      return `抓取记录 #${p.fetchId}：${p.column === 'body' ? '页面内容' : '截图'} ${p.sha256} 的存档缺失`;
    case 'chain_broken':
      return `${p.day}：清单未接上前一天（记录的前一哈希 ${short(p.prev)}…，应为 ${short(p.expectedPrev)}…），其前的清单被删除或改动`;
    case 'manifest_altered':
      return `${p.day}：清单本身被改动（哈希与其内容不符）`;
    case 'evidence_altered':
      return `${p.day}：作为证据的抓取记录被改动或删除（封存时 ${p.sealed} 条，现 ${p.count} 条）`;
    case 'fetches_altered':
      return `${p.day}：抓取记录被改动（封存时 ${p.sealed} 条，现 ${p.count} 条）`;
    case 'fetches_added':
      return `${p.day}：封存后多出抓取记录（封存时 ${p.sealed} 条，现 ${p.count} 条）`;
    case 'fetches_missing':
      return `${p.day}：抓取记录缺失且不是保留期整理所删（封存时 ${p.sealed} 条，现 ${p.count} 条）`;
    case 'unsealed_day':
      return `${p.day}：有 ${p.count} 条抓取记录却没有清单（清单被删除，或记录是后补的）`;
  }
}

function printReport(ctx: CliContext, report: EvidenceReport): void {
  ctx.print(
    `已校验存档内容 ${report.blobs} 份、抓取记录 ${report.fetches} 条、封存清单 ${report.days} 天（其中抓取记录 ${report.sealedFetches} 条）`,
  );
  if (report.head) ctx.print(`清单链尾哈希：${report.head}`);
  if (report.retired.length > 0) {
    const removed = report.retired.reduce((n, r) => n + r.sealed - r.count, 0);
    ctx.print(
      `保留期整理已从 ${report.retired.length} 天中移除未变化的抓取记录 ${removed} 条（这些天只核对证据记录）`,
    );
  }
  if (report.problems.length === 0) {
    ctx.print('校验通过：全部证据与存档、清单一致');
    return;
  }
  ctx.print(`发现 ${report.problems.length} 处问题：`);
  for (const problem of report.problems) ctx.print(`  ${describeProblem(problem)}`);
}

/** `gongkai evidence seal` (seal the finished days now) and `evidence verify` (the auditor's check). */
export function registerEvidenceVerify(evidence: Command, context: (cmd: Command) => CliContext): void {
  evidence
    .command('seal')
    .description('封存此前各天（北京时间）尚未封存的抓取记录：每天一份哈希清单，与前一天的清单相链')
    .option('--json', '以 JSON 输出')
    .action((opts: { json?: boolean }, cmd: Command) => {
      const ctx = context(cmd);
      const store = ctx.openStore();
      try {
        const sealed = store.manifests.seal(new Date());
        if (opts.json) return ctx.json(sealed);
        const last = sealed.at(-1);
        ctx.print(
          last
            ? `已封存 ${sealed.length} 天（${sealed[0]?.day} 至 ${last.day}），链尾哈希：${last.sha256}`
            : '没有需要封存的日期（此前各天已封存）',
        );
      } finally {
        store.close();
      }
    });
  evidence
    .command('verify')
    .description(
      '校验证据：重算每份存档内容的哈希、核对抓取记录与存档、重算每天的清单和清单链；有问题时退出码为 1',
    )
    .option('--json', '以 JSON 输出')
    .action((opts: { json?: boolean }, cmd: Command) => {
      const ctx = context(cmd);
      const store = ctx.openStore();
      try {
        const report = verifyEvidence(store);
        if (opts.json) ctx.json({ ok: report.problems.length === 0, ...report });
        else printReport(ctx, report);
        if (report.problems.length > 0)
          throw new StoreError(`证据校验未通过：${report.problems.length} 处问题`, store.path);
      } finally {
        store.close();
      }
    });
}

import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { exportPostWarc } from '../crawlers/index.js';
import type { Post, Store } from '../store/index.js';
import { type CliContext, UsageError } from './context.js';
import { registerEvidenceAdd } from './evidence-add-command.js';
import { registerEvidenceVerify } from './evidence-verify-command.js';

function findPost(store: Store, ref: string): Post {
  const byId = /^\d+$/.test(ref) ? store.posts.get(Number(ref)) : undefined;
  const byUrl = byId ? undefined : store.posts.list().find((p) => p.url === ref);
  const post = byId ?? byUrl;
  if (!post) throw new UsageError(`找不到信息“${ref}”：请给出 gongkai posts 列出的编号或网址`);
  return post;
}

/** `gongkai evidence export` (a post's archived fetches as WARC), `evidence add` (a board posting), `seal`, `verify`. */
export function registerEvidenceCommands(program: Command, context: (cmd: Command) => CliContext): void {
  const evidence = program
    .command('evidence')
    .description('证据：导出存档（WARC），录入线下公示，封存与校验');
  evidence
    .command('export')
    .description('把一条信息的全部抓取记录（页面和附件，含 304 和失败）导出为 WARC 文件')
    .requiredOption('--post <id|url>', '信息编号或网址')
    .requiredOption('--out <file>', '输出文件，例如 evidence.warc.gz')
    .action(async (opts: { post: string; out: string }, cmd: Command) => {
      const ctx = context(cmd);
      const store = ctx.openStore();
      try {
        const post = findPost(store, opts.post);
        const bytes = await exportPostWarc(store, post, new Date());
        writeFileSync(ctx.resolve(opts.out), bytes);
        ctx.print(
          `已导出 ${post.url} 的证据到 ${ctx.resolve(opts.out)}（${(bytes.length / 1024).toFixed(1)} KB）`,
        );
      } finally {
        store.close();
      }
    });
  registerEvidenceAdd(evidence, context);
  registerEvidenceVerify(evidence, context);
}

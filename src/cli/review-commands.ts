import type { Command } from 'commander';
import { ITEM_IDS, type ItemId, parseIsoDate } from '../catalog/index.js';
import type { Claim, ClaimStatus, Post, Store } from '../store/index.js';
import { type CliContext, UsageError } from './context.js';

function findPost(store: Store, ref: string): Post {
  const byId = /^\d+$/.test(ref) ? store.posts.get(Number(ref)) : undefined;
  const post = byId ?? store.posts.list().find((p) => p.url === ref);
  if (!post) throw new UsageError(`找不到信息“${ref}”：请给出 gongkai posts 列出的编号或网址`);
  return post;
}

const list = (value: string) =>
  value
    .split(/[,，、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

function itemsOf(value: string): ItemId[] {
  const items = list(value);
  const unknown = items.filter((i) => !(ITEM_IDS as readonly string[]).includes(i));
  if (unknown.length > 0)
    throw new UsageError(`--items 中有不认识的事项：${unknown.join('、')}（可用：${ITEM_IDS.join('、')}）`);
  return items as ItemId[];
}

interface ReviewOptions {
  by: string;
  items?: string;
  none?: boolean;
  confirm?: boolean;
  published?: string;
  formed?: string;
  publisher?: string;
  records?: string;
  note?: string;
  json?: boolean;
}

/** The decision a reviewer's options make: only what they set overrides the matchers. */
function decisionOf(store: Store, post: Post, opts: ReviewOptions): Record<string, unknown> {
  const decision: Record<string, unknown> = {};
  const chosen = [opts.items !== undefined, opts.none === true, opts.confirm === true].filter(Boolean);
  if (chosen.length > 1) throw new UsageError('--items、--none 与 --confirm 只能选一个');
  if (opts.items !== undefined) decision.items = itemsOf(opts.items);
  if (opts.none) decision.items = [];
  if (opts.confirm) {
    const version = post.currentVersionId ? store.matches.get(post.currentVersionId) : undefined;
    if (!version) throw new UsageError(`信息 ${post.id} 尚未识别，无从确认：请先运行 gongkai match`);
    decision.items = version.items.map((i) => i.id);
  }
  if (opts.published !== undefined)
    decision.publishedAt = opts.published === 'none' ? null : parseIsoDate(opts.published);
  if (opts.formed !== undefined)
    decision.formedAt = opts.formed === 'none' ? null : parseIsoDate(opts.formed);
  if (opts.publisher !== undefined) {
    if (!store.bodies.get(opts.publisher))
      throw new UsageError(`--publisher 应为登记的主体编号，找不到“${opts.publisher}”`);
    decision.publisherBody = opts.publisher;
  }
  if (opts.records !== undefined) {
    const ids = list(opts.records).map(Number);
    const unknown = ids.filter((id) => !Number.isInteger(id) || !store.records.get(id));
    if (unknown.length > 0) throw new UsageError(`--records 中有找不到的记录编号：${unknown.join('、')}`);
    decision.records = ids;
  }
  if (Object.keys(decision).length === 0)
    throw new UsageError(
      '请至少给出一项复核结论：--confirm、--items、--none、--published、--formed、--publisher 或 --records',
    );
  return decision;
}

const STATUS_ZH: Record<ClaimStatus, string> = { pending: '待核实', confirmed: '已采纳', rejected: '未采纳' };

const claimLine = (c: Claim) =>
  `#${c.id}  ${STATUS_ZH[c.status]}  ${c.bodyId}  ${c.obligationKey}  ${c.url}  ${c.by} ${c.at.slice(0, 10)}${c.reviewedBy ? `  核实：${c.reviewedBy} ${c.reviewedAt?.slice(0, 10)}` : ''}`;

/**
 * `gongkai review` (a person's reading of a post overrides the matchers') and `gongkai claim` (a body's
 * "we did publish it, here is the link", decided by an evaluator). Both are kept with who and when; the next
 * `gongkai score` follows them.
 */
export function registerReviewCommands(program: Command, context: (cmd: Command) => CliContext): void {
  const review = program.command('review').description('人工复核识别结果（复核结论优先于自动识别）');
  review
    .command('add <post>')
    .description('记录对一条信息的复核结论')
    .requiredOption('--by <name>', '复核人')
    .option('--confirm', '确认自动识别的事项无误')
    .option('--items <ids>', '改为这些事项（逗号分隔，例如 funds.allocation）')
    .option('--none', '不属于任何目录事项')
    .option('--published <date>', '公开日期（none 表示无法确定）')
    .option('--formed <date>', '信息形成日期（none 表示无法确定）')
    .option('--publisher <body>', '发布主体编号')
    .option('--records <ids>', '该信息公开的记录编号（逗号分隔）')
    .option('--note <text>', '说明')
    .option('--json', '以 JSON 输出')
    .action((ref: string, opts: ReviewOptions, cmd: Command) => {
      const ctx = context(cmd);
      const store = ctx.openStore();
      try {
        const post = findPost(store, ref);
        const decision = decisionOf(store, post, opts);
        const id = store.matches.addReview({
          postId: post.id,
          by: opts.by,
          at: new Date().toISOString(),
          decision,
          note: opts.note ?? null,
        });
        if (opts.json) return ctx.json({ id, postId: post.id, decision });
        ctx.print(`已记录复核 #${id}：信息 ${post.id}「${post.title ?? post.url}」，重新评分后生效`);
      } finally {
        store.close();
      }
    });
  review
    .command('list')
    .description('复核队列：置信度低或尚未复核的已识别信息，以及已有的复核')
    .option('--below <confidence>', '列出最高置信度低于此值的信息（默认 0.6）', '0.6')
    .option('--done', '列出已有的复核记录')
    .option('--json', '以 JSON 输出')
    .action((opts: { below: string; done?: boolean; json?: boolean }, cmd: Command) => {
      const ctx = context(cmd);
      const store = ctx.openStore();
      try {
        if (opts.done) {
          const rows = store.matches.reviews();
          if (opts.json) return ctx.json(rows);
          for (const r of rows)
            ctx.print(
              `#${r.id}  信息 ${r.postId}  ${r.by} ${r.at.slice(0, 10)}  ${JSON.stringify(r.decision)}`,
            );
          return;
        }
        const below = Number(opts.below);
        if (!(below > 0 && below <= 1))
          throw new UsageError(`--below 应为 0 到 1 之间的数，收到“${opts.below}”`);
        const reviewed = new Set(store.matches.reviews().map((r) => r.postId));
        const queue = store.posts
          .list()
          .filter((p) => !reviewed.has(p.id) && p.currentVersionId !== null && p.removedAt === null)
          .flatMap((p) => {
            const match = store.matches.get(p.currentVersionId as number);
            const best = match?.items[0];
            if (!match || !best || best.confidence >= below) return [];
            return [{ id: p.id, url: p.url, title: p.title, items: match.items }];
          });
        if (opts.json) return ctx.json(queue);
        if (queue.length === 0) ctx.print('没有待复核的信息');
        for (const q of queue)
          ctx.print(
            `${q.id}  ${q.title ?? q.url}  ${q.items.map((i) => `${i.id} ${i.confidence.toFixed(2)}`).join('；')}`,
          );
      } finally {
        store.close();
      }
    });

  const claim = program.command('claim').description('申诉：主体提交已公开的链接，由评估人员核实');
  claim
    .command('add')
    .description('登记一条申诉（“我们已公开，链接在此”）')
    .requiredOption('--body <id>', '提出申诉的主体编号')
    .option('--obligation <key>', '申诉的公开义务（gongkai score --json 中的 obligationKey）')
    .option('--record <id>', '或：记录编号（与 --channel 一起确定公开义务）')
    .option('--channel <name>', '公开渠道（默认 政府网站）', '政府网站')
    .requiredOption('--url <url>', '已公开信息的网址')
    .option('--published <date>', '主体所称的公开日期')
    .requiredOption('--by <name>', '提交人')
    .option('--note <text>', '说明')
    .option('--json', '以 JSON 输出')
    .action(
      (
        opts: {
          body: string;
          obligation?: string;
          record?: string;
          channel: string;
          url: string;
          published?: string;
          by: string;
          note?: string;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        const ctx = context(cmd);
        const store = ctx.openStore();
        try {
          if (!store.bodies.get(opts.body)) throw new UsageError(`找不到主体“${opts.body}”`);
          if ((opts.obligation === undefined) === (opts.record === undefined))
            throw new UsageError('请给出 --obligation 或 --record 其中之一');
          if (opts.record !== undefined) {
            const record = store.records.get(Number(opts.record));
            if (!record) throw new UsageError(`找不到记录“${opts.record}”`);
          }
          const key = opts.obligation ?? `rec:${Number(opts.record)}:${opts.channel}`;
          if (!/^(rec|std):/.test(key))
            throw new UsageError(
              `--obligation 应形如 rec:12:政府网站 或 std:funds.loans:v-xicun:2020:政府网站，收到“${key}”`,
            );
          let url: URL;
          try {
            url = new URL(opts.url);
          } catch {
            throw new UsageError(`--url 不是有效网址：“${opts.url}”`);
          }
          if (url.protocol !== 'http:' && url.protocol !== 'https:')
            throw new UsageError(`--url 应为 http 或 https 网址：“${opts.url}”`);
          const { id, created } = store.claims.add({
            bodyId: opts.body,
            obligationKey: key,
            url: url.href,
            publishedOn: opts.published ? parseIsoDate(opts.published) : null,
            by: opts.by,
            note: opts.note ?? null,
          });
          const found = store.posts.list().find((p) => p.url === url.href);
          if (found) store.claims.attachPost(id, found.id);
          const saved = store.claims.get(id) as Claim;
          if (opts.json) return ctx.json(saved);
          ctx.print(
            created
              ? `已登记申诉 #${id}（待核实）：${key} ${url.href}${found ? `，对应已抓取信息 ${found.id}` : ''}`
              : `该申诉已登记过：#${id}（${STATUS_ZH[saved.status]}）`,
          );
        } finally {
          store.close();
        }
      },
    );
  claim
    .command('list')
    .description('列出申诉')
    .option('--body <id>', '只列出该主体的申诉')
    .option('--status <status>', 'pending、confirmed 或 rejected')
    .option('--json', '以 JSON 输出')
    .action((opts: { body?: string; status?: string; json?: boolean }, cmd: Command) => {
      const ctx = context(cmd);
      if (opts.status && !['pending', 'confirmed', 'rejected'].includes(opts.status))
        throw new UsageError(`--status 应为 pending、confirmed 或 rejected，收到“${opts.status}”`);
      const store = ctx.openStore();
      try {
        const rows = store.claims.list({
          ...(opts.body ? { bodyId: opts.body } : {}),
          ...(opts.status ? { status: opts.status as ClaimStatus } : {}),
        });
        if (opts.json) return ctx.json(rows);
        if (rows.length === 0) ctx.print('没有申诉');
        for (const c of rows) ctx.print(claimLine(c));
      } finally {
        store.close();
      }
    });
  for (const [name, status, zh] of [
    ['confirm', 'confirmed', '采纳'],
    ['reject', 'rejected', '不采纳'],
  ] as const)
    claim
      .command(`${name} <id>`)
      .description(`核实后${zh}一条申诉`)
      .requiredOption('--by <name>', '核实人')
      .option('--note <text>', '说明')
      .option('--json', '以 JSON 输出')
      .action((id: string, opts: { by: string; note?: string; json?: boolean }, cmd: Command) => {
        const ctx = context(cmd);
        const store = ctx.openStore();
        try {
          if (!store.claims.get(Number(id))) throw new UsageError(`找不到申诉 #${id}`);
          const decided = store.claims.decide(Number(id), { status, by: opts.by, note: opts.note ?? null });
          if (opts.json) return ctx.json(decided);
          ctx.print(`已${zh}申诉 #${id}，重新评分后生效`);
        } finally {
          store.close();
        }
      });
}

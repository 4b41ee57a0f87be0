import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { createApp, hashPassword, newSecret, passwordProblem, secretSha256 } from '../server/index.js';
import { openStore, type Role } from '../store/index.js';
import { type CliContext, portOf, UsageError } from './context.js';
import { daemonLog } from './run-command.js';
import { loadScheme } from './score-commands.js';
import { createServerActions } from './server-actions.js';
import { nextSignal } from './signals.js';

const ROLES: readonly Role[] = ['admin', 'evaluator', 'township'];

function roleOf(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value))
    throw new UsageError(`--role 应为 admin、evaluator 或 township，收到“${value}”`);
  return value as Role;
}

/** Starts the dashboard on the store; resolves once it listens, with a way to stop it. */
export async function startDashboard(
  ctx: CliContext,
  options: { port: number; host: string; chromium?: string; secure?: boolean; dbPath?: string },
): Promise<{ url: string; close(): Promise<void> }> {
  const store = options.dbPath ? openStore(options.dbPath) : ctx.openStore();
  const { catalog } = ctx.loadCatalog();
  const calendar = ctx.loadCalendar();
  const scheme = loadScheme(ctx);
  const log = daemonLog();
  const actions = createServerActions({
    store,
    catalog,
    calendar,
    scheme,
    calendarFile: ctx.calendarFile(),
    log,
    ...(options.chromium ? { chromiumPath: options.chromium } : {}),
  });
  const app = createApp({
    store,
    catalog,
    calendar,
    scheme,
    clock: () => new Date(),
    actions,
    secureCookies: options.secure === true,
    log,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await actions.close();
      store.close();
    },
  };
}

/** `gongkai serve`, `gongkai user add|list` and `gongkai token create|list|revoke`. */
export function registerServerCommands(program: Command, context: (cmd: Command) => CliContext): void {
  program
    .command('serve')
    .description('启动看板和 JSON API')
    .option('--port <port>', '端口', '8080')
    .option('--host <host>', '监听地址（默认只在本机；内网访问用 0.0.0.0）', '127.0.0.1')
    .option('--secure', '经 https 反向代理访问时使用：会话 Cookie 加 Secure')
    .option('--chromium <path>', 'Chromium 可执行文件（“立即抓取”需要渲染的来源时）')
    .action(
      async (opts: { port: string; host: string; secure?: boolean; chromium?: string }, cmd: Command) => {
        const ctx = context(cmd);
        const dashboard = await startDashboard(ctx, {
          port: portOf(opts.port),
          host: opts.host,
          ...(opts.secure ? { secure: true } : {}),
          ...(opts.chromium ? { chromium: opts.chromium } : {}),
        });
        ctx.print(`看板已启动：${dashboard.url}（Ctrl+C 退出）`);
        await nextSignal();
        await dashboard.close();
      },
    );

  const user = program.command('user').description('看板账号');
  user
    .command('add')
    .description('新建看板账号（密码从标准输入读入）')
    .requiredOption('--name <name>', '用户名')
    .requiredOption('--role <role>', 'admin、evaluator 或 township')
    .option('--body <id>', '乡镇账号对应的主体编号')
    .option('--password-stdin', '从标准输入读取密码')
    .action(
      async (opts: { name: string; role: string; body?: string; passwordStdin?: boolean }, cmd: Command) => {
        const ctx = context(cmd);
        const role = roleOf(opts.role);
        if (!opts.passwordStdin || !ctx.io.stdin)
          throw new UsageError('请用 --password-stdin 从标准输入提供密码');
        const password = (await ctx.io.stdin()).replace(/\r?\n$/, '');
        const problem = passwordProblem(password);
        if (problem) throw new UsageError(problem);
        if (!/^[\p{L}\p{N}_.@-]{2,40}$/u.test(opts.name))
          throw new UsageError('用户名为 2–40 个字母、数字或 _ . @ -');
        const store = ctx.openStore();
        try {
          if (role === 'township') {
            if (!opts.body) throw new UsageError('乡镇账号需要 --body 指定主体');
            const body = store.bodies.get(opts.body);
            if (!body) throw new UsageError(`找不到主体“${opts.body}”`);
          } else if (opts.body) {
            throw new UsageError('只有乡镇账号绑定主体（--body）');
          }
          if (store.accounts.userByName(opts.name)) throw new UsageError(`用户“${opts.name}”已存在`);
          const created = store.accounts.addUser({
            name: opts.name,
            role,
            bodyId: opts.body ?? null,
            passwordHash: await hashPassword(password),
          });
          store.accounts.audit({
            actor: 'cli',
            action: 'user.add',
            target: created.name,
            detail: { role, body: created.bodyId },
          });
          ctx.print(`已新建账号 ${created.name}（${role}${created.bodyId ? `，${created.bodyId}` : ''}）`);
        } finally {
          store.close();
        }
      },
    );
  user
    .command('list')
    .description('列出看板账号')
    .option('--json', '以 JSON 输出')
    .action((opts: { json?: boolean }, cmd: Command) => {
      const ctx = context(cmd);
      const store = ctx.openStore();
      try {
        const users = store.accounts.users();
        if (opts.json) return ctx.json(users);
        for (const u of users)
          ctx.print(`${u.name}  ${u.role}${u.bodyId ? `  ${u.bodyId}` : ''}${u.active ? '' : '  已停用'}`);
      } finally {
        store.close();
      }
    });

  const token = program.command('token').description('JSON API 令牌');
  token
    .command('create')
    .description('新建 API 令牌（只显示一次，在最后一行）')
    .requiredOption('--role <role>', 'admin、evaluator 或 township')
    .option('--body <id>', '乡镇令牌对应的主体编号')
    .option('--name <name>', '令牌用途说明', 'api')
    .action((opts: { role: string; body?: string; name: string }, cmd: Command) => {
      const ctx = context(cmd);
      const role = roleOf(opts.role);
      const store = ctx.openStore();
      try {
        if (role === 'township' && !opts.body) throw new UsageError('乡镇令牌需要 --body 指定主体');
        if (opts.body && !store.bodies.get(opts.body)) throw new UsageError(`找不到主体“${opts.body}”`);
        const secret = newSecret();
        const created = store.accounts.addToken({
          tokenSha256: secretSha256(secret),
          name: opts.name,
          role,
          bodyId: role === 'township' ? (opts.body ?? null) : null,
        });
        store.accounts.audit({
          actor: 'cli',
          action: 'token.create',
          target: String(created.id),
          detail: { role },
        });
        ctx.print(
          `已新建令牌 #${created.id}（${role}${created.bodyId ? `，${created.bodyId}` : ''}），请妥善保存，它不会再显示：`,
        );
        ctx.print(secret);
      } finally {
        store.close();
      }
    });
  token
    .command('revoke <id>')
    .description('作废一个 API 令牌')
    .action((id: string, _opts: unknown, cmd: Command) => {
      const ctx = context(cmd);
      const store = ctx.openStore();
      try {
        store.accounts.revokeToken(Number(id));
        store.accounts.audit({ actor: 'cli', action: 'token.revoke', target: id });
        ctx.print(`已作废令牌 #${id}`);
      } finally {
        store.close();
      }
    });
}

import { serve } from '@hono/node-server';
import { HTTPException } from 'hono/http-exception';
import type { Catalog, WorkingCalendar } from '../catalog/index.js';
import type { Scheme } from '../scoring/index.js';
import { createApp, type ServerActions } from '../server/index.js';
import type { Store } from '../store/index.js';
import { UsageError } from './context.js';
import { componentLog, type DaemonLogger } from './daemon-log.js';

/** How long open requests may take to finish once the daemon stops, before their connections are cut. */
const CLOSE_GRACE_MS = 10_000;

const LISTEN_PROBLEMS: Record<string, string> = {
  EADDRINUSE: '端口已被占用（可能另一个 gongkai 正在运行）',
  EACCES: '没有权限使用这个端口（1024 以下的端口需要管理员权限）',
  EADDRNOTAVAIL: '本机没有这个地址',
};

// A port taken or not allowed is the caller's to fix, not a bug: said in Chinese with what to change.
function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const problem = error.code ? LISTEN_PROBLEMS[error.code] : undefined;
  if (!problem) return error;
  return new UsageError(
    `看板无法监听 ${host}:${port}：${problem}。请用 --port、--host（或配置文件的 dashboard.port、dashboard.host，` +
      '环境变量 GONGKAI_PORT、GONGKAI_HOST）换一个',
  );
}

/** A running dashboard: its address, and a close that stops taking requests and waits for open ones. */
export interface RunningDashboard {
  url: string;
  close(): Promise<void>;
}

/**
 * The dashboard of `gongkai run`: on the daemon's own store and actions (so crawls, matching and scoring stay one
 * writer), with `/healthz` open to monitors and every failed request logged as JSON.
 */
export async function serveDaemonDashboard(options: {
  store: Store;
  catalog: Catalog;
  calendar: WorkingCalendar;
  scheme: Scheme;
  actions: ServerActions;
  logger: DaemonLogger;
  host: string;
  port: number;
  secureCookies: boolean;
}): Promise<RunningDashboard> {
  const log = componentLog(options.logger, 'http');
  const app = createApp({
    store: options.store,
    catalog: options.catalog,
    calendar: options.calendar,
    scheme: options.scheme,
    clock: () => new Date(),
    actions: options.actions,
    secureCookies: options.secureCookies,
    log,
  });
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    log.error({ err: error, method: c.req.method, path: c.req.path }, 'request failed');
    return c.text('服务器内部错误，已记入日志。', 500);
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s));
    s.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, options.host, options.port)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        const cut = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, CLOSE_GRACE_MS);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
      }),
  };
}

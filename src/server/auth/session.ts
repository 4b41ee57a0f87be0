import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Store, User } from '../../store/index.js';
import type { AppEnv, Scope, ServerDeps, Viewer } from '../deps.js';
import { newSecret, secretSha256 } from './tokens.js';

export const SESSION_COOKIE = 'gongkai_session';

/** The bodies a viewer may see: everything for admins and evaluators, a township's own and its villages'. */
export function scopeOf(store: Store, viewer: Pick<Viewer, 'role' | 'bodyId'>): Scope {
  if (viewer.role !== 'township') return { all: true, bodyIds: new Set() };
  const own = viewer.bodyId ?? '';
  const villages = store.bodies.list({ includeRetired: true }).filter((b) => b.parentId === own);
  return { all: false, bodyIds: new Set([own, ...villages.map((b) => b.id)]) };
}

export const canSee = (scope: Scope, bodyId: string): boolean => scope.all || scope.bodyIds.has(bodyId);

/** Opens a session for the user and sets its cookie (HttpOnly, SameSite=Lax, Secure under https). */
export function openSession(c: Context, deps: ServerDeps, user: User): void {
  const secret = newSecret();
  const hours = deps.sessionHours ?? 12;
  const expires = new Date(deps.clock().getTime() + hours * 3_600_000);
  deps.store.accounts.addSession({
    tokenSha256: secretSha256(secret),
    userId: user.id,
    csrf: newSecret(),
    expiresAt: expires.toISOString(),
  });
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.secureCookies === true,
    path: '/',
    expires,
  });
}

export function closeSession(c: Context, deps: ServerDeps): void {
  const secret = getCookie(c, SESSION_COOKIE);
  if (secret) deps.store.accounts.endSession(secretSha256(secret));
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

function viewerOf(c: Context, deps: ServerDeps): Viewer | undefined {
  const now = deps.clock().toISOString();
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer) {
    const token = deps.store.accounts.token(secretSha256(bearer));
    return token
      ? {
          kind: 'token',
          name: `token:${token.name}`,
          role: token.role,
          bodyId: token.bodyId,
          userId: null,
          csrf: null,
        }
      : undefined;
  }
  const secret = getCookie(c, SESSION_COOKIE);
  const session = secret ? deps.store.accounts.session(secretSha256(secret), now) : undefined;
  if (!session) return undefined;
  const { user } = session;
  return {
    kind: 'user',
    name: user.name,
    role: user.role,
    bodyId: user.bodyId,
    userId: user.id,
    csrf: session.csrf,
  };
}

/**
 * Every route behind it needs a session or an API token: pages redirect to /login, the API answers 401. A POST
 * from a session must carry its CSRF token (form field `_csrf` or header `x-csrf-token`), else 403.
 */
export function requireViewer(deps: ServerDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const viewer = viewerOf(c, deps);
    const api = c.req.path.startsWith('/api/');
    if (!viewer) {
      if (api) return c.json({ error: '需要登录或 API 令牌' }, 401);
      const back = c.req.method === 'GET' ? `?next=${encodeURIComponent(c.req.path)}` : '';
      return c.redirect(`/login${back}`, 302);
    }
    if (viewer.kind === 'user' && !['GET', 'HEAD'].includes(c.req.method)) {
      const header = c.req.header('x-csrf-token');
      let sent = header;
      if (!sent && /form/.test(c.req.header('content-type') ?? '')) {
        const body = await c.req.parseBody({ all: true });
        sent = typeof body._csrf === 'string' ? body._csrf : undefined;
      }
      if (!sent || sent !== viewer.csrf)
        return c.text('表单已失效或来源不明（CSRF 校验失败），请刷新页面后重试', 403);
    }
    c.set('viewer', viewer);
    c.set('scope', scopeOf(deps.store, viewer));
    await next();
  };
}

/** Only these roles may use the route (403 otherwise). */
export function requireRole(...roles: Viewer['role'][]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!roles.includes(c.get('viewer').role)) {
      return c.req.path.startsWith('/api/')
        ? c.json({ error: '无权访问' }, 403)
        : c.text('无权访问此页面', 403);
    }
    await next();
  };
}

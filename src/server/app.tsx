import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { jsxRenderer } from 'hono/jsx-renderer';
import { secureHeaders } from 'hono/secure-headers';
import { verifyPassword } from './auth/password.js';
import { createRateLimiter } from './auth/rate-limit.js';
import { closeSession, openSession, requireViewer } from './auth/session.js';
import type { AppEnv, ServerDeps } from './deps.js';
import { registerApi } from './routes/api.js';
import { registerHealth } from './routes/health.js';
import { registerPages } from './routes/pages.js';
import { LoginPage } from './views/login.js';

const require = createRequire(import.meta.url);
const STATIC_DIR = path.join(import.meta.dirname, 'static');

// Served from the app itself: the district intranet has no CDN.
const STATIC: Record<string, { file: string; type: string }> = {
  // The package exports only its modules; the browser build sits beside them in dist/.
  'chart.umd.min.js': {
    file: path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js'),
    type: 'text/javascript',
  },
  'app.js': { file: path.join(STATIC_DIR, 'app.js'), type: 'text/javascript' },
  'app.css': { file: path.join(STATIC_DIR, 'app.css'), type: 'text/css' },
};

/** A page may only be sent somewhere on this site after login (no open redirect). */
const safeNext = (next: unknown): string =>
  typeof next === 'string' && /^\/(?!\/)[^\s\\]*$/.test(next) && !next.startsWith('/login') ? next : '/';

/**
 * The dashboard and JSON API. Everything but /login and /static needs a session (or, for /api, a token); every
 * page is rendered on the server, and crawled text is escaped by JSX wherever it is shown.
 */
export function createApp(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const limiter = createRateLimiter({ maxFailures: 5, windowMs: 60_000, now: () => deps.clock().getTime() });
  const assets = new Map(
    Object.entries(STATIC).map(([name, s]) => [name, { body: readFileSync(s.file), type: s.type }]),
  );

  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      frameSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'self'"],
    },
    xFrameOptions: 'SAMEORIGIN',
    referrerPolicy: 'same-origin',
  });
  // An archived page carries its own, stricter policy (a sandbox); every other response the app's.
  app.use('*', (c, next) => (/^\/archive\/\d+\/raw$/.test(c.req.path) ? next() : headers(c, next)));
  app.use(
    '*',
    bodyLimit({
      maxSize: deps.maxUploadBytes ?? 20 * 1024 * 1024,
      onError: (c) => c.text('上传的文件过大', 413),
    }),
  );
  app.use(
    '*',
    jsxRenderer(({ children }) => <>{children}</>, { docType: true }),
  );

  app.get('/static/:name', (c) => {
    const asset = assets.get(c.req.param('name'));
    if (!asset) return c.notFound();
    return c.body(asset.body, 200, {
      'content-type': `${asset.type}; charset=utf-8`,
      'cache-control': 'max-age=3600',
    });
  });

  app.get('/login', (c) => c.render(<LoginPage next={safeNext(c.req.query('next'))} />));
  app.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = safeNext(body.next);
    const key = `${c.req.header('x-forwarded-for') ?? 'local'}|${name}`;
    const wait = limiter.retryAfterMs(key);
    if (wait > 0) {
      c.header('retry-after', String(Math.ceil(wait / 1000)));
      c.status(429);
      return c.render(<LoginPage next={next} name={name} error="尝试次数过多，请一分钟后再试" />);
    }
    const user = deps.store.accounts.userByName(name);
    const ok = user?.active === true && (await verifyPassword(password, user.passwordHash));
    if (!user || !ok) {
      limiter.fail(key);
      c.status(401);
      return c.render(<LoginPage next={next} name={name} error="用户名或密码不正确" />);
    }
    limiter.succeed(key);
    openSession(c, deps, user);
    deps.store.accounts.audit({ actor: user.name, action: 'login' });
    return c.redirect(next === '/' && user.role === 'township' ? '/overdue' : next, 302);
  });

  // For monitors and load balancers: no session, nothing but the database's health (200, or 503 when it does not answer).
  registerHealth(app, deps);

  app.use('*', requireViewer(deps));
  app.post('/logout', (c) => {
    closeSession(c, deps);
    return c.redirect('/login', 302);
  });
  registerApi(app, deps);
  registerPages(app, deps);
  return app;
}

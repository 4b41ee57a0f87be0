import type { Hono } from 'hono';
import type { Store } from '../../store/index.js';
import type { AppEnv, ServerDeps } from '../deps.js';

/** What /healthz answers: enough for a monitor, nothing about paths, accounts or page content. */
export interface HealthReport {
  status: 'ok' | 'degraded';
  schemaVersion: number;
  lastCrawlSuccessAt: string | null;
  /** Sources whose latest runs failed (consecutive failures > 0). */
  sourcesFailing: number;
  failingSources: { id: string; consecutiveFailures: number }[];
  lastScoreAt: string | null;
}

const latest = (values: readonly (string | null | undefined)[]): string | null =>
  values.reduce<string | null>((max, v) => (v && (!max || v > max) ? v : max), null);

/** Reads the health report from the store; throws when the database does not answer. */
export function healthOf(store: Store): HealthReport {
  const schemaVersion = store.version();
  const health = store.health.list();
  const failing = health
    .filter((h) => h.consecutiveFailures > 0)
    .map((h) => ({ id: h.sourceId, consecutiveFailures: h.consecutiveFailures }));
  return {
    status: failing.length > 0 ? 'degraded' : 'ok',
    schemaVersion,
    lastCrawlSuccessAt: latest(health.map((h) => h.lastSuccessAt)),
    sourcesFailing: failing.length,
    failingSources: failing,
    lastScoreAt: latest(store.scores.years().map((y) => store.scores.latest(y)?.computedAt)),
  };
}

/** `GET /healthz`, for monitors and load balancers: no session needed; 200 when the database answers, else 503. */
export function registerHealth(app: Hono<AppEnv>, deps: Pick<ServerDeps, 'store' | 'log'>): void {
  app.get('/healthz', (c) => {
    c.header('cache-control', 'no-store');
    try {
      return c.json(healthOf(deps.store), 200);
    } catch (error) {
      deps.log?.warn({ err: String(error) }, 'health check: the database does not answer');
      return c.json({ status: 'unavailable' }, 503);
    }
  });
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { parseWithSchema, readYamlFile } from '../../src/catalog/index.js';
import { runMatchStage } from '../../src/cli/match-stage.js';
import { runScoreStage } from '../../src/cli/score-stage.js';
import { SchemeSchema } from '../../src/scoring/index.js';
import {
  createApp,
  hashPassword,
  newSecret,
  type ServerActions,
  type ServerDeps,
  secretSha256,
} from '../../src/server/index.js';
import { openStore, type Role, type Store } from '../../src/store/index.js';
import { runCli } from './cli.js';
import { calendar, catalog, demoSetup } from './demo-crawl.js';

export const scheme = parseWithSchema(
  SchemeSchema,
  readYamlFile(path.resolve(import.meta.dirname, '../../data/scoring/default.yaml')),
);

export const PASSWORD = 'correct-horse-battery';

/** The demo district with its records and board postings imported, the poverty office's and 河西街道's
 * website and WeChat feed crawled on 2020-12-31, matched and scored for 2020 — a few seconds to build. */
export async function scoredDemo(
  dir: string,
): Promise<{ db: string; origin: string; close(): Promise<void> }> {
  const { server, store } = await demoSetup(dir);
  store.close();
  const db = path.join(dir, 'gongkai.db');
  for (const args of [
    ['import', path.join(dir, 'records.csv')],
    ['import', path.join(dir, 'evidence.csv')],
    ['crawl', '--source', 'fpb-web'],
    ['crawl', '--source', 'hexi-web'],
    ['crawl', '--source', 'hexi-wx'],
  ]) {
    const run = await runCli([...args, '--db', db]);
    if (run.code !== 0) throw new Error(`gongkai ${args.join(' ')}: ${run.stderr}`);
  }
  const scored = openStore(db);
  runMatchStage(scored, { catalog, calendar });
  runScoreStage(scored, { catalog, calendar, scheme, year: 2020, today: '2020-12-31', collect: false });
  scored.close();
  return { db, origin: server.origin, close: () => server.close() };
}

/** Accounts for tests: an admin, an evaluator, and a township lead of 河西街道 (t-hexi), one password. */
export async function addAccounts(store: Store): Promise<void> {
  const hash = await hashPassword(PASSWORD);
  const users: { name: string; role: Role; bodyId: string | null }[] = [
    { name: 'admin', role: 'admin', bodyId: null },
    { name: '评估员', role: 'evaluator', bodyId: null },
    { name: 'hexi', role: 'township', bodyId: 't-hexi' },
  ];
  for (const u of users)
    if (!store.accounts.userByName(u.name)) store.accounts.addUser({ ...u, passwordHash: hash });
}

/** An API token of the role (a township's bound to the body); its secret. */
export function addToken(store: Store, role: Role, bodyId: string | null = null): string {
  const secret = newSecret();
  store.accounts.addToken({ tokenSha256: secretSha256(secret), name: `test-${role}`, role, bodyId });
  return secret;
}

/** Actions that record what they were asked and do it for real where a test needs it (rescoring). */
export function testActions(store: Store, overrides: Partial<ServerActions> = {}) {
  const calls: { action: string; args: unknown[] }[] = [];
  const actions: ServerActions = {
    rescore: async (year) => {
      calls.push({ action: 'rescore', args: [year] });
      runMatchStage(store, { catalog, calendar });
      runScoreStage(store, { catalog, calendar, scheme, year, today: '2020-12-31', collect: false });
    },
    crawlNow: async (sourceId) => {
      calls.push({ action: 'crawlNow', args: [sourceId] });
      return { status: 'ok', newPosts: 0 };
    },
    fetchClaimed: async (url, sourceId) => {
      calls.push({ action: 'fetchClaimed', args: [url, sourceId] });
      return { error: '测试中未抓取' };
    },
    ...overrides,
  };
  return { actions, calls };
}

/** The app on a store, with a fixed clock and test actions. */
export function dashboardApp(store: Store, overrides: Partial<ServerDeps> = {}) {
  const { actions, calls } = testActions(store, overrides.actions);
  const deps: ServerDeps = {
    store,
    catalog,
    calendar,
    scheme,
    clock: () => new Date('2021-01-05T02:00:00Z'),
    actions,
    ...overrides,
  };
  return { app: createApp(deps), deps, calls };
}

/** Logs in through the form and returns the session cookie and the CSRF token of a page. */
export async function login(
  app: ReturnType<typeof createApp>,
  name: string,
  password = PASSWORD,
): Promise<{ cookie: string; csrf: string }> {
  const res = await app.request('/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ name, password, next: '/' }).toString(),
  });
  if (res.status !== 302) throw new Error(`login as ${name} failed: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const page = await app.request('/bodies/t-hexi', { headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  return { cookie, csrf };
}

/**
 * For a test file: the scored demo with the test accounts, built once before its tests into a folder of its own,
 * its store handed to `use`; store, demo web and folder closed and removed after the file's tests.
 */
export function useScoredDemo(use: (store: Store) => void): void {
  let dir: string | undefined;
  let store: Store | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gongkai-dashboard-'));
    const demo = await scoredDemo(dir);
    close = demo.close;
    store = openStore(demo.db);
    await addAccounts(store);
    use(store);
  }, 120_000);
  afterAll(async () => {
    store?.close();
    await close?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}

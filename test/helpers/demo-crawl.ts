import path from 'node:path';
import { loadCalendar, loadCatalog } from '../../src/catalog/index.js';
import {
  type CrawlEffects,
  createFetcher,
  createPoliteScheduler,
  createRobots,
  extractAttachmentText,
  type PageRenderer,
  silentLog,
} from '../../src/crawlers/index.js';
import {
  createDemoWorld,
  type DemoServer,
  type DemoWorld,
  startDemoServer,
  writeDemoFiles,
} from '../../src/demo/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { importRegistry } from '../../src/sync/index.js';

export const catalog = loadCatalog('shifanqu-2020', {
  dir: path.resolve(import.meta.dirname, '../../data/catalog'),
}).catalog;
export const calendar = loadCalendar();

/** The demo world of a seed, its server, and a store with its registry imported (no politeness delay). */
export async function demoSetup(
  dir: string,
  seed = 11,
  today = '2020-12-31',
): Promise<{ world: DemoWorld; server: DemoServer; store: Store }> {
  const world = createDemoWorld({ seed, catalog, calendar });
  const server = await startDemoServer(world, 0, { today });
  await writeDemoFiles(world, dir, server.origin);
  const store = openStore(path.join(dir, 'gongkai.db'), { create: true });
  importRegistry(store, path.join(dir, 'registry.yaml'));
  for (const source of store.sources.list()) store.sources.upsert({ ...source, delayMs: 0, concurrency: 4 });
  return { world, server, store };
}

/** The crawler's real effects, with a clock on the demo server's day and no real waits. */
export function demoEffects(
  store: Store,
  today: () => string,
  renderer?: PageRenderer,
): CrawlEffects & { close(): Promise<void> } {
  const clock = () => new Date(`${today()}T10:00:00+08:00`);
  const fetcher = createFetcher({
    userAgent: 'gongkai-test',
    connectTimeoutMs: 5000,
    timeoutMs: 15_000,
    maxBytes: 5 * 1024 * 1024,
    maxRedirects: 5,
    clock,
  });
  return {
    store,
    fetcher,
    robots: createRobots({ fetcher, userAgent: 'gongkai-test', clock }),
    scheduler: createPoliteScheduler({ clock: () => new Date(), sleep: async () => {} }),
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 10, sleep: async () => {}, random: () => 0.5 },
    ...(renderer ? { renderer } : {}),
    readAttachment: async (bytes, fileName, contentType) => {
      const result = await extractAttachmentText(bytes, {
        fileName,
        ...(contentType ? { contentType } : {}),
      });
      return result.kind === 'text' ? { kind: 'text', format: result.format, text: result.text } : result;
    },
    clock,
    log: silentLog,
    close: () => fetcher.close(),
  };
}

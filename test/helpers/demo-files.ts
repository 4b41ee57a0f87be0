import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type Catalog, loadCatalog } from '../../src/catalog/index.js';
import { createDemoWorld, type DemoWorld, writeDemoFiles } from '../../src/demo/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { importRegistry } from '../../src/sync/index.js';
import { calendar, catalog } from './demo-crawl.js';

export { catalog };

/** The 2021 乡村振兴 variant, whose item names a records file may use. */
export const variant: Catalog = loadCatalog('shifanqu-2021-xczx', {
  dir: path.resolve(import.meta.dirname, '../../data/catalog'),
}).catalog;

/** The demo world's files (registry, records, evidence), written once for a test file. */
export function useDemoFiles(seed = 11): { dir: () => string; world: () => DemoWorld } {
  let dir: string | undefined;
  let world: DemoWorld | undefined;
  beforeAll(async () => {
    world = createDemoWorld({ seed, catalog, calendar });
    dir = mkdtempSync(path.join(tmpdir(), 'gongkai-demo-files-'));
    await writeDemoFiles(world, dir, 'http://127.0.0.1:8080');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return { dir: () => dir as string, world: () => world as DemoWorld };
}

/** A fresh store in `dir` with the registry of `registryDir` imported. */
export function storeWithRegistry(dir: string, registryDir: string): Store {
  const store = openStore(path.join(dir, 'gongkai.db'), { create: true });
  importRegistry(store, path.join(registryDir, 'registry.yaml'));
  return store;
}

/** Every row of the tables an import writes, to compare before and after. */
export function tableContents(store: Store): unknown[] {
  return ['records', 'record_history', 'offline_evidence', 'blobs'].map((t) =>
    store.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
  );
}

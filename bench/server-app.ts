/**
 * The dashboard as `gongkai serve` runs it, on a given store and port, for bench/server.ts to load from outside.
 * Usage: node --import tsx bench/server-app.ts DB PORT
 */
import path from 'node:path';
import { serve } from '@hono/node-server';
import { loadCalendar, loadCatalog, parseWithSchema, readYamlFile } from '../src/catalog/index.js';
import { SchemeSchema } from '../src/scoring/index.js';
import { createApp } from '../src/server/index.js';
import { openStore } from '../src/store/index.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const [file, port] = process.argv.slice(2);
const store = openStore(file as string);
const app = createApp({
  store,
  catalog: loadCatalog('shifanqu-2020', { dir: path.join(ROOT, 'data/catalog') }).catalog,
  calendar: loadCalendar(),
  scheme: parseWithSchema(SchemeSchema, readYamlFile(path.join(ROOT, 'data/scoring/default.yaml'))),
  clock: () => new Date(),
  actions: {
    rescore: async () => {},
    crawlNow: async () => ({ status: 'ok', newPosts: 0 }),
    fetchClaimed: async () => ({ error: 'not in the benchmark' }),
  },
});
serve({ fetch: app.fetch, port: Number(port), hostname: '127.0.0.1' }, () => {
  process.stdout.write('ready\n');
});

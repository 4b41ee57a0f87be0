/**
 * The demo web for the crawl benchmark, in its own process so that serving never shares the crawlers' heap.
 * Usage: tsx bench/demo-server.ts <seed> <posts> <today> <outDir>
 * Writes registry.yaml and truth.json to outDir, prints `origin <url>` and then counts requests until
 * SIGTERM; `stats` on stdin prints the request counts so far.
 */
import path from 'node:path';
import { loadCalendar, loadCatalog, parseIsoDate } from '../src/catalog/index.js';
import { createDemoWorld, startDemoServer, writeDemoFiles } from '../src/demo/index.js';

const [seed = '1', posts = '3000', today = '2020-12-31', outDir = 'bench-out'] = process.argv.slice(2);
const { catalog } = loadCatalog('shifanqu-2020', {
  dir: path.resolve(import.meta.dirname, '../data/catalog'),
});
const world = createDemoWorld({
  seed: Number(seed),
  posts: Number(posts),
  catalog,
  calendar: loadCalendar(),
});
let requests = 0;
const byStatus: Record<string, number> = {};
const server = await startDemoServer(world, 0, {
  today: parseIsoDate(today),
  onRequest: (_method, _url, status) => {
    requests += 1;
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  },
});
await writeDemoFiles(world, outDir, server.origin);
process.stdout.write(`origin ${server.origin}\n`);
process.stdin.setEncoding('utf8');
process.stdin.on('data', (line: string) => {
  if (line.trim() === 'stats') process.stdout.write(`stats ${JSON.stringify({ requests, byStatus })}\n`);
});
process.once('SIGTERM', () => {
  server.close().then(() => process.exit(0));
});

/**
 * One gongkai crawl for the benchmark, in its own process so its peak RSS is its own. The effects are the
 * CLI's (`createCrawlEffects`); the store and its source were made by `prepareGongkaiStore`. Running it
 * again on the same store is a second pass.
 * Usage: node --import tsx bench/crawl-gongkai.ts <job.json>; prints one line `result <json>`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCrawlEffects } from '../src/cli/crawl-effects.js';
import { growHeapSlowly } from '../src/cli/heap-growth.js';
import { crawlSource, silentLog } from '../src/crawlers/index.js';
import { openStore } from '../src/store/index.js';
import type { CrawlJob, CrawlResult } from './crawl-job.js';

const job = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as CrawlJob;
const rssAtStartMb = process.memoryUsage().rss / 2 ** 20;
const store = openStore(path.join(job.storeDir, 'gongkai.db'));
const source = store.sources.get(job.sourceId);
if (!source) throw new Error(`no source ${job.sourceId} in ${job.storeDir}`);
// As `gongkai crawl` does.
growHeapSlowly();
const setup = createCrawlEffects(store, { log: silentLog, needsBrowser: false });

const cpuBefore = process.cpuUsage();
const startedAt = performance.now();
// As `gongkai crawl` does: progress is asked for and printed every 2 s (here: dropped).
let lastPrinted = 0;
const report = await crawlSource(setup.effects, source, {
  attachments: job.attachments,
  onProgress: () => {
    const now = Date.now();
    if (now - lastPrinted >= 2000) lastPrinted = now;
  },
});
const seconds = (performance.now() - startedAt) / 1000;
const cpu = process.cpuUsage(cpuBefore);
await setup.close();

const requests: Record<string, number> = {};
const perUrl = new Map<string, number>();
for (const f of store.fetches.forRun(report.runId)) {
  const key = `${f.purpose} ${f.outcome}`;
  requests[key] = (requests[key] ?? 0) + 1;
  perUrl.set(f.url, (perUrl.get(f.url) ?? 0) + 1);
}
const articles = store.posts.knownUrls(source.id).size;
store.close();
const result: CrawlResult = {
  seconds,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
  rssAtStartMb,
  articles,
  requests,
  urlsFetchedTwice: [...perUrl.values()].filter((n) => n > 1).length,
  notes: report.status === 'ok' ? [] : [`status ${report.status} ${JSON.stringify(report.errors)}`],
};
process.stdout.write(`result ${JSON.stringify(result)}\n`);

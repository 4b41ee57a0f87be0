import path from 'node:path';
import { openStore } from '../src/store/index.js';
import { importRegistry } from '../src/sync/index.js';
import type { CrawlJob } from './crawl-job.js';

/**
 * Creates gongkai's store for a job: the demo registry imported and one website source with the job's start
 * pages, scope and concurrency, no delay. Done in the parent, as `gongkai init` and `gongkai import` are
 * commands of their own: the crawling child loads only what `gongkai crawl` loads.
 */
export function prepareGongkaiStore(job: CrawlJob): void {
  const store = openStore(path.join(job.storeDir, 'gongkai.db'), { create: true });
  try {
    importRegistry(store, path.join(job.demoDir, 'registry.yaml'));
    store.sources.upsert({
      id: job.sourceId,
      bodyId: 'fpb',
      kind: 'website',
      channel: '政府网站',
      start: job.start,
      scope: job.scope,
      render: 'static',
      schedule: null,
      concurrency: job.concurrency,
      delayMs: 0,
      allowPrivate: true,
      selectors: {},
      extra: {},
    });
  } finally {
    store.close();
  }
}

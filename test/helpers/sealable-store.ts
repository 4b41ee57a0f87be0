import { crawlSource } from '../../src/crawlers/index.js';
import { demoEffects, demoSetup } from './demo-crawl.js';

/** The days `buildSealableStore` crawls: two in March (old enough for retention), one in May. */
export const CRAWL_DAYS = ['2020-03-02', '2020-03-09', '2020-05-04'];

/** A store in `dir` (gongkai.db) with the demo web crawled on each of `CRAWL_DAYS`. */
export async function buildSealableStore(dir: string): Promise<void> {
  const { server, store } = await demoSetup(dir);
  const effects = demoEffects(store, () => server.today);
  try {
    const sources = store.sources.list().filter((s) => s.kind !== 'offline');
    for (const day of CRAWL_DAYS) {
      server.today = day;
      for (const s of sources) await crawlSource(effects, s, { trigger: 'schedule' });
    }
  } finally {
    await effects.close();
    store.close();
    await server.close();
  }
}

import { afterAll, describe, expect, it } from 'vitest';
import { crawlSource } from '../../src/crawlers/index.js';
import { createRenderer } from '../../src/crawlers/render/index.js';
import { createDemoWorld } from '../../src/demo/index.js';
import { calendar, catalog, demoEffects, demoSetup } from '../helpers/demo-crawl.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();
const renderer = createRenderer({ pages: 2 });

afterAll(async () => {
  await renderer.close();
});

describe('crawlSource with render: browser', () => {
  it('reads the gkmlpt township whose list only a browser (or its JSON) shows, and keeps a rendered copy', async () => {
    const { server, store } = await demoSetup(tempDir());
    try {
      const source = store.sources.get('liuhe-web');
      expect(source?.render).toBe('browser');
      const effects = demoEffects(store, () => server.today, renderer);
      const report = await crawlSource(effects, source as never);
      await effects.close();
      expect(report.status).toBe('ok');
      const world = createDemoWorld({ seed: 11, catalog, calendar });
      const expected = world.posts.filter(
        (p) =>
          p.siteId === 'liuhe' && p.appearsAt <= server.today && (!p.removedAt || server.today < p.removedAt),
      );
      const stored = new Map(store.posts.list({ sourceId: 'liuhe-web' }).map((p) => [p.url, p]));
      expect(expected.filter((p) => !stored.has(`${server.origin}${p.url}`)).map((p) => p.url)).toEqual([]);
      for (const truth of expected)
        expect(stored.get(`${server.origin}${truth.url}`)?.title).toBe(truth.title);
      const rendered = store.fetches.forRun(report.runId).filter((f) => f.rendered);
      expect(rendered.length).toBeGreaterThan(0);
      expect(store.blobs.get(rendered[0]?.bodySha256 ?? '')?.toString('utf8')).toContain('<li><a href=');
    } finally {
      store.close();
      await server.close();
    }
  });
});

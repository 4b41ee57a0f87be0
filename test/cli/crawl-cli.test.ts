import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoWorld } from '../../src/demo/index.js';
import { runCli } from '../helpers/cli.js';
import { calendar, catalog, demoSetup } from '../helpers/demo-crawl.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();

describe('gongkai crawl and posts', () => {
  it('stores every post of the demo web online that day, with its title and publication date', async () => {
    const dir = tempDir();
    const { server, store } = await demoSetup(dir);
    const scopes = store.sources.list().flatMap((s) => s.scope);
    store.close();
    try {
      const db = path.join(dir, 'gongkai.db');
      const crawl = await runCli(['crawl', '--all', '--db', db, '--json']);
      expect(crawl.code, crawl.stderr).toBe(0);
      const reports = crawl.json() as { sourceId: string; status: string }[];
      expect(reports).toHaveLength(12);
      expect(reports.filter((r) => r.status !== 'ok')).toEqual([]);
      const posts = (await runCli(['posts', '--db', db, '--json'])).json() as {
        url: string;
        title: string;
        publishedAt: string | null;
        source: string;
      }[];
      const byUrl = new Map(posts.map((p) => [p.url, p]));
      const world = createDemoWorld({ seed: 11, catalog, calendar });
      // Feeds show only their latest entries; the rest of the truth of the day must all be there.
      const expected = world.posts.filter(
        (p) =>
          p.appearsAt <= server.today &&
          (!p.removedAt || server.today < p.removedAt) &&
          p.channel === '政府网站' &&
          scopes.some((s) => `${server.origin}${p.url}`.startsWith(s)),
      );
      expect(expected.length).toBeGreaterThan(300);
      const wrong = expected.filter((p) => {
        const got = byUrl.get(`${server.origin}${p.url}`);
        return !got || got.title !== p.title || got.publishedAt !== p.publishedAt;
      });
      expect(wrong.map((p) => p.url)).toEqual([]);
      const again = await runCli(['crawl', '--db', db, '--json']);
      expect(again.json()).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WARCParser } from 'warcio';
import { crawlSource } from '../../src/crawlers/index.js';
import type { DemoServer } from '../../src/demo/index.js';
import { openStore, type Source, type Store } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { demoEffects, demoSetup } from '../helpers/demo-crawl.js';
import { useTempDir } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tempDir = useTempDir();
let server: DemoServer | undefined;
let store: Store | undefined;

afterEach(async () => {
  store?.close();
  await server?.close();
  store = undefined;
  server = undefined;
});

describe('gongkai evidence export', () => {
  it('writes a post and its attachments as WARC records that read back with their digests', async () => {
    const dir = tempDir();
    ({ server, store } = await demoSetup(dir));
    const s = server;
    const effects = demoEffects(store, () => s.today);
    await crawlSource(effects, store.sources.get('fpb-web') as never);
    await effects.close();
    const withFile = store.posts
      .list({ sourceId: 'fpb-web' })
      .find((p) => p.currentVersionId && store?.attachments.forVersion(p.currentVersionId).length);
    expect(withFile).toBeDefined();
    store.close();
    store = undefined;
    const out = path.join(dir, 'evidence.warc.gz');
    const run = await runCli([
      'evidence',
      'export',
      '--post',
      String(withFile?.id),
      '--out',
      out,
      '--db',
      path.join(dir, 'gongkai.db'),
    ]);
    expect(run.code).toBe(0);
    const types: string[] = [];
    const targets: string[] = [];
    for await (const record of new WARCParser([readFileSync(out)])) {
      types.push(record.warcType ?? '');
      if (record.warcType === 'response') {
        targets.push(record.warcTargetURI ?? '');
        const payload = await record.readFully(true);
        expect(record.warcHeader('WARC-Payload-Digest')).toMatch(/^sha256:/);
        expect(payload.length).toBeGreaterThan(0);
      }
    }
    expect(types[0]).toBe('warcinfo');
    expect(targets).toContain(withFile?.url);
    expect(targets.some((t) => /\.(xlsx|docx|pdf)$/.test(t))).toBe(true);
  });
});

describe('a crawl killed with kill -9', () => {
  it('resumes where it stopped and stores nothing twice', async () => {
    const dir = tempDir();
    ({ server, store } = await demoSetup(dir));
    const source = store.sources.get('chengcun-web');
    if (!source) throw new Error('no source');
    store.sources.upsert({ ...source, delayMs: 15, concurrency: 1 });
    store.close();
    store = undefined;
    const db = path.join(dir, 'gongkai.db');
    const child = spawn(
      'node',
      [path.join(ROOT, 'bin/gongkai.js'), 'crawl', '--source', 'chengcun-web', '--db', db],
      { stdio: 'ignore' },
    );
    const probe = new Database(db, { readonly: true });
    try {
      for (let i = 0; i < 400; i += 1) {
        const n = (
          probe.prepare("SELECT count(*) AS n FROM fetches WHERE purpose = 'article'").get() as { n: number }
        ).n;
        if (n >= 10) break;
        await new Promise((r) => setTimeout(r, 25));
      }
    } finally {
      probe.close();
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const reopened = openStore(db);
    expect(reopened.runs.unfinished('chengcun-web')?.status).toBe('running');
    reopened.sources.upsert({
      ...(reopened.sources.get('chengcun-web') as Source),
      delayMs: 0,
      concurrency: 4,
    });
    reopened.close();
    const resumed = await runCli(['crawl', '--source', 'chengcun-web', '--db', db, '--json']);
    expect(resumed.code).toBe(0);
    const [report] = resumed.json() as { resumed: boolean; status: string }[];
    expect(report).toMatchObject({ resumed: true, status: 'ok' });
    const check = new Database(db, { readonly: true });
    const posts = (
      check.prepare("SELECT count(*) AS n FROM posts WHERE source_id = 'chengcun-web'").get() as { n: number }
    ).n;
    const versions = (check.prepare('SELECT count(*) AS n FROM post_versions').get() as { n: number }).n;
    const runs = check.prepare('SELECT status FROM crawl_runs').all();
    check.close();
    // A clean crawl of the same day finds exactly as many posts.
    mkdirSync(path.join(dir, 'fresh'));
    const fresh = await demoSetup(path.join(dir, 'fresh'));
    const s = fresh.server;
    const effects = demoEffects(fresh.store, () => s.today);
    await crawlSource(effects, fresh.store.sources.get('chengcun-web') as never);
    await effects.close();
    expect(posts).toBe(fresh.store.posts.count('chengcun-web'));
    expect(versions).toBe(posts);
    expect(runs).toEqual([{ status: 'ok' }]);
    fresh.store.close();
    await fresh.server.close();
  });
});

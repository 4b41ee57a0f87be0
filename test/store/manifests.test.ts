import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyRetention,
  GENESIS_SHA256,
  manifestSha256,
  openStore,
  type Store,
  verifyEvidence,
} from '../../src/store/index.js';
import { buildSealableStore, CRAWL_DAYS } from '../helpers/sealable-store.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();
const DAYS = CRAWL_DAYS;
let baseDir: string;

function crawledStore(): Store {
  const file = path.join(tempDir(), 'gongkai.db');
  copyFileSync(path.join(baseDir, 'gongkai.db'), file);
  return openStore(file);
}

const at = (day: string, time = '12:00') => new Date(`${day}T${time}:00+08:00`);

beforeAll(async () => {
  baseDir = mkdtempSync(path.join(tmpdir(), 'gongkai-manifests-'));
  await buildSealableStore(baseDir);
}, 180_000);

afterAll(() => {
  rmSync(baseDir, { recursive: true, force: true });
});

describe('manifestQueries', () => {
  it('seals the finished days only, each chained to the day sealed before it', () => {
    const store = crawledStore();
    try {
      expect(store.manifests.seal(at('2020-05-04')).map((m) => m.day)).toEqual(DAYS.slice(0, 2));
      expect(store.manifests.seal(at('2020-05-05')).map((m) => m.day)).toEqual(DAYS.slice(2));
      const manifests = store.manifests.list();
      expect(manifests.map((m) => m.prevSha256)).toEqual([
        GENESIS_SHA256,
        manifests[0]?.sha256,
        manifests[1]?.sha256,
      ]);
      for (const m of manifests) expect(manifestSha256(m)).toBe(m.sha256);
      expect(manifests.reduce((n, m) => n + m.fetchCount, 0)).toBe(store.fetches.count());
      expect(manifests.every((m) => m.evidenceCount > 0 && m.evidenceCount < m.fetchCount)).toBe(true);
    } finally {
      store.close();
    }
  });

  it('seals nothing again when run twice', () => {
    const store = crawledStore();
    try {
      expect(store.manifests.seal(at('2020-06-01'))).toHaveLength(3);
      const first = store.manifests.list();
      expect(store.manifests.seal(at('2020-06-02'))).toEqual([]);
      expect(store.manifests.list()).toEqual(first);
    } finally {
      store.close();
    }
  });

  it('leaves a day unsealed until an hour after it ends', () => {
    const store = crawledStore();
    try {
      expect(store.manifests.seal(at('2020-05-05', '00:30')).map((m) => m.day)).toEqual(DAYS.slice(0, 2));
      expect(store.manifests.seal(at('2020-05-05', '01:30')).map((m) => m.day)).toEqual(DAYS.slice(2));
    } finally {
      store.close();
    }
  });
});

describe('verifyEvidence', () => {
  it('finds nothing wrong in an untouched store', () => {
    const store = crawledStore();
    try {
      store.manifests.seal(at('2020-06-01'));
      const report = verifyEvidence(store);
      expect(report.problems).toEqual([]);
      expect(report.days).toBe(3);
      expect(report.fetches).toBe(store.fetches.count());
      expect(report.blobs).toBe(store.blobs.stats().count);
    } finally {
      store.close();
    }
  });

  it('accepts the rows retention removed from sealed days, and still checks their evidence rows', async () => {
    const store = crawledStore();
    try {
      store.manifests.seal(at('2020-06-01'));
      const before = store.fetches.count();
      await applyRetention(store.retention, {
        fetchesBefore: '2020-04-15T00:00:00.000Z',
        frontierBefore: '2020-04-15T00:00:00.000Z',
      });
      expect(store.fetches.count()).toBeLessThan(before);
      const report = verifyEvidence(store);
      expect(report.problems).toEqual([]);
      expect(report.retired.map((r) => r.day)).toEqual(['2020-03-09']);

      const evidence = store.db
        .prepare("SELECT fetch_id AS id FROM post_versions WHERE seen_at < '2020-03-03' LIMIT 1")
        .get() as { id: number };
      store.db.pragma('foreign_keys = OFF');
      store.db.prepare('DELETE FROM fetches WHERE id = ?').run(evidence.id);
      expect(verifyEvidence(store).problems.map((p) => [p.kind, 'day' in p ? p.day : ''])).toEqual([
        ['evidence_altered', '2020-03-02'],
      ]);
    } finally {
      store.close();
    }
  });
});

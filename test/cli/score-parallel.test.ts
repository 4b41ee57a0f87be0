import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWithSchema, readYamlFile } from '../../src/catalog/index.js';
import { runScoreStage, runScoreStageParallel } from '../../src/cli/score-stage.js';
import { SchemeSchema } from '../../src/scoring/index.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { calendar, catalog, demoSetup } from '../helpers/demo-crawl.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();
const scheme = parseWithSchema(
  SchemeSchema,
  readYamlFile(path.resolve(import.meta.dirname, '../../data/scoring/default.yaml')),
);

describe('the score stage in worker threads', () => {
  it('stores the same run as in one thread, part by part in order, and leaves nothing when a worker fails', async () => {
    const dir = tempDir();
    const { server, store: setup } = await demoSetup(dir);
    setup.close();
    const db = path.join(dir, 'gongkai.db');
    expect((await runCli(['import', path.join(dir, 'records.csv'), '--db', db])).code).toBe(0);
    expect((await runCli(['crawl', '--source', 'fpb-web', '--db', db])).code).toBe(0);
    await server.close();
    expect((await runCli(['match', '--db', db])).code).toBe(0);

    const store = openStore(db);
    try {
      const options = { catalog, calendar, scheme, year: 2020, today: '2020-12-31', chunkBodies: 6 };
      const serial = runScoreStage(store, { ...options, collect: false });
      const parallel = await runScoreStageParallel(store, {
        ...options,
        workers: 2,
        calendarFile: undefined,
      });
      const rows = (runId: number) => ({
        obligations: store.scores.obligations(runId).map((r) => r.data),
        findings: store.scores.findings(runId).map((r) => r.data),
        cards: store.scores.scorecards(runId).map((r) => r.data),
      });
      const one = rows(serial.runId);
      expect(one.obligations.length).toBeGreaterThan(100);
      expect(rows(parallel.runId)).toEqual(one);
      const runs = store.db
        .prepare<[number, number], { inputs_sha256: string }>(
          'SELECT inputs_sha256 FROM score_runs WHERE id IN (?, ?) ORDER BY id',
        )
        .all(serial.runId, parallel.runId);
      expect(runs[0]?.inputs_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(runs[1]?.inputs_sha256).toBe(runs[0]?.inputs_sha256);

      const failing = runScoreStageParallel(store, {
        ...options,
        workers: 2,
        calendarFile: path.join(dir, 'no-such-calendar.yaml'),
      });
      await expect(failing).rejects.toThrow();
      expect(store.scores.latest(2020)?.id).toBe(parallel.runId);
      expect(store.db.prepare('SELECT COUNT(*) AS n FROM score_runs').get()).toEqual({ n: 2 });
    } finally {
      store.close();
    }
  }, 120_000);
});

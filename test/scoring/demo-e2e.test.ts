import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateScoring } from '../../scripts/scoring-eval.js';

// Issue 6, end to end: the demo web crawled every three days through 2020, matched and scored; the findings must
// agree with those the demo's ground truth gives under the same rules, per kind, both ways.
const FLOOR = 0.95;

describe('crawl → match → score against the demo truth', () => {
  it(`finds each kind of finding with precision and recall of at least ${FLOOR}`, {
    timeout: 600_000,
  }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-e2e-'));
    try {
      const result = await evaluateScoring({ seed: 11, cadenceDays: 3, dir });
      const below = Object.entries(result.perKind)
        .filter(([, f]) => f.expected > 0 && ((f.precision ?? 0) < FLOOR || (f.recall ?? 0) < FLOOR))
        .map(([kind, f]) => `${kind}: precision ${f.precision?.toFixed(3)}, recall ${f.recall?.toFixed(3)}`);
      expect(
        below,
        [...result.missed.map((k) => `missed ${k}`), ...result.extra.map((k) => `extra ${k}`)].join('\n'),
      ).toEqual([]);
      // Every kind the truth has must be there to be measured.
      expect(Object.keys(result.perKind).length).toBeGreaterThanOrEqual(8);
      // Every finding names its rule and its evidence: the post (version, fetch, sha256, URL), the offline posting,
      // or, for an absence on a website, the crawl that did not find it. Only an absence from a notice board
      // nobody entered, or from a website the registry does not list for the body, has none (and says so).
      for (const f of result.findings) {
        expect(f.rule, f.detail).toBeTruthy();
        if (f.evidence?.kind === 'post')
          expect(f.evidence).toMatchObject({
            versionId: expect.any(Number),
            fetchId: expect.any(Number),
            sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
            url: expect.any(String),
          });
        if (f.evidence === null)
          expect(
            ['村公示栏', '政务服务中心'].some((c) => f.obligationKey?.endsWith(c)) ||
              f.detail.includes('登记清单中没有'),
            `${f.kind} ${f.detail}`,
          ).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

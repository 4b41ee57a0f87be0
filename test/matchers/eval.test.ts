import { beforeAll, describe, expect, it } from 'vitest';
import { analyseLabelled, type Outcome, readLabels } from '../../scripts/evaluation.js';
import { computeFigures, type Figures } from '../../scripts/figures.js';
import { ITEM_IDS } from '../../src/catalog/index.js';

// Floors a little below what the matchers reach on the 253 labelled posts (npm run eval), so a regression fails.
const FLOORS = {
  itemAccuracy: 0.97,
  publishedAccuracy: 0.98,
  formedAccuracy: 0.98,
  noticeAccuracy: 0.97,
  publisherAccuracy: 0.97,
  publisherLevelAccuracy: 0.97,
  privacyAccuracy: 0.98,
  elementPrecision: 0.94,
  elementRecall: 0.92,
};

let outcomes: Outcome[];
let figures: Figures;

beforeAll(() => {
  outcomes = analyseLabelled(readLabels());
  figures = computeFigures(outcomes, ITEM_IDS);
});

describe('the matchers on the labelled posts (test/fixtures/posts)', () => {
  it('reads every post of labels.json', () => {
    expect(figures.posts).toBeGreaterThanOrEqual(250);
  });

  it(`finds the right item for at least ${FLOORS.itemAccuracy * 100}% of posts`, () => {
    expect(figures.itemAccuracy).toBeGreaterThanOrEqual(FLOORS.itemAccuracy);
  });

  it('keeps every item’s precision and recall at 0.8 or more', () => {
    for (const [id, m] of Object.entries(figures.perItem)) {
      expect(m.precision ?? 1, `${id} precision`).toBeGreaterThanOrEqual(0.8);
      expect(m.recall ?? 1, `${id} recall`).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('reads the publication and formation dates', () => {
    expect(figures.publishedAccuracy).toBeGreaterThanOrEqual(FLOORS.publishedAccuracy);
    expect(figures.formedAccuracy).toBeGreaterThanOrEqual(FLOORS.formedAccuracy);
  });

  it('reads notice periods, publishers and their levels', () => {
    expect(figures.noticeAccuracy).toBeGreaterThanOrEqual(FLOORS.noticeAccuracy);
    expect(figures.publisherAccuracy).toBeGreaterThanOrEqual(FLOORS.publisherAccuracy);
    expect(figures.publisherLevelAccuracy).toBeGreaterThanOrEqual(FLOORS.publisherLevelAccuracy);
  });

  it('finds the elements and the personal data the labels show', () => {
    expect(figures.elements.precision ?? 0).toBeGreaterThanOrEqual(FLOORS.elementPrecision);
    expect(figures.elements.recall ?? 0).toBeGreaterThanOrEqual(FLOORS.elementRecall);
    expect(figures.privacyAccuracy).toBeGreaterThanOrEqual(FLOORS.privacyAccuracy);
  });

  it('never stores a personal number in an analysis', () => {
    const numbers = /(?<!\d)(\d{17}[\dXx]|1[3-9]\d{9}|62\d{14,17})(?!\d)/;
    for (const { analysis } of outcomes) expect(JSON.stringify(analysis.privacy)).not.toMatch(numbers);
  });
});

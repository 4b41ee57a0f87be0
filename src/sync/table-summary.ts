import type { Problem } from '../catalog/index.js';
import type { UpsertOutcome } from '../store/index.js';

/** What importing a records or evidence table did. */
export interface TableImportSummary {
  file: string;
  kind: 'records' | 'evidence';
  /** Data rows read (identical repeats counted once). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  warnings: Problem[];
}

/** Counts of each outcome. */
export function countOutcomes(outcomes: readonly UpsertOutcome[]): Record<UpsertOutcome, number> {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const o of outcomes) counts[o] += 1;
  return counts;
}

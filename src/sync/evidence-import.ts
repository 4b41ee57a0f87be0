import path from 'node:path';
import { type Catalog, DataFileError, type Problem, zodErrorZh } from '../catalog/index.js';
import type { OfflineEvidence, Store, UpsertOutcome } from '../store/index.js';
import { findRecordRef } from './evidence-record.js';
import {
  createEvidenceChecker,
  type EvidenceCheckOptions,
  type EvidenceLine,
  readEvidenceRows,
} from './evidence-rows.js';
import { type EvidenceColumnKey, EvidenceRowSchema } from './evidence-schema.js';
import { readTable, type Table } from './table-read.js';
import { RowProblems, sortProblems } from './table-rows.js';
import { countOutcomes, type TableImportSummary } from './table-summary.js';

/** The catalog postings are checked against; `enteredBy` stands in for an empty 录入人. */
export interface EvidenceImportOptions {
  catalog: Catalog;
  variants?: readonly Catalog[];
  enteredBy?: string;
}

function checkOptions(store: Store, options: EvidenceImportOptions, baseDir: string): EvidenceCheckOptions {
  return {
    ...options,
    bodies: store.bodies.list({ includeRetired: true }),
    findRecord: (ref, where) => findRecordRef(store, ref, where),
    baseDir,
  };
}

function saveEntry(store: Store, entry: EvidenceLine): { outcome: UpsertOutcome; id: number } {
  const photoSha256 = entry.photo ? store.blobs.put(entry.photo).sha256 : null;
  return store.offlineEvidence.upsert({ ...entry.input, photoSha256 });
}

/**
 * Imports offline evidence (.csv or .xlsx, one posting per row) in one transaction, with the records
 * import's rules: every bad row and column reported, nothing half-written, a repeat changes nothing.
 */
export async function importEvidence(
  store: Store,
  file: string,
  options: EvidenceImportOptions,
): Promise<TableImportSummary> {
  return importEvidenceTable(store, await readTable(file), options);
}

/** `importEvidence` on a table already read. */
export function importEvidenceTable(
  store: Store,
  table: Table,
  options: EvidenceImportOptions,
): TableImportSummary {
  const { entries, warnings } = readEvidenceRows(
    table,
    checkOptions(store, options, path.dirname(table.file)),
  );
  return store.transaction(() => {
    const counts = countOutcomes(entries.map((e) => saveEntry(store, e).outcome));
    const summary = { rows: entries.length, ...counts };
    store.meta.recordImport({ kind: 'evidence', file: table.file, sha256: table.sha256, summary });
    return { file: table.file, kind: 'evidence', ...summary, warnings };
  });
}

/** One posting as typed on the command line (`gongkai evidence add`). */
export type EvidenceEntry = Partial<Record<EvidenceColumnKey, string | number>>;

const FLAGS: Record<EvidenceColumnKey, string> = {
  body: '--body',
  item: '--item',
  channel: '--channel',
  postedFrom: '--from',
  postedTo: '--to',
  days: '--days',
  title: '--title',
  record: '--record',
  by: '--by',
  note: '--note',
  photo: '--photo',
};

/**
 * Adds one posting entered by a person, its photo kept as a blob. Bad values throw a `DataFileError`
 * whose problems name the option; entering the same posting again updates it rather than adding a twin.
 */
export function addEvidence(
  store: Store,
  entry: EvidenceEntry,
  options: EvidenceImportOptions & { baseDir: string },
): { outcome: UpsertOutcome; evidence: OfflineEvidence; warnings: Problem[] } {
  const flags = { header: (k: EvidenceColumnKey) => FLAGS[k] };
  const report = { problems: new RowProblems(flags), notes: new RowProblems(flags) };
  const checker = createEvidenceChecker(checkOptions(store, options, options.baseDir));
  const parsed = EvidenceRowSchema.safeParse(entry, { error: zodErrorZh });
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      report.problems.add(0, String(issue.path[0]) as EvidenceColumnKey, issue.message);
    checker.checkRejected(entry, 0, report);
  }
  const checked = parsed.success ? checker.check(parsed.data, 0, report) : undefined;
  if (!checked)
    throw new DataFileError('gongkai evidence add', sortProblems(report.problems.list, Object.values(FLAGS)));
  const { outcome, id } = store.transaction(() => saveEntry(store, checked));
  return { outcome, evidence: store.offlineEvidence.get(id) as OfflineEvidence, warnings: report.notes.list };
}

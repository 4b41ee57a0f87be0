import type { Catalog } from '../catalog/index.js';
import type { Store } from '../store/index.js';
import { readRecordRows } from './records-rows.js';
import { readTable, type Table } from './table-read.js';
import { countOutcomes, type TableImportSummary } from './table-summary.js';

/** The catalog records are checked against, and variants whose item names are accepted too. */
export interface RecordImportOptions {
  catalog: Catalog;
  variants?: readonly Catalog[];
}

/**
 * Imports a records file (.xlsx or .csv, DESIGN.md's contract) in one transaction: a bad row anywhere
 * throws a `DataFileError` naming every bad row and column, and nothing is written. Importing the same
 * file again changes nothing; an edited row updates its record and keeps the change in its history;
 * records missing from a later file stay (exports are often partial).
 */
export async function importRecords(
  store: Store,
  file: string,
  options: RecordImportOptions,
): Promise<TableImportSummary> {
  return importRecordTable(store, await readTable(file), options);
}

/** `importRecords` on a table already read. */
export function importRecordTable(
  store: Store,
  table: Table,
  options: RecordImportOptions,
): TableImportSummary {
  const bodies = store.bodies.list({ includeRetired: true });
  const { records, warnings } = readRecordRows(table, { ...options, bodies });
  return store.transaction(() => {
    const counts = countOutcomes(records.map((r) => store.records.compare(r.input)));
    const summary = { rows: records.length, ...counts };
    store.meta.recordImport({ kind: 'records', file: table.file, sha256: table.sha256, summary });
    const importId = store.records.lastImportId() ?? null;
    for (const { input } of records) store.records.upsert(input, importId);
    return { file: table.file, kind: 'records', ...summary, warnings };
  });
}

import type { Store } from '../store/index.js';
import { type EvidenceImportOptions, importEvidenceTable } from './evidence-import.js';
import { EVIDENCE_COLUMNS } from './evidence-schema.js';
import { importRecordTable } from './records-import.js';
import { headerKeys } from './table-columns.js';
import { readTable, type Table } from './table-read.js';
import type { TableImportSummary } from './table-summary.js';

/** Which data a table holds, told by its headers: postings name a channel or a posting date. */
export function tableKind(table: Table): TableImportSummary['kind'] {
  const keys = headerKeys(table, EVIDENCE_COLUMNS);
  return keys.has('channel') || keys.has('postedFrom') ? 'evidence' : 'records';
}

/** Imports a .csv or .xlsx file as records or as offline evidence, whichever its headers show. */
export async function importDataTable(
  store: Store,
  file: string,
  options: EvidenceImportOptions,
): Promise<TableImportSummary> {
  const table = await readTable(file);
  return tableKind(table) === 'evidence'
    ? importEvidenceTable(store, table, options)
    : importRecordTable(store, table, options);
}

/** Data-sync: the registry (bodies and sources), records and offline evidence. */
export { CsvSyntaxError, parseCsv } from './csv-parse.js';
export {
  addEvidence,
  type EvidenceEntry,
  type EvidenceImportOptions,
  importEvidence,
} from './evidence-import.js';
export { findRecordRef } from './evidence-record.js';
export { EVIDENCE_COLUMNS, type EvidenceRow, EvidenceRowSchema } from './evidence-schema.js';
export { importRecords, type RecordImportOptions } from './records-import.js';
export { normalizeRefNo, recordKey } from './records-key.js';
export { RECORD_COLUMNS, type RecordRow, recordRowSchema } from './records-schema.js';
export {
  type Counts,
  importRegistry,
  type RegistryImportSummary,
  readRegistry,
} from './registry-import.js';
export {
  type Registry,
  type RegistryBody,
  RegistryBodySchema,
  RegistrySchema,
  type RegistrySource,
  RegistrySourceSchema,
} from './registry-schema.js';
export { decodeTableText } from './table-decode.js';
export { importDataTable, tableKind } from './table-import.js';
export { type Cell, readTable, TABLE_EXTENSIONS, type Table } from './table-read.js';
export type { TableImportSummary } from './table-summary.js';

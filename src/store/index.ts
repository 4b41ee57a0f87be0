/** The SQLite database: migrations, typed queries per entity, content-addressed blobs, backups. */
export { type BackupResult, backupStore } from './backup.js';
export { type BlobQueries, type BlobRef, sha256Hex } from './blobs.js';
export type { Body, BodyInput, BodyQueries, UpsertOutcome } from './bodies.js';
export { StoreError } from './errors.js';
export type { ImportRecord, MetaQueries, StoredCatalog } from './meta.js';
export { LATEST_VERSION } from './migrations.js';
export { openStore, type Store, type StoreOptions } from './open.js';
export type { Source, SourceInput, SourceKind, SourceQueries } from './sources.js';

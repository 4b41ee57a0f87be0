/** The SQLite database: migrations, typed queries per entity, content-addressed blobs, backups. */
export type { AccountQueries, ApiToken, AuditEntry, Role, User } from './accounts.js';
export type { AttachmentQueries, AttachmentRecord, AttachmentStatus } from './attachments.js';
export { type BackupResult, backupStore } from './backup.js';
export { type BlobQueries, type BlobRef, sha256Hex } from './blobs.js';
export type { Body, BodyInput, BodyQueries, UpsertOutcome } from './bodies.js';
export type { Claim, ClaimInput, ClaimQueries, ClaimStatus } from './claims.js';
export type { CrawlRun, RunQueries, RunStatus, RunTrigger } from './crawl-runs.js';
export { StoreError } from './errors.js';
export {
  type EvidenceCheckQueries,
  type EvidenceProblem,
  type EvidenceReport,
  verifyEvidence,
} from './evidence-check.js';
export type { FetchInput, FetchOutcome, FetchQueries, FetchRecord } from './fetches.js';
export type { FrontierItem, FrontierKind, FrontierQueries } from './frontier.js';
export type { HealthQueries, SourceHealth } from './health.js';
export {
  type ChainCheck,
  chinaDay,
  GENESIS_SHA256,
  type Manifest,
  type ManifestProblem,
  type ManifestQueries,
  manifestSha256,
} from './manifests.js';
export type { MatchQueries, RecordLinkRow, Review, StoredMatch } from './matches.js';
export type { ImportRecord, MetaQueries, StoredCatalog } from './meta.js';
export { LATEST_VERSION } from './migrations.js';
export type { EvidenceInput, OfflineEvidence, OfflineEvidenceQueries } from './offline-evidence.js';
export { openStore, type Store, type StoreOptions } from './open.js';
export type { PostListFilter, PostListQueries, PostRow } from './post-list.js';
export type { Post, PostQueries, PostVersion, VersionInput } from './posts.js';
export {
  type RecordChange,
  type RecordInput,
  type RecordQueries,
  recordInputOf,
  type StoredRecord,
} from './records.js';
export {
  applyRetention,
  type FetchAggregate,
  type RetentionCutoffs,
  type RetentionQueries,
  type RetentionResult,
  type StoreStats,
} from './retention.js';
export type {
  ReviewLabel,
  ReviewQueueQueries,
  UncertainFilter,
  UncertainPost,
} from './review-queue.js';
export type { JsonPart, ScoredRow, ScoreInput, ScoreQueries, ScoreRun } from './scores.js';
export type { PostForScoring, RunDay, ScoringViewQueries } from './scoring-view.js';
export type { Source, SourceInput, SourceKind, SourceQueries } from './sources.js';

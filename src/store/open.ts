import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type AccountQueries, accountQueries } from './accounts.js';
import { type AttachmentQueries, attachmentQueries } from './attachments.js';
import { type BlobQueries, blobQueries } from './blobs.js';
import { type BodyQueries, bodyQueries } from './bodies.js';
import { type ClaimQueries, claimQueries } from './claims.js';
import { type RunQueries, runQueries } from './crawl-runs.js';
import { StoreError, toStoreError } from './errors.js';
import { type EvidenceCheckQueries, evidenceCheckQueries } from './evidence-check.js';
import { type FetchQueries, fetchQueries } from './fetches.js';
import { type FrontierQueries, frontierQueries } from './frontier.js';
import { type HealthQueries, healthQueries } from './health.js';
import { type ManifestQueries, manifestQueries } from './manifests.js';
import { type MatchQueries, matchQueries } from './matches.js';
import { type MetaQueries, metaQueries } from './meta.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations.js';
import { type OfflineEvidenceQueries, offlineEvidenceQueries } from './offline-evidence.js';
import { type PostListQueries, postListQueries } from './post-list.js';
import { type PostQueries, postQueries } from './posts.js';
import { type RecordQueries, recordQueries } from './records.js';
import { type RetentionQueries, retentionQueries } from './retention.js';
import { type ReviewQueueQueries, reviewQueueQueries } from './review-queue.js';
import { type ScoreQueries, scoreQueries } from './scores.js';
import { type ScoringViewQueries, scoringViewQueries } from './scoring-view.js';
import { type SourceQueries, sourceQueries } from './sources.js';

export interface StoreOptions {
  /** Create the file (and its folder) if missing; otherwise a missing database is an error. */
  create?: boolean;
  /** Bring the schema up to date; `init` does, other commands refuse a database that is behind. */
  migrate?: boolean;
  /** Accept a database whose schema is behind (for reading what it already holds); default false. */
  allowOutdated?: boolean;
  busyTimeoutMs?: number;
  clock?: () => Date;
}

/** The database behind typed query functions; nothing outside src/store sees SQL rows. */
export interface Store {
  readonly path: string;
  readonly db: Database.Database;
  readonly bodies: BodyQueries;
  readonly sources: SourceQueries;
  readonly blobs: BlobQueries;
  readonly meta: MetaQueries;
  readonly runs: RunQueries;
  readonly fetches: FetchQueries;
  readonly frontier: FrontierQueries;
  readonly posts: PostQueries;
  readonly attachments: AttachmentQueries;
  readonly health: HealthQueries;
  readonly records: RecordQueries;
  readonly offlineEvidence: OfflineEvidenceQueries;
  readonly matches: MatchQueries;
  readonly claims: ClaimQueries;
  readonly accounts: AccountQueries;
  readonly postList: PostListQueries;
  readonly reviewQueue: ReviewQueueQueries;
  readonly scores: ScoreQueries;
  readonly scoringView: ScoringViewQueries;
  readonly retention: RetentionQueries;
  readonly manifests: ManifestQueries;
  readonly evidence: EvidenceCheckQueries;
  /** Runs `fn` in one transaction: all of it is written, or none. */
  transaction<T>(fn: () => T): T;
  /** The schema version (`user_version`). */
  version(): number;
  close(): void;
}

/** Opens (and with `create`, creates) the database with WAL, foreign keys and a busy timeout. */
export function openStore(file: string, options: StoreOptions = {}): Store {
  const {
    create = false,
    migrate = create,
    allowOutdated = false,
    busyTimeoutMs = 5000,
    clock = () => new Date(),
  } = options;
  if (file !== ':memory:' && !existsSync(file)) {
    if (!create)
      throw new StoreError(
        `数据库 ${file} 不存在：请先运行 gongkai init（或用 --db 指定已有的数据库）`,
        file,
      );
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: busyTimeoutMs });
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    checkVersion(file, version, migrate || allowOutdated);
    if (migrate) runMigrations(db, version);
  } catch (error) {
    db?.close();
    throw toStoreError(error, file, busyTimeoutMs);
  }
  return createStore(db, file, clock, busyTimeoutMs);
}

function checkVersion(file: string, version: number, acceptOlder: boolean): void {
  if (version > LATEST_VERSION) {
    throw new StoreError(
      `数据库 ${file} 的结构版本（${version}）比本程序支持的（${LATEST_VERSION}）更新：请升级 gongkai 后再使用`,
      file,
    );
  }
  if (version < LATEST_VERSION && !acceptOlder) {
    throw new StoreError(
      version === 0
        ? `数据库 ${file} 尚未初始化：请先运行 gongkai init`
        : `数据库 ${file} 的结构版本（${version}）较旧：请先运行 gongkai init 升级`,
      file,
    );
  }
}

function runMigrations(db: Database.Database, from: number): void {
  for (const migration of MIGRATIONS) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

/**
 * A query module made on first use: its statements are prepared only when needed, so a database whose schema is
 * behind can still be opened to read what it holds (a newer module's statements would not compile on it).
 */
function lazy<T extends object>(make: () => T): T {
  let real: T | undefined;
  return new Proxy({} as T, {
    get: (_target, key) => {
      real ??= make();
      return Reflect.get(real, key);
    },
  });
}

function createStore(db: Database.Database, file: string, clock: () => Date, busyTimeoutMs: number): Store {
  const now = () => clock().toISOString();
  return {
    path: file,
    db,
    bodies: lazy(() => bodyQueries(db, now)),
    sources: lazy(() => sourceQueries(db, now)),
    blobs: lazy(() => blobQueries(db, now)),
    meta: lazy(() => metaQueries(db, now)),
    runs: lazy(() => runQueries(db, now)),
    fetches: lazy(() => fetchQueries(db)),
    frontier: lazy(() => frontierQueries(db)),
    posts: lazy(() => postQueries(db)),
    attachments: lazy(() => attachmentQueries(db)),
    health: lazy(() => healthQueries(db)),
    records: lazy(() => recordQueries(db, now)),
    offlineEvidence: lazy(() => offlineEvidenceQueries(db, now)),
    matches: lazy(() => matchQueries(db, now)),
    claims: lazy(() => claimQueries(db, now)),
    accounts: lazy(() => accountQueries(db, now)),
    postList: lazy(() => postListQueries(db)),
    reviewQueue: lazy(() => reviewQueueQueries(db)),
    scores: lazy(() => scoreQueries(db, now)),
    scoringView: lazy(() => scoringViewQueries(db)),
    retention: lazy(() => retentionQueries(db)),
    manifests: lazy(() => manifestQueries(db)),
    evidence: lazy(() => evidenceCheckQueries(db)),
    transaction: <T>(fn: () => T): T => {
      try {
        return db.transaction(fn).immediate();
      } catch (error) {
        throw toStoreError(error, file, busyTimeoutMs);
      }
    },
    version: () => db.pragma('user_version', { simple: true }) as number,
    close: () => db.close(),
  };
}

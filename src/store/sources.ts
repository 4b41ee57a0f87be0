import type Database from 'better-sqlite3';
import type { ChannelName } from '../catalog/index.js';
import type { UpsertOutcome } from './bodies.js';

export type SourceKind = 'website' | 'feed' | 'offline';

/** Where a body publishes, and how gongkai may visit it. */
export interface Source {
  id: string;
  bodyId: string;
  kind: SourceKind;
  channel: ChannelName;
  start: string[];
  scope: string[];
  render: 'static' | 'browser';
  /** cron expression in the registry's timezone; null for offline sources. */
  schedule: string | null;
  concurrency: number;
  delayMs: number;
  allowPrivate: boolean;
  selectors: { list?: string; link?: string; next?: string; articlePattern?: string };
  /** Registry keys beyond the contract's, kept as written. */
  extra: Record<string, unknown>;
  active: boolean;
}

export type SourceInput = Omit<Source, 'active'>;

interface SourceRow {
  id: string;
  body_id: string;
  kind: string;
  channel: string;
  config: string;
  active: number;
}

type SourceConfig = Omit<Source, 'id' | 'bodyId' | 'kind' | 'channel' | 'active'>;

function toSource(row: SourceRow): Source {
  const config = JSON.parse(row.config) as SourceConfig;
  return {
    id: row.id,
    bodyId: row.body_id,
    kind: row.kind as SourceKind,
    channel: row.channel as ChannelName,
    ...config,
    active: row.active === 1,
  };
}

function configOf(s: SourceInput): string {
  const config: SourceConfig = {
    start: s.start,
    scope: s.scope,
    render: s.render,
    schedule: s.schedule,
    concurrency: s.concurrency,
    delayMs: s.delayMs,
    allowPrivate: s.allowPrivate,
    selectors: s.selectors,
    extra: s.extra,
  };
  return JSON.stringify(config);
}

export interface SourceQueries {
  get(id: string): Source | undefined;
  list(options?: { includeRetired?: boolean; bodyId?: string }): Source[];
  upsert(source: SourceInput): UpsertOutcome;
  retireExcept(keep: readonly string[]): string[];
}

/** Typed queries on `sources`. */
export function sourceQueries(db: Database.Database, now: () => string): SourceQueries {
  const getStmt = db.prepare<[string], SourceRow>('SELECT * FROM sources WHERE id = ?');
  const listActive = db.prepare<[], SourceRow>('SELECT * FROM sources WHERE active = 1 ORDER BY rowid');
  const listAll = db.prepare<[], SourceRow>('SELECT * FROM sources ORDER BY rowid');
  const insert = db.prepare(
    `INSERT INTO sources (id, body_id, kind, channel, config, active, created_at, updated_at)
     VALUES (@id, @bodyId, @kind, @channel, @config, 1, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE sources SET body_id = @bodyId, kind = @kind, channel = @channel, config = @config, active = 1,
       updated_at = @now WHERE id = @id`,
  );
  const retire = db.prepare('UPDATE sources SET active = 0, updated_at = ? WHERE id = ?');

  return {
    get: (id) => {
      const row = getStmt.get(id);
      return row ? toSource(row) : undefined;
    },
    list: (options = {}) =>
      (options.includeRetired ? listAll : listActive)
        .all()
        .map(toSource)
        .filter((s) => options.bodyId === undefined || s.bodyId === options.bodyId),
    upsert: (source) => {
      const row = getStmt.get(source.id);
      const p = {
        id: source.id,
        bodyId: source.bodyId,
        kind: source.kind,
        channel: source.channel,
        config: configOf(source),
        now: now(),
      };
      if (!row) {
        insert.run(p);
        return 'created';
      }
      const same =
        row.body_id === p.bodyId &&
        row.kind === p.kind &&
        row.channel === p.channel &&
        row.config === p.config &&
        row.active === 1;
      if (same) return 'unchanged';
      update.run(p);
      return 'updated';
    },
    retireExcept: (keep) => {
      const kept = new Set(keep);
      const retired = listActive
        .all()
        .map((r) => r.id)
        .filter((id) => !kept.has(id));
      for (const id of retired) retire.run(now(), id);
      return retired;
    },
  };
}

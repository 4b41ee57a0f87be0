import type Database from 'better-sqlite3';
import type { BodyLevel, BodyRole } from '../catalog/index.js';

/** A publishing body: a department, a township, a village. */
export interface Body {
  id: string;
  name: string;
  level: BodyLevel;
  parentId: string | null;
  role: BodyRole | null;
  aliases: string[];
  /** Registry keys beyond the contract's, kept as written. */
  extra: Record<string, unknown>;
  active: boolean;
}

export type BodyInput = Omit<Body, 'active'>;

/** What an upsert did, for import summaries. */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

interface BodyRow {
  id: string;
  name: string;
  level: string;
  parent_id: string | null;
  role: string | null;
  aliases: string;
  extra: string;
  active: number;
}

function toBody(row: BodyRow): Body {
  return {
    id: row.id,
    name: row.name,
    level: row.level as BodyLevel,
    parentId: row.parent_id,
    role: row.role as BodyRole | null,
    aliases: JSON.parse(row.aliases) as string[],
    extra: JSON.parse(row.extra) as Record<string, unknown>,
    active: row.active === 1,
  };
}

export interface BodyQueries {
  get(id: string): Body | undefined;
  list(options?: { includeRetired?: boolean }): Body[];
  children(id: string): Body[];
  /** Inserts or updates; an unchanged body keeps its timestamps. A retired body comes back active. */
  upsert(body: BodyInput): UpsertOutcome;
  /** Marks active bodies not in `keep` as retired (never deletes: posts and findings keep their body). */
  retireExcept(keep: readonly string[]): string[];
}

/** Typed queries on `bodies`. */
export function bodyQueries(db: Database.Database, now: () => string): BodyQueries {
  const getStmt = db.prepare<[string], BodyRow>('SELECT * FROM bodies WHERE id = ?');
  const listActive = db.prepare<[], BodyRow>('SELECT * FROM bodies WHERE active = 1 ORDER BY rowid');
  const listAll = db.prepare<[], BodyRow>('SELECT * FROM bodies ORDER BY rowid');
  const childrenStmt = db.prepare<[string], BodyRow>(
    'SELECT * FROM bodies WHERE parent_id = ? AND active = 1 ORDER BY rowid',
  );
  const insert = db.prepare(
    `INSERT INTO bodies (id, name, level, parent_id, role, aliases, extra, active, created_at, updated_at)
     VALUES (@id, @name, @level, @parentId, @role, @aliases, @extra, 1, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE bodies SET name = @name, level = @level, parent_id = @parentId, role = @role, aliases = @aliases,
       extra = @extra, active = 1, updated_at = @now WHERE id = @id`,
  );
  const retire = db.prepare('UPDATE bodies SET active = 0, updated_at = ? WHERE id = ?');

  const params = (b: BodyInput) => ({
    id: b.id,
    name: b.name,
    level: b.level,
    parentId: b.parentId,
    role: b.role,
    aliases: JSON.stringify(b.aliases),
    extra: JSON.stringify(b.extra),
    now: now(),
  });

  return {
    get: (id) => {
      const row = getStmt.get(id);
      return row ? toBody(row) : undefined;
    },
    list: (options = {}) => (options.includeRetired ? listAll : listActive).all().map(toBody),
    children: (id) => childrenStmt.all(id).map(toBody),
    upsert: (body) => {
      const row = getStmt.get(body.id);
      const p = params(body);
      if (!row) {
        insert.run(p);
        return 'created';
      }
      const same =
        row.name === p.name &&
        row.level === p.level &&
        row.parent_id === p.parentId &&
        row.role === p.role &&
        row.aliases === p.aliases &&
        row.extra === p.extra &&
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

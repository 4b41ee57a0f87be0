import type Database from 'better-sqlite3';
import type { IsoDate, ItemId } from '../catalog/index.js';
import type { UpsertOutcome } from './bodies.js';

/** Something formed that must be published: a fund allocation, a plan, a batch, as imported. */
export interface StoredRecord {
  id: number;
  /** Identity across imports: item + body + 文号, or item + body + title + year when there is no 文号. */
  key: string;
  item: ItemId;
  /** The catalog row it falls under (item 10 has `a` and `b`). */
  row: string;
  bodyId: string;
  title: string;
  refNo: string | null;
  formed: IsoDate;
  /** In yuan. */
  amount: number | null;
  note: string | null;
  importId: number | null;
  createdAt: string;
  updatedAt: string;
}

export type RecordInput = Pick<
  StoredRecord,
  'key' | 'item' | 'row' | 'bodyId' | 'title' | 'refNo' | 'formed' | 'amount' | 'note'
>;

/** One edit of a record: its values before and after, and the import that made it. */
export interface RecordChange {
  recordId: number;
  changedAt: string;
  importId: number | null;
  before: RecordInput;
  after: RecordInput;
}

export interface RecordQueries {
  get(id: number): StoredRecord | undefined;
  getByKey(key: string): StoredRecord | undefined;
  list(filter?: { bodyId?: string; item?: ItemId }): StoredRecord[];
  /** The records of some bodies, in one query (scoring reads a part of a province at a time). */
  ofBodies(bodyIds: readonly string[]): StoredRecord[];
  /** Records of an item whose 文号 or title is `ref`, optionally of one body. */
  findByRef(item: ItemId, ref: string, bodyId?: string): StoredRecord[];
  /** What `upsert` would do, without writing. */
  compare(input: RecordInput): UpsertOutcome;
  /** Inserts or updates by key; an update keeps the values before and after in the history. */
  upsert(input: RecordInput, importId: number | null): { outcome: UpsertOutcome; id: number };
  history(recordId: number): RecordChange[];
  /** The newest import log row, so rows written in the same transaction can point to it. */
  lastImportId(): number | undefined;
}

interface RecordRow {
  id: number;
  key: string;
  item: string;
  row: string;
  body_id: string;
  title: string;
  ref_no: string | null;
  formed: string;
  amount: number | null;
  note: string | null;
  import_id: number | null;
  created_at: string;
  updated_at: string;
}

function toRecord(r: RecordRow): StoredRecord {
  return {
    id: r.id,
    key: r.key,
    item: r.item as ItemId,
    row: r.row,
    bodyId: r.body_id,
    title: r.title,
    refNo: r.ref_no,
    formed: r.formed,
    amount: r.amount,
    note: r.note,
    importId: r.import_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The comparable values of a record, in a fixed order. */
export function recordInputOf(r: RecordInput): RecordInput {
  const { key, item, row, bodyId, title, refNo, formed, amount, note } = r;
  return { key, item, row, bodyId, title, refNo, formed, amount, note };
}

const sameInput = (a: RecordInput, b: RecordInput) =>
  JSON.stringify(recordInputOf(a)) === JSON.stringify(recordInputOf(b));

/** Typed queries on `records` and `record_history`. */
export function recordQueries(db: Database.Database, now: () => string): RecordQueries {
  const byId = db.prepare<[number], RecordRow>('SELECT * FROM records WHERE id = ?');
  const byKey = db.prepare<[string], RecordRow>('SELECT * FROM records WHERE key = ?');
  const listStmt = db.prepare<[{ bodyId: string | null; item: string | null }], RecordRow>(
    `SELECT * FROM records WHERE (@bodyId IS NULL OR body_id = @bodyId) AND (@item IS NULL OR item = @item)
     ORDER BY formed, id`,
  );
  const ofBodies = db.prepare<[string], RecordRow>(
    'SELECT * FROM records WHERE body_id IN (SELECT value FROM json_each(?)) ORDER BY formed, id',
  );
  const byRef = db.prepare<[{ item: string; ref: string; bodyId: string | null }], RecordRow>(
    `SELECT * FROM records WHERE item = @item AND (ref_no = @ref OR title = @ref)
       AND (@bodyId IS NULL OR body_id = @bodyId) ORDER BY id`,
  );
  const insert = db.prepare(
    `INSERT INTO records (key, item, row, body_id, title, ref_no, formed, amount, note, import_id, created_at, updated_at)
     VALUES (@key, @item, @row, @bodyId, @title, @refNo, @formed, @amount, @note, @importId, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE records SET item = @item, row = @row, body_id = @bodyId, title = @title, ref_no = @refNo,
       formed = @formed, amount = @amount, note = @note, import_id = @importId, updated_at = @now WHERE key = @key`,
  );
  const insertHistory = db.prepare(
    'INSERT INTO record_history (record_id, changed_at, import_id, before, after) VALUES (?, ?, ?, ?, ?)',
  );
  const historyStmt = db.prepare<
    [number],
    { record_id: number; changed_at: string; import_id: number | null; before: string; after: string }
  >('SELECT * FROM record_history WHERE record_id = ? ORDER BY id');
  const lastImport = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM imports');

  const compare = (input: RecordInput): UpsertOutcome => {
    const existing = byKey.get(input.key);
    if (!existing) return 'created';
    return sameInput(toRecord(existing), input) ? 'unchanged' : 'updated';
  };

  return {
    get: (id) => {
      const row = byId.get(id);
      return row ? toRecord(row) : undefined;
    },
    getByKey: (key) => {
      const row = byKey.get(key);
      return row ? toRecord(row) : undefined;
    },
    ofBodies: (bodyIds) => ofBodies.all(JSON.stringify(bodyIds)).map(toRecord),
    list: (filter = {}) =>
      listStmt.all({ bodyId: filter.bodyId ?? null, item: filter.item ?? null }).map(toRecord),
    findByRef: (item, ref, bodyId) =>
      byRef.all({ item, ref: ref.trim(), bodyId: bodyId ?? null }).map(toRecord),
    compare,
    upsert: (input, importId) => {
      const existing = byKey.get(input.key);
      const params = { ...recordInputOf(input), importId, now: now() };
      if (!existing) {
        const id = Number(insert.run(params).lastInsertRowid);
        return { outcome: 'created', id };
      }
      const before = recordInputOf(toRecord(existing));
      if (sameInput(before, input)) return { outcome: 'unchanged', id: existing.id };
      update.run(params);
      const after = JSON.stringify(recordInputOf(input));
      insertHistory.run(existing.id, params.now, importId, JSON.stringify(before), after);
      return { outcome: 'updated', id: existing.id };
    },
    history: (recordId) =>
      historyStmt.all(recordId).map((h) => ({
        recordId: h.record_id,
        changedAt: h.changed_at,
        importId: h.import_id,
        before: JSON.parse(h.before) as RecordInput,
        after: JSON.parse(h.after) as RecordInput,
      })),
    lastImportId: () => lastImport.get()?.id ?? undefined,
  };
}

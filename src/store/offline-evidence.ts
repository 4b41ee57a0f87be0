import type Database from 'better-sqlite3';
import type { ChannelName, IsoDate, ItemId } from '../catalog/index.js';
import type { UpsertOutcome } from './bodies.js';

/** A posting on a notice board or at a service centre, entered by a person. */
export interface OfflineEvidence {
  id: number;
  bodyId: string;
  item: ItemId;
  recordId: number | null;
  channel: ChannelName;
  title: string | null;
  postedFrom: IsoDate;
  postedTo: IsoDate | null;
  /** The notice period the posting states, in days. */
  statedDays: number | null;
  photoSha256: string | null;
  enteredBy: string;
  enteredAt: string;
  note: string | null;
}

export type EvidenceInput = Omit<OfflineEvidence, 'id' | 'enteredAt'>;

export interface OfflineEvidenceQueries {
  get(id: number): OfflineEvidence | undefined;
  list(filter?: { bodyId?: string; item?: ItemId }): OfflineEvidence[];
  /**
   * Adds a posting, or updates the one with the same body, item, channel, first day, title and record
   * (so entering or importing it again does not count it twice).
   */
  upsert(input: EvidenceInput): { outcome: UpsertOutcome; id: number };
}

interface EvidenceRow {
  id: number;
  body_id: string;
  item: string;
  record_id: number | null;
  channel: string;
  title: string | null;
  posted_from: string;
  posted_to: string | null;
  stated_days: number | null;
  photo_sha256: string | null;
  entered_by: string;
  entered_at: string;
  note: string | null;
}

function toEvidence(r: EvidenceRow): OfflineEvidence {
  return {
    id: r.id,
    bodyId: r.body_id,
    item: r.item as ItemId,
    recordId: r.record_id,
    channel: r.channel as ChannelName,
    title: r.title,
    postedFrom: r.posted_from,
    postedTo: r.posted_to,
    statedDays: r.stated_days,
    photoSha256: r.photo_sha256,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at,
    note: r.note,
  };
}

const changeable = (e: EvidenceInput) =>
  JSON.stringify([e.postedTo, e.statedDays, e.photoSha256, e.enteredBy, e.note]);

/** Typed queries on `offline_evidence`. */
export function offlineEvidenceQueries(db: Database.Database, now: () => string): OfflineEvidenceQueries {
  const byId = db.prepare<[number], EvidenceRow>('SELECT * FROM offline_evidence WHERE id = ?');
  const listStmt = db.prepare<[{ bodyId: string | null; item: string | null }], EvidenceRow>(
    `SELECT * FROM offline_evidence WHERE (@bodyId IS NULL OR body_id = @bodyId) AND (@item IS NULL OR item = @item)
     ORDER BY posted_from, id`,
  );
  const sameStmt = db.prepare<Record<string, unknown>, EvidenceRow>(
    `SELECT * FROM offline_evidence WHERE body_id = @bodyId AND item = @item AND channel = @channel
       AND posted_from = @postedFrom AND title IS @title AND record_id IS @recordId ORDER BY id LIMIT 1`,
  );
  const insert = db.prepare(
    `INSERT INTO offline_evidence (body_id, item, record_id, channel, title, posted_from, posted_to, stated_days,
       photo_sha256, entered_by, entered_at, note)
     VALUES (@bodyId, @item, @recordId, @channel, @title, @postedFrom, @postedTo, @statedDays, @photoSha256,
       @enteredBy, @now, @note)`,
  );
  const update = db.prepare(
    `UPDATE offline_evidence SET posted_to = @postedTo, stated_days = @statedDays, photo_sha256 = @photoSha256,
       entered_by = @enteredBy, entered_at = @now, note = @note WHERE id = @id`,
  );

  return {
    get: (id) => {
      const row = byId.get(id);
      return row ? toEvidence(row) : undefined;
    },
    list: (filter = {}) =>
      listStmt.all({ bodyId: filter.bodyId ?? null, item: filter.item ?? null }).map(toEvidence),
    upsert: (input) => {
      const params = { ...input, now: now() };
      const existing = sameStmt.get(params);
      if (!existing) return { outcome: 'created', id: Number(insert.run(params).lastInsertRowid) };
      if (changeable(toEvidence(existing)) === changeable(input))
        return { outcome: 'unchanged', id: existing.id };
      update.run({ ...params, id: existing.id });
      return { outcome: 'updated', id: existing.id };
    },
  };
}

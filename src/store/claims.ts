import type Database from 'better-sqlite3';
import type { IsoDate } from '../catalog/index.js';

export type ClaimStatus = 'pending' | 'confirmed' | 'rejected';

/** A body's "we did publish it, here is the link" for one obligation, and an evaluator's decision on it. */
export interface Claim {
  id: number;
  bodyId: string;
  /** The obligation the claim answers (`rec:…` or `std:…`, as `gongkai score --json` shows it). */
  obligationKey: string;
  url: string;
  /** The post gongkai stored when it fetched the link, once it has. */
  postId: number | null;
  /** The day the body says it published. */
  publishedOn: IsoDate | null;
  by: string;
  at: string;
  status: ClaimStatus;
  reviewedBy: string | null;
  reviewedAt: string | null;
  note: string | null;
}

export type ClaimInput = Pick<Claim, 'bodyId' | 'obligationKey' | 'url' | 'publishedOn' | 'by' | 'note'>;

export interface ClaimQueries {
  get(id: number): Claim | undefined;
  list(filter?: { bodyId?: string; status?: ClaimStatus }): Claim[];
  /** Files a claim as pending; filing the same link for the same obligation again returns the first one. */
  add(input: ClaimInput): { id: number; created: boolean };
  /** Records the post stored from the claim's link. */
  attachPost(id: number, postId: number): void;
  /** An evaluator's decision, with who and when; a later decision replaces an earlier one. */
  decide(id: number, decision: { status: 'confirmed' | 'rejected'; by: string; note?: string | null }): Claim;
}

interface ClaimRow {
  id: number;
  body_id: string;
  obligation_key: string;
  url: string;
  post_id: number | null;
  published_on: string | null;
  by: string;
  at: string;
  status: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  note: string | null;
}

const toClaim = (r: ClaimRow): Claim => ({
  id: r.id,
  bodyId: r.body_id,
  obligationKey: r.obligation_key,
  url: r.url,
  postId: r.post_id,
  publishedOn: r.published_on,
  by: r.by,
  at: r.at,
  status: r.status as ClaimStatus,
  reviewedBy: r.reviewed_by,
  reviewedAt: r.reviewed_at,
  note: r.note,
});

/** Typed queries on `claims`. */
export function claimQueries(db: Database.Database, now: () => string): ClaimQueries {
  const byId = db.prepare<[number], ClaimRow>('SELECT * FROM claims WHERE id = ?');
  const listStmt = db.prepare<[{ bodyId: string | null; status: string | null }], ClaimRow>(
    `SELECT * FROM claims WHERE (@bodyId IS NULL OR body_id = @bodyId) AND (@status IS NULL OR status = @status)
     ORDER BY id`,
  );
  const same = db.prepare<[string, string, string], ClaimRow>(
    'SELECT * FROM claims WHERE body_id = ? AND obligation_key = ? AND url = ? ORDER BY id LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO claims (body_id, obligation_key, url, published_on, by, at, status, note)
     VALUES (@bodyId, @obligationKey, @url, @publishedOn, @by, @at, 'pending', @note)`,
  );
  const setPost = db.prepare('UPDATE claims SET post_id = ? WHERE id = ?');
  const setDecision = db.prepare(
    `UPDATE claims SET status = @status, reviewed_by = @by, reviewed_at = @at, note = COALESCE(@note, note)
     WHERE id = @id`,
  );
  const get = (id: number) => {
    const row = byId.get(id);
    return row ? toClaim(row) : undefined;
  };
  return {
    get,
    list: (filter = {}) =>
      listStmt.all({ bodyId: filter.bodyId ?? null, status: filter.status ?? null }).map(toClaim),
    add: (input) => {
      const existing = same.get(input.bodyId, input.obligationKey, input.url);
      if (existing) return { id: existing.id, created: false };
      return { id: Number(insert.run({ ...input, at: now() }).lastInsertRowid), created: true };
    },
    attachPost: (id, postId) => {
      setPost.run(postId, id);
    },
    decide: (id, decision) => {
      setDecision.run({
        id,
        status: decision.status,
        by: decision.by,
        at: now(),
        note: decision.note ?? null,
      });
      const claim = get(id);
      if (!claim) throw new Error(`no claim ${id}`);
      return claim;
    },
  };
}

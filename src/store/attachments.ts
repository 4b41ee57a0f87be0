import type Database from 'better-sqlite3';

export type AttachmentStatus = 'text' | 'unsupported' | 'failed' | 'fetch_failed';

/** A file a post version links to, with the text read from it. */
export interface AttachmentRecord {
  id: number;
  versionId: number;
  url: string;
  name: string | null;
  fetchId: number | null;
  sha256: string | null;
  format: string | null;
  status: AttachmentStatus;
  reason: string | null;
  text: string | null;
}

interface AttachmentRow {
  id: number;
  version_id: number;
  url: string;
  name: string | null;
  fetch_id: number | null;
  sha256: string | null;
  format: string | null;
  status: string;
  reason: string | null;
  text: string | null;
}

const toAttachment = (r: AttachmentRow): AttachmentRecord => ({
  id: r.id,
  versionId: r.version_id,
  url: r.url,
  name: r.name,
  fetchId: r.fetch_id,
  sha256: r.sha256,
  format: r.format,
  status: r.status as AttachmentStatus,
  reason: r.reason,
  text: r.text,
});

export interface AttachmentQueries {
  record(a: Omit<AttachmentRecord, 'id'>): void;
  forVersion(versionId: number): AttachmentRecord[];
  /** A text already read from the same bytes, so a file is never read twice. */
  bySha(sha256: string): AttachmentRecord | undefined;
}

/** Typed queries on `attachments`. */
export function attachmentQueries(db: Database.Database): AttachmentQueries {
  const insert = db.prepare(
    `INSERT INTO attachments (version_id, url, name, fetch_id, sha256, format, status, reason, text)
     VALUES (@versionId, @url, @name, @fetchId, @sha256, @format, @status, @reason, @text)
     ON CONFLICT (version_id, url) DO UPDATE SET fetch_id = excluded.fetch_id, sha256 = excluded.sha256,
       format = excluded.format, status = excluded.status, reason = excluded.reason, text = excluded.text`,
  );
  const forVersion = db.prepare<[number], AttachmentRow>(
    'SELECT * FROM attachments WHERE version_id = ? ORDER BY id',
  );
  const bySha = db.prepare<[string], AttachmentRow>(
    "SELECT * FROM attachments WHERE sha256 = ? AND status IN ('text', 'unsupported') ORDER BY id LIMIT 1",
  );
  return {
    record: (a) => {
      insert.run(a);
    },
    forVersion: (versionId) => forVersion.all(versionId).map(toAttachment),
    bySha: (sha256) => {
      const row = bySha.get(sha256);
      return row ? toAttachment(row) : undefined;
    },
  };
}

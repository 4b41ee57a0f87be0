import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import type Database from 'better-sqlite3';

// Quality 5 keeps compression at a few ms per page while shrinking HTML about 5x.
const BROTLI_QUALITY = 5;

/** A stored blob's identity. */
export interface BlobRef {
  sha256: string;
  size: number;
  /** Bytes actually stored (after compression). */
  storedSize: number;
  /** True when these bytes were not stored before. */
  added: boolean;
}

export interface BlobQueries {
  /** Stores bytes once by their sha256; storing the same bytes again costs nothing. */
  put(bytes: Uint8Array): BlobRef;
  get(sha256: string): Buffer | undefined;
  has(sha256: string): boolean;
  stats(): { count: number; size: number; storedSize: number };
}

/** The sha256 of some bytes, as lower-case hex. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

interface BlobRow {
  sha256: string;
  size: number;
  encoding: 'identity' | 'br';
  data: Buffer;
}

/** Content-addressed, compressed storage for raw evidence (pages, feeds, attachments, screenshots). */
export function blobQueries(db: Database.Database, now: () => string): BlobQueries {
  const getStmt = db.prepare<[string], BlobRow>(
    'SELECT sha256, size, encoding, data FROM blobs WHERE sha256 = ?',
  );
  const sizeStmt = db.prepare<[string], { size: number; stored: number }>(
    'SELECT size, length(data) AS stored FROM blobs WHERE sha256 = ?',
  );
  const insert = db.prepare(
    'INSERT INTO blobs (sha256, size, encoding, data, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const statsStmt = db.prepare<[], { count: number; size: number | null; stored: number | null }>(
    'SELECT count(*) AS count, sum(size) AS size, sum(length(data)) AS stored FROM blobs',
  );

  return {
    put: (bytes) => {
      const sha256 = sha256Hex(bytes);
      const existing = sizeStmt.get(sha256);
      if (existing) return { sha256, size: existing.size, storedSize: existing.stored, added: false };
      const compressed = brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      });
      const [encoding, data] =
        compressed.length < bytes.length
          ? (['br', compressed] as const)
          : (['identity', Buffer.from(bytes)] as const);
      insert.run(sha256, bytes.length, encoding, data, now());
      return { sha256, size: bytes.length, storedSize: data.length, added: true };
    },
    get: (sha256) => {
      const row = getStmt.get(sha256);
      if (!row) return undefined;
      return row.encoding === 'br' ? brotliDecompressSync(row.data) : row.data;
    },
    has: (sha256) => sizeStmt.get(sha256) !== undefined,
    stats: () => {
      const row = statsStmt.get() ?? { count: 0, size: 0, stored: 0 };
      return { count: row.count, size: row.size ?? 0, storedSize: row.stored ?? 0 };
    },
  };
}

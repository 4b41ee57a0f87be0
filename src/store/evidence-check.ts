import { brotliDecompressSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { sha256Hex } from './blobs.js';
import type { ChainCheck, ManifestProblem, ManifestQueries } from './manifests.js';

/** Something in the stored evidence that does not hold: a blob, a fetch's reference, or a sealed day. */
export type EvidenceProblem =
  | { kind: 'blob_altered'; sha256: string; actual: string }
  | { kind: 'blob_size'; sha256: string; size: number; actual: number }
  | { kind: 'blob_unreadable'; sha256: string; reason: string }
  | { kind: 'blob_missing'; fetchId: number; sha256: string; column: 'body' | 'screenshot' }
  | ManifestProblem;

/** What `verifyEvidence` checked and found; `problems` is empty when everything is as it was stored and sealed. */
export interface EvidenceReport {
  blobs: number;
  fetches: number;
  days: number;
  sealedFetches: number;
  head: string | null;
  retired: ChainCheck['retired'];
  problems: EvidenceProblem[];
}

export interface EvidenceCheckQueries {
  /** Recomputes every blob's sha256 (and size) from its stored bytes. */
  checkBlobs(): { blobs: number; problems: EvidenceProblem[] };
  /** Finds the fetches whose body or screenshot has no blob. */
  checkReferences(): { fetches: number; problems: EvidenceProblem[] };
}

interface BlobRow {
  sha256: string;
  size: number;
  encoding: 'identity' | 'br';
  data: Buffer;
}

function checkBlob(row: BlobRow): EvidenceProblem | undefined {
  let bytes: Buffer;
  try {
    bytes = row.encoding === 'br' ? brotliDecompressSync(row.data) : row.data;
  } catch (error) {
    return { kind: 'blob_unreadable', sha256: row.sha256, reason: (error as Error).message };
  }
  const actual = sha256Hex(bytes);
  if (actual !== row.sha256) return { kind: 'blob_altered', sha256: row.sha256, actual };
  if (bytes.length !== row.size)
    return { kind: 'blob_size', sha256: row.sha256, size: row.size, actual: bytes.length };
  return undefined;
}

/** Integrity checks over the blobs and the fetches that point at them. */
export function evidenceCheckQueries(db: Database.Database): EvidenceCheckQueries {
  const blobs = db.prepare<[], BlobRow>('SELECT sha256, size, encoding, data FROM blobs ORDER BY sha256');
  const countFetches = db.prepare<[], number>('SELECT count(*) FROM fetches').pluck();
  const dangling = db.prepare<[], { id: number; sha256: string; column: 'body' | 'screenshot' }>(
    `SELECT f.id, f.body_sha256 AS sha256, 'body' AS "column" FROM fetches f
       WHERE f.body_sha256 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM blobs b WHERE b.sha256 = f.body_sha256)
     UNION ALL
     SELECT f.id, f.screenshot_sha256, 'screenshot' FROM fetches f
       WHERE f.screenshot_sha256 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM blobs b WHERE b.sha256 = f.screenshot_sha256)
     ORDER BY 1`,
  );
  return {
    checkBlobs: () => {
      let count = 0;
      const problems: EvidenceProblem[] = [];
      for (const row of blobs.iterate()) {
        count += 1;
        const problem = checkBlob(row);
        if (problem) problems.push(problem);
      }
      return { blobs: count, problems };
    },
    checkReferences: () => ({
      fetches: countFetches.get() ?? 0,
      problems: dangling
        .all()
        .map((r) => ({ kind: 'blob_missing' as const, fetchId: r.id, sha256: r.sha256, column: r.column })),
    }),
  };
}

/** Every check an auditor needs: blobs against their hashes, fetches against their blobs, days against the chain. */
export function verifyEvidence(store: {
  evidence: EvidenceCheckQueries;
  manifests: ManifestQueries;
}): EvidenceReport {
  const blobs = store.evidence.checkBlobs();
  const references = store.evidence.checkReferences();
  const chain = store.manifests.check();
  return {
    blobs: blobs.blobs,
    fetches: references.fetches,
    days: chain.days,
    sealedFetches: chain.fetches,
    head: chain.head,
    retired: chain.retired,
    problems: [...blobs.problems, ...references.problems, ...chain.problems],
  };
}

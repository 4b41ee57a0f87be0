import { createHash, type Hash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** The previous hash of the first day ever sealed. */
export const GENESIS_SHA256 = '0'.repeat(64);

const CHINA_OFFSET_MS = 8 * 3_600_000;
// A fetch is written a moment after its `at`: a day is sealed only once it has been over for this long.
const SETTLE_MS = 3_600_000;

/** One sealed China-time day of the fetch ledger, chained to the day sealed before it. */
export interface Manifest {
  day: string;
  fetchCount: number;
  fetchesSha256: string;
  /** The rows retention never deletes: failures and rows a post version or an attachment was read from. */
  evidenceCount: number;
  evidenceSha256: string;
  prevSha256: string;
  sha256: string;
  sealedAt: string;
}

/** Something about a sealed day that its manifest no longer vouches for. */
export type ManifestProblem =
  | { kind: 'chain_broken'; day: string; expectedPrev: string; prev: string }
  | { kind: 'manifest_altered'; day: string }
  | { kind: 'evidence_altered'; day: string; sealed: number; count: number }
  | { kind: 'fetches_altered'; day: string; sealed: number; count: number }
  | { kind: 'fetches_added'; day: string; sealed: number; count: number }
  | { kind: 'fetches_missing'; day: string; sealed: number; count: number }
  | { kind: 'unsealed_day'; day: string; count: number };

/** What a check of every manifest against the ledger found. */
export interface ChainCheck {
  days: number;
  fetches: number;
  /** The last manifest's hash: an auditor who wrote it down can tell the chain was not rebuilt since. */
  head: string | null;
  /** Sealed days retention has since thinned (unchanged-page rows counted into `fetch_aggregates`). */
  retired: { day: string; sealed: number; count: number }[];
  problems: ManifestProblem[];
}

export interface ManifestQueries {
  /** Seals every day before today (China time) not sealed yet, in order, in one transaction; returns the new ones. */
  seal(now: Date): Manifest[];
  list(): Manifest[];
  /** Recomputes every sealed day from the ledger and the chain from its start. */
  check(): ChainCheck;
}

/** The China-time day (YYYY-MM-DD) of an ISO time. */
export function chinaDay(at: string): string {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at.slice(0, 10) : new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** A manifest's own hash: over the previous hash, the day, and the day's counts and digests. */
export function manifestSha256(m: Omit<Manifest, 'sha256' | 'sealedAt'>): string {
  const fields = [m.prevSha256, m.day, m.fetchCount, m.fetchesSha256, m.evidenceCount, m.evidenceSha256];
  return createHash('sha256').update(fields.join('\n')).digest('hex');
}

// The columns that say what was asked, when, and what came back; the last value says whether retention keeps the row.
type LedgerRow = [number, string, string, string | null, string, string, number | null, string, ...unknown[]];
const LEDGER = `
  SELECT f.id, f.source_id, f.url, f.final_url, f.purpose, f.at, f.status, f.outcome, f.body_sha256, f.size,
    f.screenshot_sha256,
    (f.outcome NOT IN ('fetched', 'not_modified')
      OR EXISTS (SELECT 1 FROM post_versions v WHERE v.fetch_id = f.id)
      OR EXISTS (SELECT 1 FROM attachments a WHERE a.fetch_id = f.id)) AS evidence
  FROM fetches f WHERE f.at >= ? ORDER BY f.id`;

interface DayDigest {
  count: number;
  all: Hash;
  evidenceCount: number;
  evidence: Hash;
}

function addRow(digests: Map<string, DayDigest>, day: string, row: LedgerRow): void {
  let digest = digests.get(day);
  if (!digest) {
    digest = { count: 0, all: createHash('sha256'), evidenceCount: 0, evidence: createHash('sha256') };
    digests.set(day, digest);
  }
  const line = `${JSON.stringify(row.slice(0, 11))}\n`;
  digest.count += 1;
  digest.all.update(line);
  if (row[11] === 1) {
    digest.evidenceCount += 1;
    digest.evidence.update(line);
  }
}

const EMPTY_SHA256 = createHash('sha256').digest('hex');

function finish(digest: DayDigest | undefined) {
  return digest
    ? {
        fetchCount: digest.count,
        fetchesSha256: digest.all.digest('hex'),
        evidenceCount: digest.evidenceCount,
        evidenceSha256: digest.evidence.digest('hex'),
      }
    : { fetchCount: 0, fetchesSha256: EMPTY_SHA256, evidenceCount: 0, evidenceSha256: EMPTY_SHA256 };
}

interface ManifestRow {
  day: string;
  fetch_count: number;
  fetches_sha256: string;
  evidence_count: number;
  evidence_sha256: string;
  prev_sha256: string;
  sha256: string;
  sealed_at: string;
}

const toManifest = (r: ManifestRow): Manifest => ({
  day: r.day,
  fetchCount: r.fetch_count,
  fetchesSha256: r.fetches_sha256,
  evidenceCount: r.evidence_count,
  evidenceSha256: r.evidence_sha256,
  prevSha256: r.prev_sha256,
  sha256: r.sha256,
  sealedAt: r.sealed_at,
});

/**
 * The daily manifests of the fetch ledger. Retention later deletes unchanged-page rows, so a manifest carries two
 * digests: one over all the day's rows, which holds until retention thins the day, and one over the rows retention
 * never deletes (the evidence), which must hold for ever. A sealed day with fewer rows than sealed is accepted only
 * where retention has counted rows of its month, and then only its evidence digest vouches for it.
 */
export function manifestQueries(db: Database.Database): ManifestQueries {
  const ledger = db.prepare<[string]>(LEDGER).raw(true);
  const all = db.prepare<[], ManifestRow>('SELECT * FROM manifests ORDER BY day');
  const last = db.prepare<[], ManifestRow>('SELECT * FROM manifests ORDER BY day DESC LIMIT 1');
  const insert = db.prepare(
    `INSERT INTO manifests (day, fetch_count, fetches_sha256, evidence_count, evidence_sha256, prev_sha256, sha256, sealed_at)
     VALUES (@day, @fetchCount, @fetchesSha256, @evidenceCount, @evidenceSha256, @prevSha256, @sha256, @sealedAt)`,
  );
  const retainedMonths = db.prepare<[], string>('SELECT DISTINCT month FROM fetch_aggregates').pluck();

  const digestDays = (from: string, keep: (day: string) => boolean) => {
    const digests = new Map<string, DayDigest>();
    for (const row of ledger.iterate(from) as IterableIterator<LedgerRow>) {
      const day = chinaDay(row[5]);
      if (keep(day)) addRow(digests, day, row);
    }
    return digests;
  };

  const seal = db.transaction((now: Date): Manifest[] => {
    const previous = last.get();
    const until = chinaDay(new Date(now.getTime() - SETTLE_MS).toISOString());
    const from = previous ? new Date(Date.parse(`${previous.day}T00:00:00+08:00`)).toISOString() : '';
    const digests = digestDays(from, (day) => day < until && (!previous || day > previous.day));
    let prevSha256 = previous?.sha256 ?? GENESIS_SHA256;
    const sealed: Manifest[] = [];
    for (const day of [...digests.keys()].sort()) {
      const unsigned = { day, ...finish(digests.get(day)), prevSha256 };
      const manifest = { ...unsigned, sha256: manifestSha256(unsigned), sealedAt: now.toISOString() };
      insert.run(manifest);
      sealed.push(manifest);
      prevSha256 = manifest.sha256;
    }
    return sealed;
  });

  const check = (): ChainCheck => {
    const manifests = all.all().map(toManifest);
    const lastDay = manifests.at(-1)?.day;
    const digests = digestDays('', (day) => lastDay !== undefined && day <= lastDay);
    const months = new Set(retainedMonths.all());
    const problems: ManifestProblem[] = [];
    const retired: ChainCheck['retired'] = [];
    let expectedPrev = GENESIS_SHA256;
    let fetches = 0;
    for (const m of manifests) {
      if (m.prevSha256 !== expectedPrev)
        problems.push({ kind: 'chain_broken', day: m.day, expectedPrev, prev: m.prevSha256 });
      if (manifestSha256(m) !== m.sha256) problems.push({ kind: 'manifest_altered', day: m.day });
      expectedPrev = m.sha256;
      const now = finish(digests.get(m.day));
      digests.delete(m.day);
      fetches += now.fetchCount;
      const counts = { day: m.day, sealed: m.fetchCount, count: now.fetchCount };
      if (now.evidenceCount !== m.evidenceCount || now.evidenceSha256 !== m.evidenceSha256)
        problems.push({ kind: 'evidence_altered', ...counts });
      else if (now.fetchCount > m.fetchCount) problems.push({ kind: 'fetches_added', ...counts });
      else if (now.fetchCount < m.fetchCount)
        if (months.has(m.day.slice(0, 7))) retired.push(counts);
        else problems.push({ kind: 'fetches_missing', ...counts });
      else if (now.fetchesSha256 !== m.fetchesSha256) problems.push({ kind: 'fetches_altered', ...counts });
    }
    // Days left are before the last sealed one yet have no manifest: rows written back in time, or a manifest deleted.
    for (const [day, digest] of [...digests].sort(([a], [b]) => a.localeCompare(b)))
      problems.push({ kind: 'unsealed_day', day, count: digest.count });
    return { days: manifests.length, fetches, head: manifests.at(-1)?.sha256 ?? null, retired, problems };
  };

  return {
    seal: (now) => seal.immediate(now),
    list: () => all.all().map(toManifest),
    check,
  };
}

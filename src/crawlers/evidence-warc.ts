import type { WARCRecord } from 'warcio';
import type { FetchRecord, Post, Store } from '../store/index.js';

const SERIALIZE = { gzip: true, digest: { algo: 'sha-256' as const, prefix: 'sha256:', base32: false } };
const REASON_PHRASE: Record<number, string> = {
  200: 'OK',
  304: 'Not Modified',
  404: 'Not Found',
  410: 'Gone',
};

function statusline(status: number): string {
  return `HTTP/1.1 ${status} ${REASON_PHRASE[status] ?? ''}`.trimEnd();
}

function httpHeaders(fetch: FetchRecord): Record<string, string> {
  const headers: Record<string, string> = {};
  if (fetch.contentType) headers['Content-Type'] = fetch.contentType;
  if (fetch.etag) headers.ETag = fetch.etag;
  if (fetch.lastModified) headers['Last-Modified'] = fetch.lastModified;
  return headers;
}

function gongkaiHeaders(fetch: FetchRecord): Record<string, string> {
  return {
    'WARC-Gongkai-Fetch-Id': String(fetch.id),
    'WARC-Gongkai-Purpose': fetch.purpose,
    'WARC-Gongkai-Outcome': fetch.outcome,
    ...(fetch.bodySha256 ? { 'WARC-Gongkai-Body-SHA256': fetch.bodySha256 } : {}),
    ...(fetch.rendered ? { 'WARC-Gongkai-Rendered': 'chromium' } : {}),
  };
}

type Warcio = typeof import('warcio');

// One fetch as WARC: the response with its bytes, a revisit for a 304, metadata for a failure.
function recordsOf(
  { WARCRecord }: Warcio,
  store: Store,
  fetch: FetchRecord,
  lastResponseAt: Map<string, string>,
): WARCRecord[] {
  const url = fetch.finalUrl ?? fetch.url;
  const base = { url, date: fetch.at, warcVersion: 'WARC/1.1' as const };
  const body =
    fetch.outcome === 'fetched' && fetch.bodySha256 ? store.blobs.get(fetch.bodySha256) : undefined;
  const records: WARCRecord[] = [];
  if (body && fetch.status !== null) {
    lastResponseAt.set(url, fetch.at);
    records.push(
      WARCRecord.create(
        {
          ...base,
          type: 'response',
          statusline: statusline(fetch.status),
          httpHeaders: httpHeaders(fetch),
          warcHeaders: gongkaiHeaders(fetch),
        },
        [new Uint8Array(body)],
      ),
    );
  } else if (fetch.outcome === 'not_modified') {
    const refersToDate = lastResponseAt.get(url);
    records.push(
      WARCRecord.create(
        {
          ...base,
          type: 'revisit',
          statusline: statusline(304),
          httpHeaders: httpHeaders(fetch),
          warcHeaders: {
            ...gongkaiHeaders(fetch),
            'WARC-Profile': 'http://netpreserve.org/warc/1.1/revisit/server-not-modified',
          },
          refersToUrl: url,
          ...(refersToDate ? { refersToDate } : {}),
        },
        [],
      ),
    );
  } else {
    const info = JSON.stringify({
      url: fetch.url,
      at: fetch.at,
      status: fetch.status,
      outcome: fetch.outcome,
      reason: fetch.reason,
    });
    records.push(
      WARCRecord.create(
        {
          ...base,
          type: 'metadata',
          warcHeaders: { ...gongkaiHeaders(fetch), 'Content-Type': 'application/json' },
        },
        [new TextEncoder().encode(info)],
      ),
    );
  }
  const shot = fetch.screenshotSha256 ? store.blobs.get(fetch.screenshotSha256) : undefined;
  if (shot) {
    records.push(
      WARCRecord.create(
        {
          url: `urn:gongkai:screenshot:${url}`,
          date: fetch.at,
          type: 'resource',
          warcVersion: 'WARC/1.1',
          warcHeaders: { 'Content-Type': 'image/png', 'WARC-Concurrent-To-Url': url },
        },
        [new Uint8Array(shot)],
      ),
    );
  }
  return records;
}

/** The fetches that are a post's evidence: its page (every observation) and its attachments. */
export function evidenceFetches(store: Store, post: Post): FetchRecord[] {
  const attachmentUrls = new Set(
    store.posts.versions(post.id).flatMap((v) => store.attachments.forVersion(v.id).map((a) => a.url)),
  );
  const fetches = [post.url, ...attachmentUrls].flatMap((url) => store.fetches.forUrl(url));
  return fetches.filter((f) => f.sourceId === post.sourceId).sort((a, b) => a.id - b.id);
}

/**
 * A post's evidence as a gzipped WARC 1.1 file: a warcinfo record, then every fetch of the post and its
 * attachments in order, with SHA-256 payload digests.
 */
export async function exportPostWarc(store: Store, post: Post, exportedAt: Date): Promise<Uint8Array> {
  // Loaded here, not with the crawler: only an export needs it.
  const warcio = await import('warcio');
  const info = warcio.WARCRecord.createWARCInfo(
    { filename: `gongkai-post-${post.id}.warc.gz`, warcVersion: 'WARC/1.1', date: exportedAt.toISOString() },
    {
      software: 'gongkai',
      format: 'WARC File Format 1.1',
      'gongkai-post-id': String(post.id),
      'gongkai-post-url': post.url,
      'gongkai-source': post.sourceId,
      'gongkai-first-seen': post.firstSeen,
      ...(post.removedAt ? { 'gongkai-removed-at': post.removedAt } : {}),
    },
  );
  const lastResponseAt = new Map<string, string>();
  const records = [
    info,
    ...evidenceFetches(store, post).flatMap((f) => recordsOf(warcio, store, f, lastResponseAt)),
  ];
  const parts: Uint8Array[] = [];
  for (const record of records) parts.push(await warcio.WARCSerializer.serialize(record, SERIALIZE));
  return new Uint8Array(Buffer.concat(parts));
}

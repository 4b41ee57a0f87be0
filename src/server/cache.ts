import { gzipSync } from 'node:zlib';

/**
 * A small least-recently-used cache. A score run never changes once written, so what is rendered from it can be
 * kept under the run's id and served again until a newer run appears.
 */
export function createCache<V>(capacity: number) {
  const entries = new Map<string, V>();
  return {
    get(key: string, make: () => V): V {
      const hit = entries.get(key);
      if (hit !== undefined) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const value = make();
      entries.set(key, value);
      if (entries.size > capacity) entries.delete(entries.keys().next().value as string);
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}

/** The part of a cache key that says what a viewer may see. */
export const scopeKey = (scope: { all: boolean; bodyIds: ReadonlySet<string> }): string =>
  scope.all ? 'all' : [...scope.bodyIds].sort().join(',');

/** A response body kept as bytes, with its gzip form, so that serving it again encodes nothing. */
export interface EncodedBody {
  bytes: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
}

/** Node's Buffers are made on plain ArrayBuffers (never shared ones), as web bodies want. */
export const bytesOf = (buffer: Buffer): Uint8Array<ArrayBuffer> => buffer as Uint8Array<ArrayBuffer>;

export function encodeBody(text: string): EncodedBody {
  const bytes = Buffer.from(text, 'utf8');
  return { bytes: bytesOf(bytes), gzip: bytesOf(gzipSync(bytes, { level: 6 })) };
}

/** Whether the request accepts gzip (an `Accept-Encoding` naming it without q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { IsoDate } from '../catalog/index.js';

/**
 * Rewrites an Office file (a zip) with every entry stamped with one fixed date, and the document's own
 * created/modified dates set to it, so that the same content always gives the same bytes.
 */
export function normalizeZipBytes(bytes: Uint8Array, date: IsoDate): Uint8Array {
  const mtime = new Date(`${date}T09:00:00Z`);
  const files = unzipSync(bytes);
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const name of Object.keys(files).sort()) {
    let data = files[name] as Uint8Array;
    if (name === 'docProps/core.xml') {
      data = strToU8(
        strFromU8(data).replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, `${date}T09:00:00Z`),
      );
    }
    entries[name] = [data, { mtime }];
  }
  return zipSync(entries, { level: 6 });
}

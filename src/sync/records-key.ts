import type { IsoDate } from '../catalog/index.js';

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** A 文号 as compared: no spaces, and the year in 〔〕 however it was bracketed (示财[2020]21号). */
export function normalizeRefNo(refNo: string): string {
  return squeeze(refNo).replace(/[[［【(（〔]\s*(\d{4})\s*[\]］】)）〕]/g, '〔$1〕');
}

/**
 * A record's identity across imports: item + body + 文号 when it has one, else item + body + title +
 * year formed (a title without 文号 repeats from year to year).
 */
export function recordKey(r: {
  item: string;
  bodyId: string;
  refNo: string | null;
  title: string;
  formed: IsoDate;
}): string {
  return r.refNo
    ? `${r.item}|${r.bodyId}|${normalizeRefNo(r.refNo)}`
    : `${r.item}|${r.bodyId}|${r.formed.slice(0, 4)}|${squeeze(r.title)}`;
}

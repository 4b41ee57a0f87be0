import { compact, normaliseWidth } from './text/normalise.js';

/** A 发文字号: issuer code, year and sequence number, with the brackets normalised to 〔〕. */
export interface DocNumber {
  issuer: string;
  year: number;
  seq: number;
  /** `汉政办发〔2021〕88号` whatever brackets the page used. */
  text: string;
}

const DOC_NUMBER = /^(.+?)[〔[【(（](\d{4})[〕\]】)）]第?(\d+)号$/;
const IN_TEXT =
  /([\u4e00-\u9fa5]{1,16})\s*[〔[【(（]\s*((?:19|20)\d{2})\s*[〕\]】)）]\s*第?\s*(\d{1,5})\s*号/g;
/** Words that end a sentence before an issuer code (印发《…》（X〔2020〕1号）). */
const LEAD_IN = /^.*(?:印发|下达|根据|按照|依据|转发|执行|见|的|和|及|与|、|是|为)/;

/** Parses a 文号 (`国办发〔2017〕47号`, `汉政办发[2021]88号`); undefined for anything else. */
export function parseDocNumber(raw: string): DocNumber | undefined {
  const m = DOC_NUMBER.exec(compact(normaliseWidth(raw)).replace(/^[（(]|[）)]$/g, ''));
  if (!m) return undefined;
  const issuer = m[1] ?? '';
  if (!/[\u4e00-\u9fa5]/.test(issuer) || issuer.length > 20) return undefined;
  const year = Number(m[2]);
  const seq = Number(m[3]);
  return { issuer, year, seq, text: `${issuer}〔${year}〕${seq}号` };
}

/** Every 文号 written in a text, in order, with its position. */
export function findDocNumbers(text: string): Array<DocNumber & { start: number; end: number }> {
  const out: Array<DocNumber & { start: number; end: number }> = [];
  for (const m of normaliseWidth(text).matchAll(IN_TEXT)) {
    const raw = m[1] ?? '';
    const issuer = raw.replace(LEAD_IN, '');
    if (issuer.length === 0) continue;
    const start = m.index + (raw.length - issuer.length);
    const year = Number(m[2]);
    const seq = Number(m[3]);
    out.push({ issuer, year, seq, text: `${issuer}〔${year}〕${seq}号`, start, end: m.index + m[0].length });
  }
  return out;
}

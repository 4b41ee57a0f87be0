import type { PostDocument } from '../post-document.js';
import { compact } from '../text/normalise.js';
import { type DateMention, findDates } from './find-dates.js';

/** A 落款: the issuing bodies (or a signing person) and the date line, with its paragraph index. */
export interface Signature {
  issuers: string[];
  date?: DateMention;
  /** Index of the date line (or the last issuer line) among the body's paragraphs. */
  index: number;
  /** True when it is among the last lines of the body. */
  atEnd: boolean;
}

/** Words that end the name of a body that signs a document. */
export const ORG_ENDING =
  /(人民政府|政府|办公室|委员会|村委会|居委会|领导小组|指挥部|工作队|办事处|服务中心|工作站|扶贫站|局|厅|办|部|委|中心|镇|乡|街道|村|社区|所|站|院|处|科|组|队|公司|合作社|协会|学校|医院|银行|支行|联社|党委|党支部|支部)$/;
const MAX_ISSUER_CHARS = 40;
const PROMULGATION = /现予公布|予以公布|公布施行/;
const TAIL = 8;
/** A 落款 sits near the top (a notice before its annex) or at the end; the middle of a huge body is skipped. */
const MAX_LEADING_PARAGRAPHS = 300;

/** True for a short line naming a body: no sentence punctuation, ending like an organisation. */
export function isIssuerLine(line: string): boolean {
  const text = compact(line);
  return (
    text.length >= 2 &&
    text.length <= MAX_ISSUER_CHARS &&
    !/[。；;，,！？!?:：、《》“”]/.test(text) &&
    ORG_ENDING.test(text)
  );
}

/** A line that is only a date, or an issuer and a date: the date mention and the issuer part. */
function dateLine(line: string): { date: DateMention; before: string } | undefined {
  const text = line.trim();
  if (text.length > 60) return undefined;
  const dates = findDates(text);
  const last = dates.at(-1);
  if (!last || dates.length > 1 || last.year === undefined) return undefined;
  if (text.slice(last.end).replace(/[\s。.)）]/g, '') !== '') return undefined;
  return { date: last, before: text.slice(0, last.start).trim() };
}

function issuersBefore(lines: readonly string[], index: number): string[] {
  const issuers: string[] = [];
  for (let j = index - 1; j >= 0 && j >= index - 4; j--) {
    const line = (lines[j] ?? '').trim();
    if (!isIssuerLine(line)) break;
    issuers.unshift(compact(line));
  }
  return issuers;
}

/** Every 落款 of the body: issuer lines followed by a date line, or both on one line. */
export function findSignatures(paragraphs: readonly string[]): Signature[] {
  const out: Signature[] = [];
  paragraphs.forEach((line, index) => {
    if (index >= MAX_LEADING_PARAGRAPHS && index < paragraphs.length - TAIL) return;
    const found = dateLine(line);
    if (!found) return;
    const { date, before } = found;
    const sameLine = before && isIssuerLine(before) ? [compact(before)] : [];
    if (before && sameLine.length === 0) return;
    const issuers = [...issuersBefore(paragraphs, index), ...sameLine];
    const previous = compact(paragraphs[index - 1] ?? '');
    const signedByPerson = issuers.length === 0 && previous.length > 0 && previous.length <= 12;
    // A date line under 现予公布 is a law's promulgation date.
    const promulgated = issuers.length === 0 && PROMULGATION.test(previous);
    if (issuers.length === 0 && !signedByPerson && !promulgated) return;
    out.push({ issuers, date, index, atEnd: index >= paragraphs.length - TAIL });
  });
  return out;
}

/** A 落款 with no date: issuer lines that end the body (a village notice signed by its committee). */
function undatedSignature(paragraphs: readonly string[]): Signature | undefined {
  const lastIndex = paragraphs.length - 1;
  const last = (paragraphs[lastIndex] ?? '').trim();
  if (!isIssuerLine(last)) return undefined;
  return { issuers: [...issuersBefore(paragraphs, lastIndex), compact(last)], index: lastIndex, atEnd: true };
}

/** The body's paragraphs (tables left out), in order. */
export function paragraphsOf(doc: PostDocument): string[] {
  return doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
}

/** The post's 落款: the last one among the closing lines, else the first in the body (a notice before its annex). */
export function findSignature(doc: PostDocument): Signature | undefined {
  const paragraphs = paragraphsOf(doc);
  const all = findSignatures(paragraphs);
  const closing = all.filter((s) => s.atEnd).at(-1);
  return closing ?? all[0] ?? undatedSignature(paragraphs);
}

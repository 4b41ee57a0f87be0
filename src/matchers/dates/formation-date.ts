import type { IsoDate } from '../../catalog/index.js';
import { parseDocNumber } from '../doc-number.js';
import type { PostDocument } from '../post-document.js';
import { type DateMention, findDates } from './find-dates.js';
import type { DateFact } from './publication-date.js';
import { daysBetween, firstIsoDate, resolveMention } from './resolve.js';
import { findSignature, type Signature } from './signature.js';

/** Verbs that make a date the decision that formed what a post publishes (下达, 审定, 批复 meetings). */
const DECISION = /审定|下达|批复|研究确定|研究同意|研究决定|经[^，。；]{0,30}研究/;
/** A law's adoption or promulgation: 通过 by a congress or government meeting, 公布. */
/** 经…2019年9月12日研究: a meeting's decision, the body named before the date. */
const MEETING = /^[^，。；]{0,6}研究/;
const ADOPTION = /会议[^，。；]{0,10}通过|常务委员会[^，。；]{0,20}通过|通过[，,]?\s*现予公布|公布/;
const MAX_GAP = 40;
/** Decisions are stated near the top; a huge page is read this far. */
const SCAN_CHARS = 50_000;
const MAX_DECISION_AGE_DAYS = 400;
const MAX_UNDATED_AGE_DAYS = 120;
/** Between the date and the verb: a range (至), or a step still to come (报…审定, …后下达). */
const NOT_DONE = /^\s*[至到—–~-]|[后报将待拟]/;

/** Blanks 《…》 titles (same length) so a 下达 in a cited document's title is not a decision of this post. */
function blankTitles(text: string): string {
  return text.replace(/《[^》]{0,200}》/g, (t) => '□'.repeat(t.length));
}

function sentences(text: string): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  let offset = 0;
  for (const part of text.split(/(?<=[。；;\n])/)) {
    out.push({ text: part, offset });
    offset += part.length;
  }
  return out;
}

/** A date in the same sentence as a decision verb that follows it closely, with no other date between. */
function decisionIn(
  text: string,
  verbs: RegExp,
  reference: IsoDate | undefined,
  maxAgeDays = MAX_DECISION_AGE_DAYS,
): { mention: DateMention; iso: IsoDate; text: string } | undefined {
  for (const sentence of sentences(blankTitles(text))) {
    // Only a sentence with a decision verb (or 经…研究) can date a decision; most have neither.
    if (!verbs.test(sentence.text) && !(verbs === DECISION && /经/.test(sentence.text))) continue;
    const dates = findDates(sentence.text);
    for (const [i, mention] of dates.entries()) {
      const stop = Math.min(dates[i + 1]?.start ?? sentence.text.length, mention.end + MAX_GAP);
      const before = sentence.text.slice(Math.max(0, mention.start - 25), mention.start);
      const verb =
        verbs.exec(sentence.text.slice(mention.end, stop)) ??
        (verbs === DECISION && /经/.test(before)
          ? MEETING.exec(sentence.text.slice(mention.end, mention.end + 12))
          : null);
      if (!verb || NOT_DONE.test(sentence.text.slice(mention.end, mention.end + verb.index))) continue;
      const iso = resolveMention(mention, reference, 0);
      if (iso === undefined) continue;
      if (reference !== undefined) {
        const age = daysBetween(iso, reference);
        const maxAge = mention.year === undefined ? MAX_UNDATED_AGE_DAYS : maxAgeDays;
        if (age < 0 || age > maxAge) continue;
      }
      return { mention, iso, text: mention.text };
    }
  }
  return undefined;
}

const fromHeader = (raw: string | undefined, source: DateFact['source']): DateFact | undefined => {
  const date = raw === undefined ? undefined : firstIsoDate(findDates(raw));
  return date && raw ? { date, source, text: raw } : undefined;
};

/** A header 发文日期 means the formation date where the header also states a separate publication date. */
function headerFormation(doc: PostDocument): DateFact | undefined {
  const ambiguous = doc.header.ambiguous.includes('formedOn');
  if (ambiguous && doc.header.publishedOn === undefined) return undefined;
  return fromHeader(doc.header.formedOn, 'header') ?? fromHeader(doc.header.generatedOn, 'generated');
}

function signatureDate(
  doc: PostDocument,
  published: IsoDate | undefined,
  signature: Signature | undefined,
): DateFact | undefined {
  if (signature?.date) {
    const iso = resolveMention(signature.date, published);
    if (iso) return { date: iso, source: 'signature', text: signature.date.text };
  }
  const raw = doc.signature?.date;
  const iso = raw === undefined ? undefined : firstIsoDate(findDates(raw), published);
  return iso && raw ? { date: iso, source: 'signature', text: raw } : undefined;
}

/**
 * When the information was formed: a 下达/审定/批复 date the post states > header 成文日期 or 生成日期 (a header
 * 发文日期 only beside a separate publication date) > the 落款 date > a law's adoption date. Null when none.
 */
export function findFormationDate(
  doc: PostDocument,
  published: IsoDate | null,
  signature: Signature | undefined = findSignature(doc),
): DateFact | null {
  const reference = published ?? undefined;
  const head = doc.text.slice(0, SCAN_CHARS);
  const decision = decisionIn(head, DECISION, reference);
  if (decision) return { date: decision.iso, source: 'decision', text: decision.text };
  const stated = headerFormation(doc) ?? signatureDate(doc, reference, signature);
  if (stated && (reference === undefined || stated.date <= reference)) return stated;
  const adoption = decisionIn(head, ADOPTION, reference, Number.POSITIVE_INFINITY);
  if (adoption) return { date: adoption.iso, source: 'adoption', text: adoption.text };
  return stated ?? null;
}

/** The year of the post's 文号, a last hint of when it was formed (a year, not a date). */
export function docNumberYear(doc: PostDocument): number | null {
  return (doc.header.docNo === undefined ? undefined : parseDocNumber(doc.header.docNo))?.year ?? null;
}

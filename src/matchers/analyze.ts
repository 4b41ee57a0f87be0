import type { Catalog, WorkingCalendar } from '../catalog/index.js';
import { type ClassifyInput, classifyItems } from './classify/classify.js';
import type { ItemCandidate } from './classify/evidence.js';
import { interpretedTitle } from './classify/interpretation.js';
import { compileMatchRules, type MatchRules } from './classify/rules.js';
import { findFormationDate } from './dates/formation-date.js';
import { type DateFact, findPublicationDate, findPublicationHint } from './dates/publication-date.js';
import { findSignature } from './dates/signature.js';
import { type DocNumber, parseDocNumber } from './doc-number.js';
import type { ElementReport, ElementTexts } from './elements/elements.js';
import { ITEM_MATCHERS } from './item-matchers.js';
import { findNoticePeriod, type NoticePeriod } from './notice/notice-period.js';
import type { PostDocument } from './post-document.js';
import { detectPersonalData, type PersonalDataHit } from './privacy.js';
import { findPublisher, type Publisher } from './publisher/publisher.js';
import { type PublishingBody, publishingBody } from './publisher/publishing-body.js';
import type { RegistryBody } from './publisher/registry-match.js';
import { compact, normaliseWidth } from './text/normalise.js';
import { MATCHER_VERSION } from './version.js';

/** What `analyzePost` needs besides the post: the catalog, the working-day calendar, the registry's bodies. */
export interface AnalysisContext {
  catalog: Catalog;
  calendar: WorkingCalendar;
  bodies?: readonly RegistryBody[];
}

/** Everything the matchers read in one post. */
export interface Analysis {
  matcherVersion: string;
  catalog: string;
  url: string | null;
  title: string;
  publishedAt: DateFact | null;
  /** A publication date the page implies but does not state (the URL's date). */
  publishedHint: DateFact | null;
  formedAt: DateFact | null;
  /** The year of the 文号, a last hint of formation. */
  formedYearHint: number | null;
  docNo: DocNumber | null;
  publisher: Publisher | null;
  items: ItemCandidate[];
  /** The document a 解读 explains, when the post is one. */
  interpretationOf: string | null;
  notice: NoticePeriod | null;
  elements: { present: ElementReport['present']; missing: string[]; byItem: ElementReport[] };
  privacy: PersonalDataHit[];
}

/** Texts longer than these are read only this far for words (privacy and notices read everything). */
const CLASSIFY_CHARS = 20_000;
const ELEMENT_CHARS = 200_000;

function columnsOf(doc: PostDocument): string[] {
  return [doc.meta.columnName, ...(doc.meta.columnType ?? []), doc.header.category].filter(
    (c): c is string => c !== undefined && c.length > 0,
  );
}

function publisherNames(doc: PostDocument, publisher: Publisher | null): string[] {
  return [publisher?.name, doc.header.publisher, doc.meta.source].filter((n): n is string => Boolean(n));
}

function elementsOf(doc: PostDocument, items: readonly ItemCandidate[], rules: MatchRules, catalog: Catalog) {
  const texts: ElementTexts = {
    title: normaliseWidth(doc.title),
    body: normaliseWidth(doc.text.slice(0, ELEMENT_CHARS)),
    attachments: doc.attachments.map((a) => ({ name: a.name, text: a.text?.slice(0, ELEMENT_CHARS) ?? '' })),
  };
  const byItem = items.flatMap((candidate) => {
    const item = catalog.items.find((i) => i.id === candidate.id);
    const itemRules = rules.items.find((r) => r.id === candidate.id);
    return item && itemRules ? [ITEM_MATCHERS[item.id].elements({ item, rules: itemRules, texts })] : [];
  });
  const present = byItem.flatMap((r) => r.present);
  const presentKeys = new Set(present.map((p) => p.key));
  const missing = [...new Set(byItem.flatMap((r) => r.missing))].filter((k) => !presentKeys.has(k));
  return { present, missing, byItem };
}

/** A site name after the title (…公示_桐岭县人民政府网, …公告 - 城村镇政府) is no part of it. */
const SITE_SUFFIX = /\s*[_|｜\-–—]+\s*[^_|｜\-–—]{2,30}(?:人民政府|政府|网站|门户网|网)\s*$/;

/** The title as the rules read it: no spaces, full-width letters and digits made narrow, no site name. */
function cleanTitle(title: string): string {
  const bare = title.replace(SITE_SUFFIX, '');
  return compact(normaliseWidth(bare.length >= 6 ? bare : title));
}

/** A 令 number or a 文号 alone on one of the body's first lines (pages without a header block). */
const OPENING_ORDER = /^[\u4e00-\u9fa5]{0,16}(?:政府令|国务院令|部令)\s*(?:第\s*\d+\s*号)?$/;

function openingNumber(text: string): string | undefined {
  for (const line of text.split('\n', 4).map((l) => l.trim())) {
    if (OPENING_ORDER.test(line) || parseDocNumber(line)) return line;
  }
  return undefined;
}

/** Prepares a catalog's rules once and returns an analyser for many posts. */
export function createAnalyzer(context: AnalysisContext): (doc: PostDocument) => Analysis {
  const rules = compileMatchRules(context.catalog);
  return (doc) => analyzeWith(doc, context, rules);
}

interface ReadFacts {
  publisher: Publisher | null;
  interpretationOf: string | null;
  referenceNumber: string | undefined;
  speaker: PublishingBody | undefined;
}

function classifyInputOf(
  doc: PostDocument,
  { publisher, interpretationOf, referenceNumber, speaker }: ReadFacts,
): ClassifyInput {
  return {
    title: interpretationOf ?? cleanTitle(doc.title),
    body: normaliseWidth(doc.text.slice(0, CLASSIFY_CHARS)),
    columns: columnsOf(doc),
    publishers: publisherNames(doc, publisher),
    attachmentNames: doc.attachments.map((a) => a.name),
    ...(referenceNumber === undefined ? {} : { docNo: referenceNumber }),
    interpreted: interpretationOf !== null,
    ...(speaker === undefined ? {} : { publishingBody: speaker }),
  };
}

const privacyOf = (doc: PostDocument) =>
  detectPersonalData([
    { where: 'body', text: doc.text },
    ...doc.attachments.map((a, i) => ({ where: `attachment:${i}`, text: a.text ?? '' })),
  ]);

function analyzeWith(doc: PostDocument, context: AnalysisContext, rules: MatchRules): Analysis {
  const publishedAt = findPublicationDate(doc);
  const signature = findSignature(doc);
  const formedAt = findFormationDate(doc, publishedAt?.date ?? null, signature);
  const publisher = findPublisher(doc, context.bodies ?? [], signature);
  const interpretationOf = interpretedTitle(doc.title, rules.interpretation) ?? null;
  const referenceNumber = doc.header.docNo ?? openingNumber(doc.text);
  const docNo = (referenceNumber === undefined ? undefined : parseDocNumber(referenceNumber)) ?? null;
  const speaker = publishingBody(publisher, context.bodies ?? [], doc.sourceBody);
  const facts = { publisher, interpretationOf, referenceNumber, speaker };
  const items = classifyItems(classifyInputOf(doc, facts), rules);
  return {
    matcherVersion: MATCHER_VERSION,
    catalog: context.catalog.id,
    url: doc.url ?? null,
    title: doc.title,
    publishedAt,
    publishedHint: publishedAt ? null : findPublicationHint(doc),
    formedAt,
    formedYearHint: docNo?.year ?? null,
    docNo,
    publisher,
    items,
    interpretationOf,
    notice: findNoticePeriod(doc.text, publishedAt?.date ?? formedAt?.date, context.calendar),
    elements: elementsOf(doc, items, rules, context.catalog),
    privacy: privacyOf(doc),
  };
}

/** Reads one post as an evaluator would: items, dates, notice period, publisher, elements and personal data. */
export function analyzePost(doc: PostDocument, context: AnalysisContext): Analysis {
  return createAnalyzer(context)(doc);
}

/**
 * Pure matchers: they read one post as an evaluator would — catalog item, dates, notice period, publisher,
 * content elements, personal data — and link posts to interpretations and records. No I/O, no clock.
 */

/** Analyses one post whole; `createAnalyzer` prepares a catalog once for many posts. */
export { type Analysis, type AnalysisContext, analyzePost, createAnalyzer } from './analyze.js';
/** Scores the catalog's items against a post and returns the ones it discloses, best first. */
export { ACCEPT_SCORE, type ClassifyInput, classifyItems } from './classify/classify.js';
/** An item a post discloses, with its confidence and the evidence that decided it. */
export type { Evidence, EvidenceKind, ItemCandidate } from './classify/evidence.js';
/** Compiles a catalog's `match` rules once for many posts. */
export { compileMatchRules, type ItemRules, type MatchRules } from './classify/rules.js';
/** Finds every date written in a text (numeric, Chinese numerals, month-day, garbled runs). */
export { type DateForm, type DateMention, findDates, splitMonthDay } from './dates/find-dates.js';
/** Finds the formation date: a 下达/审定/批复 date, the header 成文日期, the 落款, a law's adoption. */
export { docNumberYear, findFormationDate } from './dates/formation-date.js';
/** Finds the publication date the page states, and the URL's date as a mere hint. */
export {
  type DateFact,
  type DateSource,
  findPublicationDate,
  findPublicationHint,
} from './dates/publication-date.js';
/** Resolves a date mention to ISO, filling a missing year from the post's own date. */
export { resolveMention } from './dates/resolve.js';
/** Finds a body's 落款: issuing bodies and date. */
export { findSignature, findSignatures, type Signature } from './dates/signature.js';
/** Parses a 文号 and finds the ones a text cites. */
export { type DocNumber, findDocNumbers, parseDocNumber } from './doc-number.js';
/** The elements a post states for an item, with the words that show each. */
export { type ElementReport, type ElementSpan, elementGroups, elementKeys } from './elements/elements.js';
/** The per-item matchers: how each item's elements are read. */
export { ITEM_MATCHERS, type ItemMatcher } from './item-matchers.js';
/** Links each 解读 to the policy document it explains. */
export {
  type InterpretationLink,
  isInterpretationTitle,
  linkInterpretations,
  quotedTitles,
  type TitledPost,
} from './links/interpretations.js';
/** Links posts to the imported records they disclose. */
export { linkRecords, type PostFacts, type RecordLink, type RecordShape } from './links/records.js';
/** Finds the notice (公示) period a post states for itself. */
export { findNoticePeriod, type NoticePeriod } from './notice/notice-period.js';
/** The matchers' input: a post as plain data. */
export type {
  PostAttachment,
  PostBlock,
  PostDocument,
  PostHeader,
  PostMeta,
  PostSignature,
  PublishedFrom,
} from './post-document.js';
/** Detects unmasked ID, bank-card and mobile numbers: counts and positions, never values. */
export {
  classifyNumber,
  detectPersonalData,
  findPersonalData,
  isValidIdNumber,
  type PersonalDataHit,
  type PersonalDataKind,
  type PersonalDataPosition,
  passesLuhn,
} from './privacy.js';
/** The level a body's name implies (village, township, county, department). */
export { guessBodyLevel } from './publisher/body-level.js';
/** Finds who published a post and matches it to a registry body. */
export { findPublisher, type Publisher, type PublisherSource } from './publisher/publisher.js';
/** Matches a written name to a registry body by name, alias or similarity. */
export { type BodyMatch, matchBody, type RegistryBody } from './publisher/registry-match.js';
/** Splits issuers written together into their bodies. */
export { splitIssuers } from './publisher/split-issuers.js';
/** Amounts of money written in a text, in yuan. */
export { type Amount, findAmounts } from './text/amounts.js';
/** Character-bigram similarity of two strings. */
export { diceSimilarity } from './text/similarity.js';
/** The matchers' behaviour version, stored with every match. */
export { MATCHER_VERSION } from './version.js';

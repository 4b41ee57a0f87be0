import type { PublishingBody } from '../publisher/publishing-body.js';
import { findPhrases, type PhraseHit, type PhraseMemo, phraseWeight } from '../text/phrase.js';
import type { Evidence, ItemCandidate } from './evidence.js';
import type { ItemRules, MatchRules } from './rules.js';
import { sharedEvidence } from './shared-evidence.js';
import { subjectEvidence } from './subject-fit.js';
import { ACCEPT_SCORE, WEIGHTS as W } from './weights.js';

export { ACCEPT_SCORE };

/** What the classifier reads of a post. */
export interface ClassifyInput {
  title: string;
  body: string;
  /** ColumnName, ColumnType, the header 主题分类. */
  columns: readonly string[];
  /** Publisher names as written (header, 落款, 来源). */
  publishers: readonly string[];
  attachmentNames: readonly string[];
  /** The header 文号 as written. */
  docNo?: string;
  /** True when the title is the document a 解读 explains. */
  interpreted?: boolean;
  /** The body the post speaks for, weighed against each disclosure's 公开主体. */
  publishingBody?: PublishingBody;
}

const SECOND_RATIO = 0.75;
const MIN_STATED_KEYS = 3;
const MIN_STATED_SHARE = 0.5;

const toEvidence = (kind: Evidence['kind'], hits: readonly PhraseHit[], factor: number): Evidence[] =>
  hits.map((h) => ({ kind, phrase: h.phrase, text: h.text, weight: h.weight * factor }));

/** Each hit's share of a capped total: many phrases of one kind count no more than the cap. */
function cappedFactor(hits: readonly PhraseHit[], unit: number, cap: number): number {
  const total = phraseWeight(hits);
  return total === 0 ? 0 : (unit * Math.min(total, cap)) / total;
}

function itemEvidence(
  item: ItemRules,
  input: ClassifyInput,
  memo: { title: PhraseMemo; body: PhraseMemo },
  bodyUnit: number,
): Evidence[] {
  const title = findPhrases(input.title, item.title, memo.title);
  const negativeTitle = findPhrases(input.title, item.negative, memo.title);
  const body = findPhrases(input.body, item.body, memo.body);
  const negativeBody = findPhrases(input.body, item.negative, memo.body);
  const attachments = findPhrases(input.attachmentNames.join('\n'), item.title);
  const docNo = input.docNo ? findPhrases(input.docNo, item.title) : [];
  const negativeDocNo = input.docNo ? findPhrases(input.docNo, item.negative) : [];
  const evidence: Evidence[] = [
    ...toEvidence('title', title, cappedFactor(title, W.title, W.titleCap)),
    ...toEvidence('body', body, cappedFactor(body, bodyUnit, W.bodyCap)),
    ...toEvidence('attachment', attachments.slice(0, 1), W.attachment),
    ...toEvidence('doc-number', docNo.slice(0, 1), W.title),
    ...toEvidence('negative', negativeDocNo.slice(0, 1), -W.negativeTitle),
    ...toEvidence('negative', negativeTitle, -W.negativeTitle),
    ...toEvidence('negative', negativeBody.slice(0, 3), -W.negativeBody),
  ];
  const column = input.columns.find((c) => item.columns.some((wanted) => c.includes(wanted)));
  if (column) evidence.push({ kind: 'column', text: column, weight: W.column });
  const publisher = input.publishers.find((p) => item.publishers.some((wanted) => p.includes(wanted)));
  if (publisher) evidence.push({ kind: 'publisher', text: publisher, weight: W.publisher });
  if (item.kind === 'document' && input.docNo && title.length > 0)
    evidence.push({ kind: 'doc-number', text: input.docNo, weight: W.documentWithNumber });
  return evidence;
}

/** Under a generic title, a body that states most of an item's elements speaks for that item. */
function coverageEvidence(item: ItemRules, body: string, memo: PhraseMemo): Evidence[] {
  const stated = item.elementKeys.filter(
    (key) => findPhrases(body, item.elementCues.get(key) ?? [], memo).length > 0,
  );
  const share = item.elementKeys.length === 0 ? 0 : stated.length / item.elementKeys.length;
  if (stated.length < MIN_STATED_KEYS || share < MIN_STATED_SHARE) return [];
  return [{ kind: 'elements', text: stated.join('、'), weight: W.elements * share }];
}

/** A short notice-shaped title that no item's title phrases name. */
const GENERIC_SHAPE = /^(?:关于)?.{0,14}?(?:的)?(?:公示|公告|通知|公开|通告)$/;

/** A title word (资金分配, 实施前公示), not a title shape (项目…公示$) that only says a project is noticed. */
const isWord = (phrase: string) => !/[…$]/.test(phrase);

function isGenericTitle(title: string, rules: MatchRules, memo: PhraseMemo): boolean {
  if (title.length > 0 && !GENERIC_SHAPE.test(title) && title.length > 6) return false;
  return rules.items.every((item) => findPhrases(title, item.title, memo).every((h) => !isWord(h.phrase)));
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Scores every item of the rules against a post and returns the items it discloses, best first: the best
 * one when it reaches the acceptance score, and a second only when it has its own title evidence and
 * nearly the same score. Empty for a post that is none of the catalog's items.
 */
export function classifyItems(input: ClassifyInput, rules: MatchRules): ItemCandidate[] {
  const shared = sharedEvidence(input, rules);
  const memo: { title: PhraseMemo; body: PhraseMemo } = { title: new Map(), body: new Map() };
  // A title that names nothing (公示, 关于…的公告) leaves the body to decide, so the body counts for more.
  const generic = isGenericTitle(input.title, rules, memo.title);
  const bodyUnit = generic ? W.bodyUnderGenericTitle : W.body;
  const scored = rules.items
    .map((item) => {
      const own = itemEvidence(item, input, memo, bodyUnit);
      if (generic && item.kind === 'disclosure') own.push(...coverageEvidence(item, input.body, memo.body));
      if (item.kind === 'disclosure') own.push(...subjectEvidence(item.subjects, input.publishingBody));
      const evidence = [
        ...own,
        ...shared.all,
        ...(item.kind === 'disclosure' ? shared.disclosure : shared.document),
      ];
      const score = round(evidence.reduce((sum, e) => sum + e.weight, 0));
      const named = own.some((e) => e.kind === 'title' && e.phrase !== undefined && isWord(e.phrase));
      return { item, score, evidence, named };
    })
    .sort((a, b) => b.score - a.score || a.item.no - b.item.no);
  const [best, second] = scored;
  if (!best || best.score < ACCEPT_SCORE) return [];
  const margin = best.score - (second?.score ?? 0);
  const accepted = [best];
  // A policy document is one thing; a second disclosure needs a title word of its own (not a title shape such
  // as 项目…公示$) and nearly the best score.
  if (
    second?.named &&
    best.item.kind === 'disclosure' &&
    second.item.kind === 'disclosure' &&
    second.score >= ACCEPT_SCORE &&
    second.score >= best.score * SECOND_RATIO
  )
    accepted.push(second);
  return accepted.map((c, i) => ({
    id: c.item.id,
    score: round(c.score),
    confidence: round(
      sigmoid((c.score - ACCEPT_SCORE) / 1.5) *
        (i === 0 && accepted.length === 1 ? 0.6 + 0.4 * Math.min(1, margin / 3) : 0.85),
    ),
    evidence: c.evidence.filter((e) => e.weight !== 0),
  }));
}

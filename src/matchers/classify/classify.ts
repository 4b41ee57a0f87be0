import { findPhrases, type PhraseHit, type PhraseMemo, phraseWeight } from '../text/phrase.js';
import type { Evidence, ItemCandidate } from './evidence.js';
import type { ItemRules, MatchRules } from './rules.js';

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
}

const W = {
  title: 3,
  titleCap: 2,
  body: 0.5,
  bodyCap: 4,
  attachment: 1,
  column: 0.8,
  publisher: 0.8,
  negativeTitle: 2.5,
  negativeBody: 0.3,
  notDisclosure: 4,
  otherSubject: 4,
  newsStyle: 2,
  noTopic: 3,
  titleWithoutTopic: 3,
  headline: 3,
  noDisclosure: 3,
  interpretation: 1,
  noticeTitle: 3,
  documentWithNumber: 0.5,
};
/** Score at which a post is taken to disclose an item. */
export const ACCEPT_SCORE = 2.5;
const SECOND_RATIO = 0.75;
/** A policy document whose title and column do not name the field must name it this often in its body. */
const MIN_BODY_TOPICS = 3;

const toEvidence = (kind: Evidence['kind'], hits: readonly PhraseHit[], factor: number): Evidence[] =>
  hits.map((h) => ({ kind, phrase: h.phrase, text: h.text, weight: h.weight * factor }));

function capped(hits: readonly PhraseHit[], cap: number): number {
  return Math.min(phraseWeight(hits), cap);
}

/** A headline rather than a document title: it exclaims, asks, or leads with a place and a colon (宁川：…). */
/** A title that ends as a notice or a list is a disclosure, never a policy document. */
const NOTICE_TITLE = /(公示|名单|一览表|明细表)(?:[（(][^）)]*[）)])?$/;
const HEADLINE = /[！？!?]|^[\u4e00-\u9fa5]{2,8}[：:]/;

/** Evidence shared by every item: non-disclosure titles, other programmes, news writing, no topic. */
function sharedEvidence(
  input: ClassifyInput,
  rules: MatchRules,
): { all: Evidence[]; disclosure: Evidence[]; document: Evidence[] } {
  const all: Evidence[] = [];
  const disclosure: Evidence[] = [];
  const document: Evidence[] = [];
  if (HEADLINE.test(input.title))
    disclosure.push({ kind: 'headline', text: input.title, weight: -W.headline });
  const form = findPhrases(input.title, rules.disclosureForms).length > 0;
  const marker = findPhrases(input.body, rules.disclosureMarkers)[0];
  const table = /\t.*\t/.test(input.body);
  if (!form && !marker && !table)
    disclosure.push({ kind: 'no-disclosure', text: '', weight: -W.noDisclosure });
  const titled = findPhrases(`${input.title}\n${input.columns.join(' ')}`, rules.topic).length > 0;
  const bodyTopics = findPhrases(input.body, rules.topic).length;
  if (!titled && bodyTopics < MIN_BODY_TOPICS)
    document.push({ kind: 'no-topic', text: input.title, weight: -W.titleWithoutTopic });
  const notice = NOTICE_TITLE.exec(input.title);
  if (notice)
    document.push({ kind: 'negative', phrase: notice[1] ?? '', text: notice[0], weight: -W.noticeTitle });
  if (input.interpreted)
    document.push({ kind: 'interpretation', text: input.title, weight: W.interpretation });
  const notDisclosure = findPhrases(input.title, rules.notDisclosure)[0];
  if (notDisclosure)
    all.push({
      kind: 'not-disclosure',
      phrase: notDisclosure.phrase,
      text: notDisclosure.text,
      weight: -W.notDisclosure * notDisclosure.weight,
    });
  const other = findPhrases(input.title, rules.otherSubjects)[0];
  if (other)
    disclosure.push({
      kind: 'other-subject',
      phrase: other.phrase,
      text: other.text,
      weight: -W.otherSubject,
    });
  const news = findPhrases(input.body, rules.newsStyle);
  if (news.length >= 2)
    disclosure.push({ kind: 'news-style', text: news.map((h) => h.text).join('、'), weight: -W.newsStyle });
  const topicText = `${input.title}\n${input.columns.join(' ')}\n${input.body}`;
  if (rules.topic.length > 0 && findPhrases(topicText, rules.topic).length === 0)
    all.push({ kind: 'no-topic', text: '', weight: -W.noTopic });
  return { all, disclosure, document };
}

function itemEvidence(
  item: ItemRules,
  input: ClassifyInput,
  memo: { title: PhraseMemo; body: PhraseMemo },
): Evidence[] {
  const title = findPhrases(input.title, item.title, memo.title);
  const negativeTitle = findPhrases(input.title, item.negative, memo.title);
  const body = findPhrases(input.body, item.body, memo.body);
  const negativeBody = findPhrases(input.body, item.negative, memo.body);
  const attachments = findPhrases(input.attachmentNames.join('\n'), item.title);
  const docNo = input.docNo ? findPhrases(input.docNo, item.title) : [];
  const negativeDocNo = input.docNo ? findPhrases(input.docNo, item.negative) : [];
  const evidence: Evidence[] = [
    ...toEvidence(
      'title',
      title,
      (W.title * capped(title, W.titleCap)) / Math.max(phraseWeight(title), 1e-9),
    ),
    ...toEvidence('body', body, (W.body * capped(body, W.bodyCap)) / Math.max(phraseWeight(body), 1e-9)),
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

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Scores every item of the rules against a post and returns the items it discloses, best first: the best
 * one when it reaches the acceptance score, and a second only when it has its own title evidence and
 * nearly the same score. Empty for a post that is none of the catalog's items.
 */
export function classifyItems(input: ClassifyInput, rules: MatchRules): ItemCandidate[] {
  const shared = sharedEvidence(input, rules);
  const memo = { title: new Map(), body: new Map() };
  const scored = rules.items
    .map((item) => {
      const own = itemEvidence(item, input, memo);
      const evidence = [
        ...own,
        ...shared.all,
        ...(item.kind === 'disclosure' ? shared.disclosure : shared.document),
      ];
      const score = evidence.reduce((sum, e) => sum + e.weight, 0);
      return { item, score, evidence, titled: own.some((e) => e.kind === 'title') };
    })
    .sort((a, b) => b.score - a.score || a.item.no - b.item.no);
  const [best, second] = scored;
  if (!best || best.score < ACCEPT_SCORE) return [];
  const margin = best.score - (second?.score ?? 0);
  const accepted = [best];
  const bothDocuments = best.item.kind === 'document' && second?.item.kind === 'document';
  if (
    second?.titled &&
    !bothDocuments &&
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

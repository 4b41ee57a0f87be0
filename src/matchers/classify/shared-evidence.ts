import { findPhrases } from '../text/phrase.js';
import type { ClassifyInput } from './classify.js';
import type { Evidence } from './evidence.js';
import type { MatchRules } from './rules.js';
import { WEIGHTS as W } from './weights.js';

/** A headline rather than a document title: it exclaims, asks, or leads with a place and a colon (宁川：…). */
const HEADLINE = /[！？!?]|^[\u4e00-\u9fa5]{2,8}[：:]/;
/** A title that ends as a notice or a list is a disclosure, never a policy document. */
const NOTICE_TITLE = /(公示|名单|一览表|明细表)(?:[（(][^）)]*[）)])?$/;
/** A policy document whose title and column do not name the field must name it this often in its body. */
const MIN_BODY_TOPICS = 3;

/** Evidence shared by every item, and by the disclosure items or the document items only. */
export interface SharedEvidence {
  all: Evidence[];
  disclosure: Evidence[];
  document: Evidence[];
}

/** Against every item: a title of news, meetings or procurement; a post outside the field altogether. */
function againstAll(input: ClassifyInput, rules: MatchRules): Evidence[] {
  const out: Evidence[] = [];
  const hit = findPhrases(input.title, rules.notDisclosure)[0];
  if (hit)
    out.push({
      kind: 'not-disclosure',
      phrase: hit.phrase,
      text: hit.text,
      weight: -W.notDisclosure * hit.weight,
    });
  const topicText = `${input.title}\n${input.columns.join(' ')}\n${input.body}`;
  if (rules.topic.length > 0 && findPhrases(topicText, rules.topic).length === 0)
    out.push({ kind: 'no-topic', text: '', weight: -W.noTopic });
  return out;
}

/** Against a data disclosure: a headline, another programme, news writing, no disclosure form at all. */
function disclosureEvidence(input: ClassifyInput, rules: MatchRules): Evidence[] {
  const out: Evidence[] = [];
  if (HEADLINE.test(input.title)) out.push({ kind: 'headline', text: input.title, weight: -W.headline });
  const form = findPhrases(input.title, rules.disclosureForms).length > 0;
  const marker = findPhrases(input.body, rules.disclosureMarkers).length > 0;
  if (!form && !marker && !/\t.*\t/.test(input.body))
    out.push({ kind: 'no-disclosure', text: '', weight: -W.noDisclosure });
  const other = findPhrases(input.title, rules.otherSubjects)[0];
  if (other)
    out.push({ kind: 'other-subject', phrase: other.phrase, text: other.text, weight: -W.otherSubject });
  const news = findPhrases(input.body, rules.newsStyle);
  if (news.length >= 2)
    out.push({ kind: 'news-style', text: news.map((h) => h.text).join('、'), weight: -W.newsStyle });
  return out;
}

/** For or against a policy document: the field in its title, a notice-shaped title, being a 解读's subject. */
function documentEvidence(input: ClassifyInput, rules: MatchRules): Evidence[] {
  const out: Evidence[] = [];
  const titled = findPhrases(`${input.title}\n${input.columns.join(' ')}`, rules.topic).length > 0;
  if (!titled && findPhrases(input.body, rules.topic).length < MIN_BODY_TOPICS)
    out.push({ kind: 'no-topic', text: input.title, weight: -W.titleWithoutTopic });
  const notice = NOTICE_TITLE.exec(input.title);
  if (notice)
    out.push({ kind: 'negative', phrase: notice[1] ?? '', text: notice[0], weight: -W.noticeTitle });
  if (input.interpreted) out.push({ kind: 'interpretation', text: input.title, weight: W.interpretation });
  return out;
}

/** The evidence that does not depend on one item's phrases. */
export function sharedEvidence(input: ClassifyInput, rules: MatchRules): SharedEvidence {
  return {
    all: againstAll(input, rules),
    disclosure: disclosureEvidence(input, rules),
    document: documentEvidence(input, rules),
  };
}

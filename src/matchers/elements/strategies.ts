import type { Element, Item } from '../../catalog/index.js';
import type { ItemRules } from '../classify/rules.js';
import { findPhrases } from '../text/phrase.js';
import {
  type ElementReport,
  type ElementTexts,
  elementGroups,
  elementKeys,
  readElements,
} from './elements.js';

/** What an element strategy reads: the item, its compiled rules and the post's texts. */
export interface ElementContext {
  item: Item;
  rules: ItemRules;
  texts: ElementTexts;
}

/** How the elements of one item are read from a post. */
export type ElementStrategy = (context: ElementContext) => ElementReport;

/** Places a group's cues are shown, overlapping hits counted once (举报电话 inside 监督举报电话). */
function groupHits(rules: ItemRules, group: Element, text: string): number {
  const cues = rules.groups.get(group.name);
  if (!cues) return 0;
  const hits = findPhrases(text, cues).sort((a, b) => a.start - b.start || b.end - a.end);
  let count = 0;
  let end = -1;
  for (const hit of hits) {
    if (hit.start < end) continue;
    count += 1;
    end = hit.end;
  }
  return count;
}

/**
 * Groups the title names, plus groups the body shows at two places; else the groups the body shows at all
 * (a loans notice about households only); all groups when nothing shows one.
 */
function groupsShown(context: ElementContext): Element[] {
  const { item, rules, texts } = context;
  const groups = elementGroups(item).map((g) => ({
    g,
    title: groupHits(rules, g, texts.title),
    body: groupHits(rules, g, texts.body),
  }));
  const shown = groups.filter((x) => x.title > 0 || x.body >= 2);
  if (shown.length > 0) return shown.map((x) => x.g);
  const hinted = groups.filter((x) => x.body > 0);
  return (hinted.length > 0 ? hinted : groups).map((x) => x.g);
}

/** A data disclosure: every key it states, and as missing the keys of the groups it is about. */
export const listedElements: ElementStrategy = (context) =>
  readElements(context.item, context.rules, elementGroups(context.item), context.texts, groupsShown(context));

/** One phase only (实施前 or 实施后): the group with the most evidence, the title counting most. */
export const onePhaseElements: ElementStrategy = (context) => {
  const { item, rules, texts } = context;
  const groups = elementGroups(item);
  const scored = groups
    .map((g) => ({ g, score: 3 * groupHits(rules, g, texts.title) + groupHits(rules, g, texts.body) }))
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  const chosen = best && best.score > 0 ? [best.g] : groups;
  // A phase's notice speaks of that phase alone: the other phase's words in it are no statement of it.
  return readElements(item, rules, chosen, texts);
};

/** A policy document states its one element, by being the document. */
export const documentElement: ElementStrategy = ({ item }) => ({
  item: item.id,
  present: elementGroups(item)
    .flatMap(elementKeys)
    .slice(0, 1)
    .map((key) => ({ key, span: { where: 'title', start: 0, end: 0, text: '' } })),
  missing: [],
});

/** A 国务院令 promulgates a 行政法规; a 政府令 or 部令 a 规章; otherwise a 办法 or 规定 is a 规章, a 条例 or 法 a law. */
const STATE_COUNCIL = /国务院令/;
const RULE_MARKS = /政府令|部令|规章|办法|规定/;

/** A law or regulation: the 规章 element for a government order, else the 行政法规 element. */
export const regulationElement: ElementStrategy = ({ item, texts }) => {
  const keys = elementGroups(item).flatMap(elementKeys);
  const opening = `${texts.title}\n${texts.body.slice(0, 300)}`;
  const isRule = !STATE_COUNCIL.test(opening) && RULE_MARKS.test(opening);
  const key =
    (isRule ? keys.find((k) => k.includes('规章')) : keys.find((k) => !k.includes('规章'))) ?? keys[0];
  return {
    item: item.id,
    present: key ? [{ key, span: { where: 'title', start: 0, end: 0, text: texts.title } }] : [],
    missing: [],
  };
};

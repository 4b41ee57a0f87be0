import type { Element, Item } from '../../catalog/index.js';
import type { ItemRules } from '../classify/rules.js';
import { type CompiledPhrase, compilePhrase, findPhrases } from '../text/phrase.js';

/** Where an element is stated: `title`, `body`, `attachment:N` (its text) or `attachment-name:N`. */
export interface ElementSpan {
  where: string;
  start: number;
  end: number;
  text: string;
}

/** The elements a post states for one item: each present key with the words that show it, and the rest. */
export interface ElementReport {
  item: Item['id'];
  present: Array<{ key: string; span: ElementSpan }>;
  missing: string[];
}

/** The texts an element may be stated in. */
export interface ElementTexts {
  title: string;
  body: string;
  attachments: ReadonlyArray<{ name: string; text?: string }>;
}

/** The keys of an element: its parts, or its own name when it has none. */
export const elementKeys = (element: Element): string[] =>
  element.parts.length > 0 ? element.parts : [element.name];

/** Lists are stated by an attachment that names them (附件：贫困户名单.xlsx). */
const LIST_KEY = /名单|清单|明细/;

/** The item's element groups (all rows, without repeats). */
export function elementGroups(item: Item): Element[] {
  const seen = new Map<string, Element>();
  for (const row of item.rows) for (const e of row.elements) if (!seen.has(e.name)) seen.set(e.name, e);
  return [...seen.values()];
}

function firstHit(
  key: string,
  cues: readonly CompiledPhrase[],
  texts: ElementTexts,
): ElementSpan | undefined {
  const places: Array<[string, string]> = [
    ['body', texts.body],
    ['title', texts.title],
    ...texts.attachments.map((a, i): [string, string] => [`attachment:${i}`, a.text ?? '']),
  ];
  if (LIST_KEY.test(key))
    places.push(...texts.attachments.map((a, i): [string, string] => [`attachment-name:${i}`, a.name]));
  for (const [where, text] of places) {
    const hit = text ? findPhrases(text, cues)[0] : undefined;
    if (hit) return { where, start: hit.start, end: hit.end, text: hit.text };
  }
  return undefined;
}

/** Checks each key of the given element groups against the texts, with the item's cues (the key itself when none). */
export function readElements(
  item: Item,
  rules: ItemRules,
  groups: readonly Element[],
  texts: ElementTexts,
): ElementReport {
  const present: ElementReport['present'] = [];
  const missing: string[] = [];
  const keys = [...new Set(groups.flatMap(elementKeys))];
  for (const key of keys) {
    const cues = rules.elementCues.get(key) ?? [compilePhrase(key)];
    const span = firstHit(key, cues, texts);
    if (span) present.push({ key, span });
    else missing.push(key);
  }
  return { item: item.id, present, missing };
}

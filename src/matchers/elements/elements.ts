import type { Element, Item } from '../../catalog/index.js';
import type { ItemRules } from '../classify/rules.js';
import { type CompiledPhrase, compilePhrase, findPhrases } from '../text/phrase.js';
import { blankValues, type LabelledValue, labelledValues } from './labelled-values.js';

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

/** Whether `part`'s characters appear in order in `whole` (带贫机制 in 带贫减贫机制, 来源 in 资金来源). */
function isSubsequence(part: string, whole: string): boolean {
  let at = 0;
  for (const ch of part) {
    at = whole.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * Whether a label names a key: one of its parts (资金规模及来源 → 资金规模, 来源) is the key abridged, or mostly
 * one of the key's cues. A heading that only contains a cue (杨林村茶叶加工厂房建设项目) names no element.
 */
function labelNames(label: string, key: string, cues: readonly CompiledPhrase[]): boolean {
  const parts = label
    .replace(/[（(][^）)]*[）)]/g, '')
    .split(/[、及和与/]/)
    .map((p) => p.replace(/情况$/, ''))
    .filter((p) => p.length >= 2);
  return parts.some(
    (p) => isSubsequence(p, key) || findPhrases(p, cues).some((h) => h.end - h.start >= 0.6 * p.length),
  );
}

/** A text an element may be stated in, and the labelled values of its lines with the keys each label names. */
interface Place {
  where: string;
  text: string;
  values: Array<LabelledValue & { keys: ReadonlySet<string> }>;
  blanked: Map<string, string>;
}

function placeOf(where: string, text: string, labelKeys: (label: string) => Set<string>): Place {
  const values =
    where === 'title' ? [] : labelledValues(text).map((v) => ({ ...v, keys: labelKeys(v.label) }));
  return { where, text, values, blanked: new Map() };
}

/** The place's text for one key: values written under another key's label (带贫机制：…带动贫困户增收) blanked. */
function textFor(place: Place, key: string): string {
  const foreign = place.values.filter((v) => v.keys.size > 0 && !v.keys.has(key));
  if (foreign.length === 0) return place.text;
  const id = foreign.map((v) => v.start).join(',');
  let text = place.blanked.get(id);
  if (text === undefined) {
    text = blankValues(place.text, foreign);
    place.blanked.set(id, text);
  }
  return text;
}

function firstHit(
  key: string,
  cues: readonly CompiledPhrase[],
  places: readonly Place[],
): ElementSpan | undefined {
  for (const place of places) {
    if (place.where.startsWith('attachment-name:') && !LIST_KEY.test(key)) continue;
    const text = place.text ? textFor(place, key) : '';
    const hit = text ? findPhrases(text, cues)[0] : undefined;
    if (hit) return { where: place.where, start: hit.start, end: hit.end, text: hit.text };
  }
  return undefined;
}

function placesOf(texts: ElementTexts, labelKeys: (label: string) => Set<string>): Place[] {
  return [
    placeOf('body', texts.body, labelKeys),
    placeOf('title', texts.title, labelKeys),
    ...texts.attachments.map((a, i) => placeOf(`attachment:${i}`, a.text ?? '', labelKeys)),
    ...texts.attachments.map((a, i) => placeOf(`attachment-name:${i}`, a.name, () => new Set())),
  ];
}

/**
 * Checks each key of the element groups against the texts, with the item's cues (the key itself when none):
 * every key stated is present, and the keys of the `expected` groups (the ones the post is about) not stated
 * are missing. A value written under another key's label states that key, not this one.
 */
export function readElements(
  item: Item,
  rules: ItemRules,
  groups: readonly Element[],
  texts: ElementTexts,
  expected: readonly Element[] = groups,
): ElementReport {
  const present: ElementReport['present'] = [];
  const missing: string[] = [];
  const wanted = new Set(expected.flatMap(elementKeys));
  const keys = [...new Set(groups.flatMap(elementKeys))];
  const cuesOf = (key: string) => rules.elementCues.get(key) ?? [compilePhrase(key)];
  const named = new Map<string, Set<string>>();
  const labelKeys = (label: string) => {
    let found = named.get(label);
    if (!found) {
      found = new Set(keys.filter((k) => labelNames(label, k, cuesOf(k))));
      named.set(label, found);
    }
    return found;
  };
  const places = placesOf(texts, labelKeys);
  for (const key of keys) {
    const span = firstHit(key, cuesOf(key), places);
    if (span) present.push({ key, span });
    else if (wanted.has(key)) missing.push(key);
  }
  return { item: item.id, present, missing };
}

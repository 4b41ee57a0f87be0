import type { Catalog, ItemId, Subject } from '../../catalog/index.js';
import { type CompiledPhrase, compilePhrase } from '../text/phrase.js';

type Phrases = ReadonlyArray<{ phrase: string; weight: number }>;

/** One item's matching rules, compiled. */
export interface ItemRules {
  id: ItemId;
  no: number;
  kind: 'document' | 'disclosure';
  title: CompiledPhrase[];
  body: CompiledPhrase[];
  negative: CompiledPhrase[];
  columns: string[];
  publishers: string[];
  /** Element group name → phrases that show the post is about that group. */
  groups: Map<string, CompiledPhrase[]>;
  /** Element key → cues, the item's own over the catalog's. */
  elementCues: Map<string, CompiledPhrase[]>;
  /** Every element key of the item's rows (parts, or names without parts). */
  elementKeys: string[];
  /** The 公开主体 of the item's rows: the bodies that publish it. */
  subjects: Subject[];
}

/** A catalog's matching rules, compiled once and reused for every post. */
export interface MatchRules {
  catalogId: string;
  items: ItemRules[];
  topic: CompiledPhrase[];
  notDisclosure: CompiledPhrase[];
  otherSubjects: CompiledPhrase[];
  newsStyle: CompiledPhrase[];
  disclosureForms: CompiledPhrase[];
  disclosureMarkers: CompiledPhrase[];
  newsColumns: string[];
  interpretation: string[];
}

const compileAll = (phrases: Phrases | undefined): CompiledPhrase[] =>
  (phrases ?? []).map((p) => compilePhrase(p.phrase, p.weight));

const compileCues = (cues: Readonly<Record<string, readonly string[]>> | undefined) =>
  new Map(Object.entries(cues ?? {}).map(([key, list]) => [key, list.map((c) => compilePhrase(c))]));

/** Compiles the `match` rules of a catalog and its items (an item without rules never matches). */
export function compileMatchRules(catalog: Catalog): MatchRules {
  const shared = catalog.match;
  const sharedCues = compileCues(shared?.elements);
  const items = catalog.items.map((item): ItemRules => {
    const m = item.match;
    const subjectNames = new Set(item.rows.flatMap((r) => r.subjects));
    return {
      id: item.id,
      no: item.no,
      kind: m?.kind ?? 'disclosure',
      title: compileAll(m?.title),
      body: compileAll(m?.body),
      negative: compileAll(m?.negative),
      columns: m?.columns ?? [],
      publishers: m?.publishers ?? [],
      groups: compileCues(m?.groups),
      elementCues: new Map([...sharedCues, ...compileCues(m?.elements)]),
      elementKeys: [
        ...new Set(
          item.rows.flatMap((r) => r.elements.flatMap((e) => (e.parts.length > 0 ? e.parts : [e.name]))),
        ),
      ],
      subjects: catalog.subjects.filter((s) => subjectNames.has(s.name)),
    };
  });
  return {
    catalogId: catalog.id,
    items,
    topic: (shared?.topic ?? []).map((t) => compilePhrase(t)),
    notDisclosure: compileAll(shared?.notDisclosure),
    otherSubjects: compileAll(shared?.otherSubjects),
    newsStyle: compileAll(shared?.newsStyle),
    disclosureForms: compileAll(shared?.disclosureForms),
    disclosureMarkers: compileAll(shared?.disclosureMarkers),
    newsColumns: shared?.newsColumns ?? [],
    interpretation: shared?.interpretation ?? [],
  };
}

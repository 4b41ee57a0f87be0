import type { ChannelName } from './channels.js';
import type { Catalog, Element, Item, ItemId, Row } from './schema.js';
import { type DueRule, formatDueRule } from './time-rule.js';

/** Finds an item by id (`funds.allocation`), number (`6`) or Chinese name (`财政专项扶贫资金分配结果`). */
export function findItem(catalog: Catalog, ref: string): Item | undefined {
  const wanted = ref.trim();
  return catalog.items.find(
    (item) => item.id === wanted || String(item.no) === wanted || item.name === wanted,
  );
}

/** The due rules of an item's rows, without repeats (item 10's two rows share one). */
export function itemDueRules(item: Item): DueRule[] {
  const seen = new Map<string, DueRule>();
  for (const row of item.rows) seen.set(formatDueRule(row.time.due), row.time.due);
  return [...seen.values()];
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** One item as `gongkai catalog --json` lists it: the rows folded together, the rows kept too. */
export interface ItemSummary {
  id: ItemId;
  no: number;
  category: string;
  name: string;
  rule: string;
  ruleText: string;
  channels: ChannelName[];
  subjects: string[];
  levels: string[];
  elements: Element[];
  rows: {
    id: string;
    content?: string;
    rule: string;
    ruleText: string;
    channels: ChannelName[];
    subjects: string[];
    levels: string[];
    basis: string[];
    elements: Element[];
  }[];
}

/** The catalog as a list of items with their rules, channels, subjects and elements. */
export function summarizeCatalog(catalog: Catalog): {
  id: string;
  name: string;
  version: string;
  items: ItemSummary[];
} {
  const categoryName = new Map(catalog.categories.map((c) => [c.id, c.name]));
  const items = [...catalog.items]
    .sort((a, b) => a.no - b.no)
    .map((item) => summarizeItem(item, categoryName));
  return { id: catalog.id, name: catalog.name, version: catalog.version, items };
}

function summarizeItem(item: Item, categoryName: Map<string, string>): ItemSummary {
  const elements = new Map<string, Element>();
  for (const row of item.rows)
    for (const e of row.elements) if (!elements.has(e.name)) elements.set(e.name, e);
  return {
    id: item.id,
    no: item.no,
    category: categoryName.get(item.category) ?? item.category,
    name: item.name,
    rule: itemDueRules(item).map(formatDueRule).join('; '),
    ruleText: unique(item.rows.map((r) => r.time.text)).join('；'),
    channels: unique(item.rows.flatMap((r) => r.channels)),
    subjects: unique(item.rows.flatMap((r) => r.subjects)),
    levels: unique(item.rows.flatMap((r) => r.levels)),
    elements: [...elements.values()],
    rows: item.rows.map(summarizeRow),
  };
}

function summarizeRow(row: Row): ItemSummary['rows'][number] {
  return {
    id: row.id,
    ...(row.content ? { content: row.content } : {}),
    rule: formatDueRule(row.time.due),
    ruleText: row.time.text,
    channels: row.channels,
    subjects: row.subjects,
    levels: row.levels,
    basis: row.basis,
    elements: row.elements,
  };
}

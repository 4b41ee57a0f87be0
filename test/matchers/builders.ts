import path from 'node:path';
import { type Catalog, loadCalendar, loadCatalog, type WorkingCalendar } from '../../src/catalog/index.js';
import type { PostBlock, PostDocument, PostHeader } from '../../src/matchers/index.js';

const DATA = path.resolve(import.meta.dirname, '..', '..', 'data');

/** The 2020 catalog, its 2021 variant, and the national calendar with the district file. */
export const catalog2020: Catalog = loadCatalog('shifanqu-2020', { dir: path.join(DATA, 'catalog') }).catalog;
export const catalog2021: Catalog = loadCatalog('shifanqu-2021-xczx', {
  dir: path.join(DATA, 'catalog'),
}).catalog;
export const calendar: WorkingCalendar = loadCalendar(path.join(DATA, 'calendar', 'district.yaml'));

/** Blocks from text: each line a paragraph, tab-separated runs of lines a table. */
function blocksOf(text: string): PostBlock[] {
  const blocks: PostBlock[] = [];
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      const last = blocks.at(-1);
      const row = line.split('\t');
      if (last?.kind === 'table') last.rows.push(row);
      else blocks.push({ kind: 'table', rows: [row] });
    } else if (line.trim()) blocks.push({ kind: 'paragraph', text: line.trim() });
  }
  return blocks;
}

/** A post with only the fields a test cares about; the body's lines become its paragraphs and tables. */
export function aPost(
  overrides: Partial<Omit<PostDocument, 'header'>> & { header?: Partial<PostHeader> } = {},
): PostDocument {
  const text = overrides.text ?? '';
  const { header, ...rest } = overrides;
  return {
    title: '',
    text,
    blocks: blocksOf(text),
    meta: {},
    attachments: [],
    ...rest,
    header: { labels: {}, ambiguous: [], ...header },
  };
}

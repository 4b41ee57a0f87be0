import type { Element } from 'domhandler';
import { BLOCK_TAGS, cleanText, isElement, isSkipped, textOf, walk } from './dom.js';

/** A paragraph of body text, or a data table as rows of cell strings. */
export type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][] };

const MAX_ROWS = 10_000;
const MAX_COLS = 100;
const MAX_COLSPAN = 50;
const MAX_ROWSPAN = 1_000;
const MAX_CELL_CHARS = 2_000;

const isHidden = (el: Element) =>
  'hidden' in el.attribs || /display\s*:\s*none/i.test(el.attribs.style ?? '');
const childElements = (el: Element) => el.children.filter(isElement);
const span = (value: string | undefined, max: number) =>
  Math.min(Math.max(Number.parseInt(value ?? '1', 10) || 1, 1), max);

function rowElements(table: Element): Element[] {
  return childElements(table).flatMap((child) =>
    child.name === 'tr'
      ? [child]
      : ['thead', 'tbody', 'tfoot'].includes(child.name)
        ? childElements(child)
        : [],
  );
}

/** The table as a grid; a spanned cell's text fills every position it covers. */
export function tableRows(table: Element): string[][] {
  const grid: string[][] = [];
  const carried: Array<{ text: string; rowsLeft: number } | undefined> = [];
  for (const tr of rowElements(table).filter((r) => r.name === 'tr')) {
    if (grid.length >= MAX_ROWS) break;
    const row: string[] = [];
    let col = 0;
    const fillCarried = () => {
      for (let c = carried[col]; c && c.rowsLeft > 0 && col < MAX_COLS; c = carried[col]) {
        row[col] = c.text;
        c.rowsLeft--;
        col++;
      }
    };
    for (const cell of childElements(tr).filter((c) => c.name === 'td' || c.name === 'th')) {
      fillCarried();
      const text = textOf(cell, MAX_CELL_CHARS);
      const rowspan = span(cell.attribs.rowspan, MAX_ROWSPAN);
      for (let k = span(cell.attribs.colspan, MAX_COLSPAN); k > 0 && col < MAX_COLS; k--, col++) {
        row[col] = text;
        carried[col] = rowspan > 1 ? { text, rowsLeft: rowspan - 1 } : undefined;
      }
    }
    for (; col < carried.length; col++) {
      const c = carried[col];
      if (c && c.rowsLeft > 0) {
        row[col] = c.text;
        c.rowsLeft--;
      }
    }
    const filled = Array.from(row, (cell) => cell ?? '');
    if (filled.some((cell) => cell !== '')) grid.push(filled);
  }
  return grid;
}

/** Tables holding other tables lay out a page; the innermost ones may hold data. */
function tablesWithTables(root: Element): Set<Element> {
  const nesting = new Set<Element>();
  walk(root, {
    exit: (el) => {
      const parent = el.parent as Element | null;
      if (parent && el !== root && (el.name === 'table' || nesting.has(el))) nesting.add(parent);
    },
  });
  return nesting;
}

function dataTable(table: Element, nesting: Set<Element>): string[][] | undefined {
  if (nesting.has(table)) return undefined;
  const rows = tableRows(table);
  return rows.length >= 2 && rows.some((r) => r.length >= 2) ? rows : undefined;
}

/** The body as paragraphs and data tables in reading order; layout tables count as paragraphs. */
export function blocksOf(root: Element, maxChars = 2_000_000): Block[] {
  const blocks: Block[] = [];
  const nesting = tablesWithTables(root);
  let buffer: string[] = [];
  let chars = 0;
  const flush = () => {
    const text = cleanText(buffer.join(''));
    buffer = [];
    if (text && chars < maxChars) {
      blocks.push({ kind: 'paragraph', text });
      chars += text.length;
    }
  };
  walk(root, {
    enter: (el) => {
      if (chars >= maxChars || isSkipped(el) || (el !== root && isHidden(el))) return false;
      if (el.name === 'table') {
        const rows = dataTable(el, nesting);
        if (rows) {
          flush();
          blocks.push({ kind: 'table', rows });
          chars += rows.reduce((n, r) => n + r.join('').length, 0);
          return false;
        }
      }
      if (BLOCK_TAGS.has(el.name)) flush();
      return undefined;
    },
    exit: (el) => {
      if (BLOCK_TAGS.has(el.name)) flush();
    },
    text: (text) => {
      buffer.push(text);
    },
  });
  flush();
  return blocks;
}

/** Plain text of blocks: one paragraph per line, table rows as tab-separated lines. */
export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.join('\t')).join('\n')))
    .join('\n');
}

import type { Element } from 'domhandler';
import { findChrome } from './chrome.js';
import { cleanText, type HtmlDoc, isSkipped, parseHtml, walk } from './dom.js';
import { acceptValue, HEADER_CONCEPTS, type HeaderConcept, LABELS } from './header-labels.js';

/** The 信息公开 header block: raw strings per concept, the label each came from, and which are ambiguous. */
export type HeaderBlock = Partial<Record<HeaderConcept, string>> & {
  labels: Partial<Record<HeaderConcept, string>>;
  ambiguous: HeaderConcept[];
};

/** Elements that end a header cell; inline ones (span, label, a, font) only separate words. */
const CELL_TAGS = new Set(
  'p div td th tr table tbody thead li ul ol dl dt dd br h1 h2 h3 h4 h5 h6 section article header footer hr form'.split(
    ' ',
  ),
);
const MAX_TOKEN_CHARS = 500;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LABEL_SOURCE = [...LABELS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((label) => [...label].map(escapeRegExp).join('\\s*'))
  .join('|');
/** A known label not inside a longer word (信息来源 is matched whole, 资金来源 not at all), then its colon. */
const LABEL_WITH_COLON = new RegExp(`(?<![\\u4e00-\\u9fa5A-Za-z])(?:${LABEL_SOURCE})\\s*[:：]`, 'g');
/** Any short label after a separator (浏览次数：, 字号：) ends the value before it. */
const OTHER_LABEL = /(?<=[\s|｜丨【[])[\u4e00-\u9fa5][^\s:：|｜丨]{0,7}\s*[:：]/g;

interface Hit {
  start: number;
  end: number;
  label: string;
}

function tokensOf(doc: HtmlDoc, chrome: Set<Element>): string[] {
  const tokens: string[] = [];
  let buffer: string[] = [];
  const flush = () => {
    const token = buffer
      .join('')
      .replace(/[\s\u00a0\u3000\ufeff]+/g, ' ')
      .trim();
    buffer = [];
    if (token && token.length <= MAX_TOKEN_CHARS) tokens.push(token);
  };
  walk(doc.root, {
    enter: (el) => {
      if (isSkipped(el) || chrome.has(el) || el.name === 'head') return false;
      if (CELL_TAGS.has(el.name)) flush();
      else buffer.push(' ');
      return undefined;
    },
    exit: (el) => (CELL_TAGS.has(el.name) ? flush() : buffer.push(' ')),
    text: (text) => buffer.push(text),
  });
  flush();
  return tokens;
}

const labelOf = (matched: string) => matched.replace(/[\s:：]/g, '');

function hitsIn(token: string): Hit[] {
  return [...token.matchAll(LABEL_WITH_COLON)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    label: labelOf(m[0]),
  }));
}

function cleanValue(raw: string): string {
  return cleanText(raw.replace(/^[\s:：]+/, '').replace(/[\s|｜丨【[(（]+$/, ''));
}

class HeaderCollector {
  readonly block: HeaderBlock = { labels: {}, ambiguous: [] };
  private readonly ranks = new Map<HeaderConcept, number>();

  record(label: string, raw: string): void {
    const known = LABELS.get(label);
    if (!known) return;
    const { concept, rank } = known;
    const value = acceptValue(concept, label, cleanValue(raw));
    if (value === undefined || rank >= (this.ranks.get(concept) ?? Number.POSITIVE_INFINITY)) return;
    this.ranks.set(concept, rank);
    this.block[concept] = value;
    this.block.labels[concept] = label;
    const ambiguous = HEADER_CONCEPTS[concept].ambiguous?.includes(label) ?? false;
    this.block.ambiguous = this.block.ambiguous
      .filter((c) => c !== concept)
      .concat(ambiguous ? [concept] : []);
  }
}

/**
 * Reads label–value pairs from the page's cells in order: `label：value`, or a label cell then its value cell.
 * `chrome` is the page's navigation, header and footer when the caller has found them already.
 */
export function headerBlockOf(doc: HtmlDoc, chrome: Set<Element> = findChrome(doc)): HeaderBlock {
  const collector = new HeaderCollector();
  let pending: string | undefined;
  for (const token of tokensOf(doc, chrome)) {
    const hits = hitsIn(token);
    const bare =
      LABELS.has(labelOf(token)) && /^[\u4e00-\u9fa5\s]+[:：]?$/.test(token) ? labelOf(token) : undefined;
    if (pending && hits[0]?.start !== 0 && !bare) collector.record(pending, token.slice(0, hits[0]?.start));
    pending = bare;
    if (hits.length === 0) continue;
    const stops = [...hits.map((h) => h.start), ...[...token.matchAll(OTHER_LABEL)].map((m) => m.index)];
    for (const hit of hits) {
      const end = Math.min(...stops.filter((s) => s >= hit.end), token.length);
      const raw = token.slice(hit.end, end);
      if (cleanValue(raw)) collector.record(hit.label, raw);
      else if (end === token.length) pending = hit.label;
    }
  }
  return collector.block;
}

/** Parses the 信息公开 header block (索引号, 发布机构, 成文日期, 文号 …) and the one-line `发布时间：… 来源：…` form. */
export function parseHeaderBlock(html: string, url?: string): HeaderBlock {
  return headerBlockOf(parseHtml(html, url));
}

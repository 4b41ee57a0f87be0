import type { CheerioAPI } from 'cheerio';
import * as cheerio from 'cheerio';
import { compile, selectAll as cssSelectAll } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { isElement, walk } from './dom-walk.js';
import { limitNesting } from './nesting-limit.js';
import { capDepth, MAX_PARSE_DEPTH } from './tree-depth.js';

export { isElement, type Visitor, walk } from './dom-walk.js';

/** Longer input is cut here, so every extractor's work stays bounded. */
export const MAX_HTML_CHARS = 5_000_000;

/** A parsed page: the cheerio document plus the URL its relative links resolve against. */
export interface HtmlDoc {
  readonly $: CheerioAPI;
  readonly root: AnyNode;
  readonly html: string;
  readonly url: string | undefined;
  readonly baseUrl: string | undefined;
  readonly truncated: boolean;
}

/** Elements whose content is never text of the page. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'textarea', 'select', 'svg']);

export function parseHtml(html: string, url?: string): HtmlDoc {
  const truncated = html.length > MAX_HTML_CHARS;
  const text = truncated ? html.slice(0, MAX_HTML_CHARS) : html;
  const $ = cheerio.load(limitNesting(text, MAX_PARSE_DEPTH), { xml: { xmlMode: false } });
  const root = $.root().get(0) as AnyNode;
  capDepth(root);
  const pageUrl = resolveUrl(url, undefined);
  const doc = { $, root, html: text, url: pageUrl, baseUrl: pageUrl, truncated };
  const base = queryAll(doc, 'base[href]')[0]?.attribs.href;
  return { ...doc, baseUrl: resolveUrl(base, pageUrl) ?? pageUrl };
}

/** The absolute http(s) URL of `href` against `base`, or undefined for script, mail and broken links. */
export function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  const value = href?.trim();
  if (!value || value.startsWith('#') || /^(javascript|mailto|tel|data|about):/i.test(value))
    return undefined;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

export function isSkipped(el: Element): boolean {
  return SKIPPED.has(el.name);
}

/** Collapses runs of white space to one space: for attribute values, where spaces were typed on purpose. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u3000\ufeff]+/g, ' ').trim();
}

/** Collapses runs of white space (including 全角 and no-break spaces) and drops it between CJK characters. */
export function cleanText(text: string): string {
  return text
    .replace(/[\s\u00a0\u3000\ufeff]+/g, ' ')
    .replace(
      /([\u2e80-\u9fff\uff00-\uffef，。、；：！？）」』】])\s(?=[\u2e80-\u9fff\uff00-\uffef（「『【])/g,
      '$1',
    )
    .trim();
}

/** Tags after which text continues on a new line. */
export const BLOCK_TAGS = new Set(
  'p div br li ul ol dl dt dd tr td th table tbody thead tfoot h1 h2 h3 h4 h5 h6 section article header footer main aside nav blockquote pre center hr form address figure figcaption'.split(
    ' ',
  ),
);

/** The visible text of a subtree, without scripts and styles, cut at `maxChars`. */
export function textOf(
  root: AnyNode,
  maxChars = 100_000,
  skip?: (el: Element) => boolean,
  maxNodes = Number.POSITIVE_INFINITY,
): string {
  const parts: string[] = [];
  let length = 0;
  walk(
    root,
    {
      enter: (el) => {
        if (length >= maxChars || isSkipped(el) || skip?.(el)) return false;
        if (BLOCK_TAGS.has(el.name)) parts.push('\n');
        return undefined;
      },
      text: (text) => {
        if (length >= maxChars) return;
        parts.push(text);
        length += text.length;
      },
    },
    maxNodes,
  );
  return cleanText(parts.join('').slice(0, maxChars));
}

/** The text of every script element, in document order. */
export function scriptTexts(doc: HtmlDoc): string[] {
  return queryAll(doc, 'script')
    .map((el) => el.children.map((c) => ('data' in c ? String(c.data) : '')).join(''))
    .filter((text) => text.length > 0);
}

// Parsing and compiling a selector costs more than running it on a page, so each is compiled once.
type Compiled = ReturnType<typeof compile<AnyNode, Element>> | 'cheerio';
const compiled = new Map<string, Compiled>();

function compiledQuery(selector: string): Compiled {
  let query = compiled.get(selector);
  if (query === undefined) {
    try {
      query = compile<AnyNode, Element>(selector);
    } catch {
      // jQuery's positional filters (:first, :eq(1) …) are cheerio's own.
      query = 'cheerio';
    }
    compiled.set(selector, query);
  }
  return query;
}

/** The elements under `root` (default: the whole page) matching `selector`, in document order; throws when invalid. */
export function queryAll(doc: HtmlDoc, selector: string, root: AnyNode = doc.root): Element[] {
  const query = compiledQuery(selector);
  if (query === 'cheerio') return doc.$(root).find(selector).toArray().filter(isElement);
  // One node, not its children: css-select checks an array for nested members, in quadratic time.
  return cssSelectAll(query, root).filter(isElement);
}

/** The elements matching `selector`, or undefined when the selector is invalid. */
export function selectAll(doc: HtmlDoc, selector: string): Element[] | undefined {
  try {
    return queryAll(doc, selector);
  } catch {
    return undefined;
  }
}

/** The element's class and id tokens, lower-cased. */
export function nameTokens(el: Element): string[] {
  const text = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.toLowerCase();
  return text.split(/\s+/).filter((t) => t.length > 0);
}

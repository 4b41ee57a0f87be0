import type { CheerioAPI } from 'cheerio';
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { limitNesting } from './nesting-limit.js';

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

/** Deeper elements are flattened into their ancestor at this depth: selector engines slow down with depth. */
const MAX_DEPTH = 150;
/** Opening tags nested deeper than this are dropped before parsing (see `limitNesting`). */
const MAX_PARSE_DEPTH = 400;

/** Subtrees this shallow stay whole when flattened, so a link keeps its text and a list item its date. */
const KEPT_HEIGHT = 4;

function heightsBelow(el: Element): Map<Element, number> {
  const heights = new Map<Element, number>();
  const stack: number[] = [0];
  walk(el, {
    enter: () => {
      stack.push(0);
      return undefined;
    },
    exit: (node) => {
      const height = (stack.pop() ?? 0) + 1;
      heights.set(node, height);
      stack[stack.length - 1] = Math.max(stack[stack.length - 1] ?? 0, height);
    },
  });
  return heights;
}

/** Hoists the deep descendants of `el` to be its children, in document order; shallow subtrees stay whole. */
function flatten(el: Element): void {
  const heights = heightsBelow(el);
  const flat: AnyNode[] = [];
  const pending = [...el.children].reverse();
  for (let node = pending.pop(); node; node = pending.pop()) {
    flat.push(node);
    if (isElement(node) && (heights.get(node) ?? 0) > KEPT_HEIGHT) {
      for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i] as AnyNode);
      node.children = [];
    }
  }
  flat.forEach((node, i) => {
    node.parent = el;
    node.prev = (flat[i - 1] as Element | undefined) ?? null;
    node.next = (flat[i + 1] as Element | undefined) ?? null;
  });
  el.children = flat as Element[];
}

/** Bounds the tree's depth, so no page can make selector matching quadratic. */
function capDepth(root: AnyNode): void {
  const stack: Array<[AnyNode, number]> = [[root, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    if (depth >= MAX_DEPTH && isElement(node)) flatten(node);
    else
      for (const child of (node as Element).children ?? [])
        if (isElement(child)) stack.push([child, depth + 1]);
  }
}

export function parseHtml(html: string, url?: string): HtmlDoc {
  const truncated = html.length > MAX_HTML_CHARS;
  const text = truncated ? html.slice(0, MAX_HTML_CHARS) : html;
  const $ = cheerio.load(limitNesting(text, MAX_PARSE_DEPTH), { xml: { xmlMode: false } });
  capDepth($.root().get(0) as AnyNode);
  const pageUrl = absoluteUrl(url);
  const baseUrl = resolveUrl($('base[href]').first().attr('href'), pageUrl) ?? pageUrl;
  return { $, root: $.root().get(0) as AnyNode, html: text, url: pageUrl, baseUrl, truncated };
}

function absoluteUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
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

export function isElement(node: AnyNode): node is Element {
  const kind = node.type as string;
  return kind === 'tag' || kind === 'script' || kind === 'style';
}

export function isSkipped(el: Element): boolean {
  return SKIPPED.has(el.name);
}

/** Callbacks of `walk`; `enter` returning false skips the element's children (and its `exit`). */
export interface Visitor {
  enter?(el: Element): boolean | undefined;
  exit?(el: Element): void;
  text?(text: string, parent: Element | null): void;
}

/** Visits the tree in document order without recursion (100,000 nested tags cannot overflow the stack), at most `maxNodes` nodes; false when it stopped there. */
export function walk(root: AnyNode, visitor: Visitor, maxNodes = Number.POSITIVE_INFINITY): boolean {
  // One frame per open element with the index of its next child, so a node with 100,000 children costs nothing up front.
  const frames: Array<{ node: AnyNode; next: number }> = [];
  let visited = 0;
  const visit = (node: AnyNode): void => {
    const kind = node.type as string;
    if (kind === 'text') visitor.text?.((node as { data: string }).data, node.parent as Element | null);
    else if (isElement(node) ? visitor.enter?.(node) !== false : kind === 'root')
      frames.push({ node, next: 0 });
  };
  visit(root);
  for (let frame = frames.at(-1); frame; frame = frames.at(-1)) {
    const child = (frame.node as Element).children[frame.next++];
    if (child === undefined) {
      frames.pop();
      if (isElement(frame.node)) visitor.exit?.(frame.node);
    } else if (++visited > maxNodes) {
      return false;
    } else {
      visit(child);
    }
  }
  return true;
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
  return doc
    .$('script')
    .toArray()
    .map((el) => el.children.map((c) => ('data' in c ? String(c.data) : '')).join(''))
    .filter((text) => text.length > 0);
}

/** The elements matching `selector`, or undefined when the selector is invalid. */
export function selectAll(doc: HtmlDoc, selector: string): Element[] | undefined {
  try {
    return doc.$(selector).toArray().filter(isElement);
  } catch {
    return undefined;
  }
}

/** The element's class and id tokens, lower-cased. */
export function nameTokens(el: Element): string[] {
  const text = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.toLowerCase();
  return text.split(/\s+/).filter((t) => t.length > 0);
}

import type { Element } from 'domhandler';
import type { CmsFamily } from './cms-profile.js';
import { CMS_PROFILES, profileOf } from './cms-profiles.js';
import { type HtmlDoc, isSkipped, queryAll, selectAll, walk } from './dom.js';

/** How the body container was chosen. */
export type BodySource = 'known-container' | 'density' | 'page';

/** Visible characters (white space excluded) under an element, and how many of them are link text. */
export interface TextMeasure {
  chars: number;
  linkChars: number;
}

const CANDIDATE_TAGS = new Set(['div', 'td', 'article', 'section', 'main', 'font', 'center', 'form', 'li']);
const MIN_TEXT_NODE = 10;
const MAX_CLIMB = 6;

const visibleLength = (text: string) => text.replace(/[\s\u00a0\u3000\ufeff]/g, '').length;

/** Text and link-text lengths of every element, computed bottom-up in one pass. */
export function measureText(root: Element): Map<Element, TextMeasure> {
  const sizes = new Map<Element, TextMeasure>();
  const stack: TextMeasure[] = [{ chars: 0, linkChars: 0 }];
  let inLink = 0;
  walk(root, {
    enter: (el) => {
      if (isSkipped(el)) return false;
      if (el.name === 'a') inLink++;
      stack.push({ chars: 0, linkChars: 0 });
      return undefined;
    },
    exit: (el) => {
      if (el.name === 'a') inLink--;
      const own = stack.pop() ?? { chars: 0, linkChars: 0 };
      sizes.set(el, own);
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.chars += own.chars;
        parent.linkChars += own.linkChars;
      }
    },
    text: (text) => {
      const top = stack[stack.length - 1];
      if (!top) return;
      const n = visibleLength(text);
      top.chars += n;
      if (inLink > 0) top.linkChars += n;
    },
  });
  return sizes;
}

/** A picture post (WeChat often) has a body of images and hardly any text. */
function hasImage(doc: HtmlDoc, el: Element, size: TextMeasure): boolean {
  return size.linkChars === 0 && queryAll(doc, 'img', el).length > 0;
}

function selectorOrder(family: CmsFamily | undefined): string[] {
  const first = family ? (profileOf(family)?.bodySelectors ?? []) : [];
  return [...new Set([...first, ...CMS_PROFILES.flatMap((p) => p.bodySelectors)])];
}

function knownContainer(
  doc: HtmlDoc,
  family: CmsFamily | undefined,
  sizes: Map<Element, TextMeasure>,
  chrome: Set<Element>,
) {
  for (const selector of selectorOrder(family)) {
    const best = (selectAll(doc, selector) ?? [])
      .filter((el) => !chrome.has(el))
      .map((el) => ({ el, size: sizes.get(el) ?? { chars: 0, linkChars: 0 } }))
      .filter(
        ({ el, size }) => (size.chars >= 10 && size.linkChars < size.chars / 2) || hasImage(doc, el, size),
      )
      .sort((a, b) => b.size.chars - a.size.chars)[0];
    if (best) return best.el;
  }
  return undefined;
}

function candidateAbove(el: Element | null): Element | undefined {
  let node = el;
  for (let i = 0; node && i < MAX_CLIMB; i++, node = node.parent as Element | null) {
    if ((node.type as string) !== 'root' && CANDIDATE_TAGS.has(node.name)) return node;
  }
  return undefined;
}

/** Readability-style: each text run scores its nearest block and half of it the block above; link-heavy blocks lose. */
function densestContainer(
  body: Element,
  sizes: Map<Element, TextMeasure>,
  chrome: Set<Element>,
): Element | undefined {
  const scores = new Map<Element, number>();
  let inLink = 0;
  walk(body, {
    enter: (el) => {
      if (isSkipped(el) || chrome.has(el)) return false;
      if (el.name === 'a') inLink++;
      return undefined;
    },
    exit: (el) => {
      if (el.name === 'a') inLink--;
    },
    text: (text, parent) => {
      const length = visibleLength(text);
      if (inLink > 0 || length < MIN_TEXT_NODE) return;
      const block = candidateAbove(parent);
      if (!block) return;
      scores.set(block, (scores.get(block) ?? 0) + length);
      const above = candidateAbove(block.parent as Element | null);
      if (above) scores.set(above, (scores.get(above) ?? 0) + length / 2);
    },
  });
  let best: Element | undefined;
  let bestScore = 0;
  for (const [el, score] of scores) {
    const size = sizes.get(el);
    const weighted = size && size.chars > 0 ? score * (1 - size.linkChars / size.chars) : 0;
    if (weighted > bestScore) [best, bestScore] = [el, weighted];
  }
  return best;
}

/** The element holding the article body: a known CMS container, else the densest text block, else `<body>`. */
export function findBodyContainer(
  doc: HtmlDoc,
  family: CmsFamily | undefined,
  chrome: Set<Element>,
): { el: Element; source: BodySource; sizes: Map<Element, TextMeasure> } {
  const body = (queryAll(doc, 'body')[0] ?? doc.root) as Element;
  const sizes = measureText(body);
  const known = knownContainer(doc, family, sizes, chrome);
  if (known) return { el: known, source: 'known-container', sizes };
  const dense = densestContainer(body, sizes, chrome);
  return dense ? { el: dense, source: 'density', sizes } : { el: body, source: 'page', sizes };
}

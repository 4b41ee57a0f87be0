import type { Element } from 'domhandler';
import { CMS_PROFILES } from './cms-profiles.js';
import { dayOf, findMonthDay, findNumericDate } from './dates.js';
import {
  cleanText,
  collapseSpace,
  type HtmlDoc,
  isElement,
  parseHtml,
  queryAll,
  resolveUrl,
  textOf,
  walk,
} from './dom.js';
import { classifyUrl } from './url-patterns.js';

/** One article link of a list page, with the date printed next to it when there is one. */
export interface ListLink {
  url: string;
  title: string;
  /** `YYYY-MM-DD`; a `[05-12]` without a year takes the year of the URL's date hint, else stays unset. */
  listDate?: string;
  /** The date as printed on the list. */
  listDateText?: string;
}

/** An anchor of the page; `host` is the element of the page it stands at (its own, or a datastore script). */
export interface Anchor {
  a: Element;
  host: Element;
  baseUrl: string | undefined;
}

/** A list link and what made it one. */
export interface Candidate {
  anchor: Anchor;
  link: ListLink;
  dated: boolean;
  patterned: boolean;
}

const ITEM_TAGS = new Set(['li', 'tr', 'dd', 'dt', 'p']);
const ITEM_NODE_BUDGET = 400;
const MAX_ITEM_ANCHORS = 3;
const NAV_TEXT = /^(首页|上一?页|下一?页|尾页|末页|更多|more|返回|打印|关闭|查看更多|\d+|[<>«»‹›]+)$/i;
const DATE_ONLY =
  /^[\s[【(（]*(?:\d{4}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[\s\]】)）]*$/;

/** Anchors in page order, including those inside CMS datastores (Hanweb `<record>` CDATA). */
export function anchorsOf(doc: HtmlDoc): Anchor[] {
  const fragments = new Map<Element, Anchor[]>();
  for (const profile of CMS_PROFILES) {
    for (const fragment of profile.listFragments?.(doc) ?? []) {
      const part = parseHtml(fragment.html, doc.baseUrl);
      const found = queryAll(part, 'a[href]');
      const list = fragments.get(fragment.host) ?? [];
      for (const a of found) list.push({ a, host: fragment.host, baseUrl: doc.baseUrl });
      fragments.set(fragment.host, list);
    }
  }
  const anchors: Anchor[] = [];
  walk(doc.root, {
    enter: (el) => {
      if (el.name === 'a' && el.attribs.href !== undefined)
        anchors.push({ a: el, host: el, baseUrl: doc.baseUrl });
      const inFragment = fragments.get(el);
      for (const anchor of inFragment ?? []) anchors.push(anchor);
      return undefined;
    },
  });
  return anchors;
}

/** The list item (li, tr, dd, p) holding the anchor, unless it is too big to be one item. */
function itemOf(a: Element): Element | undefined {
  let node = a.parent as Element | null;
  for (let i = 0; node && isElement(node) && i < 3; i++, node = node.parent as Element | null) {
    if (!ITEM_TAGS.has(node.name)) continue;
    let anchors = 0;
    const whole = walk(
      node,
      {
        enter: (el) => {
          if (el.name === 'a') anchors++;
          return undefined;
        },
      },
      ITEM_NODE_BUDGET,
    );
    return whole && anchors <= MAX_ITEM_ANCHORS ? node : undefined;
  }
  return undefined;
}

/** Text printed next to the anchor: the rest of its item, else its siblings up to the next link. */
function textBeside(a: Element): string {
  const item = itemOf(a);
  if (item) return textOf(item, 200, (el) => el === a, ITEM_NODE_BUDGET);
  const parts: string[] = [];
  let node = a.next;
  for (let i = 0; node && i < 4; i++, node = node.next) {
    if (isElement(node) && (node.name === 'a' || node.name === 'br' || node.name === 'li')) break;
    parts.push(textOf(node, 60, undefined, 50));
  }
  return cleanText(parts.join(' '));
}

const isDateOnly = (el: Element) => DATE_ONLY.test(textOf(el, 40, undefined, 20));

function titleOf(a: Element): string {
  const text = textOf(a, 500, (el) => el !== a && isDateOnly(el), 200).replace(/\s*(\.{3}|…+)$/, '');
  const attr = collapseSpace(a.attribs.title ?? '');
  return attr.length > text.length && !/^https?:/.test(attr) ? attr : text;
}

function dateOf(a: Element, url: string): { iso?: string; text: string } | undefined {
  const beside = textBeside(a);
  const inside = [...a.children].filter(isElement).find(isDateOnly);
  const text = beside || (inside ? textOf(inside, 40) : '');
  const full = findNumericDate(text);
  if (full) return { iso: dayOf(full.iso), text: full.text };
  if (text.length > 24) return undefined;
  const year = Number(classifyUrl(url)?.dateHint?.slice(0, 4)) || undefined;
  return findMonthDay(text, year);
}

/** The anchor as a list link, or undefined for script links and navigation words. */
export function candidateOf(anchor: Anchor, articlePattern: RegExp | undefined): Candidate | undefined {
  const url = resolveUrl(anchor.a.attribs.href, anchor.baseUrl);
  if (!url) return undefined;
  const title = titleOf(anchor.a);
  if (title.length < 2 || NAV_TEXT.test(title)) return undefined;
  const patterned = articlePattern ? articlePattern.test(url) : classifyUrl(url)?.kind === 'article';
  const date = dateOf(anchor.a, url);
  const dated = date !== undefined && title.length >= 4;
  const link: ListLink = { url, title };
  if (date?.iso) link.listDate = date.iso;
  if (date) link.listDateText = date.text;
  return { anchor, link, dated, patterned };
}

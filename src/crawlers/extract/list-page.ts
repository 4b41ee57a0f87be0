import type { Element } from 'domhandler';
import { findChrome } from './chrome.js';
import { type HtmlDoc, parseHtml, queryAll, selectAll } from './dom.js';
import { hanwebPagingOf } from './hanweb-list.js';
import { type Anchor, anchorsOf, type Candidate, candidateOf, type ListLink } from './list-links.js';
import { mainListCandidates } from './list-region.js';
import { paginationOf } from './pagination.js';

/** Per-source overrides of the automatic list reading (registry keys of the same names). */
export interface ListOverrides {
  listSelector?: string;
  linkSelector?: string;
  nextSelector?: string;
  /** A regular expression (as a string) that article URLs match. */
  articlePattern?: string;
}

/** A list page read: its article links in page order and where the next pages are. */
export interface ListPage {
  links: ListLink[];
  nextPageUrls: string[];
  totalPages?: number;
  currentPage?: number;
  /** A Hanweb column's record total and `dataproxy.jsp` address, for the pages its script would load. */
  hanweb?: { totalRecords?: number; dataproxyUrl?: string };
  /** Overrides that could not be used (an invalid selector or pattern), in Chinese. */
  warnings: string[];
}

function compilePattern(pattern: string | undefined, warnings: string[]): RegExp | undefined {
  if (pattern === undefined) return undefined;
  try {
    return new RegExp(pattern);
  } catch {
    warnings.push(`articlePattern 不是有效的正则表达式：${pattern}`);
    return undefined;
  }
}

function selected(doc: HtmlDoc, selector: string | undefined, name: string, warnings: string[]) {
  if (selector === undefined) return undefined;
  const elements = selectAll(doc, selector);
  if (!elements) warnings.push(`${name} 无效：${selector}`);
  return elements;
}

const MAX_DEPTH = 500;

function isInside(el: Element, roots: Set<Element>): boolean {
  let node: Element | null = el;
  for (let i = 0; node && i < MAX_DEPTH; i++, node = node.parent as Element | null)
    if (roots.has(node)) return true;
  return false;
}

function chosenCandidates(doc: HtmlDoc, overrides: ListOverrides, warnings: string[]): Candidate[] {
  const pattern = compilePattern(overrides.articlePattern, warnings);
  const listRoots = selected(doc, overrides.listSelector, 'listSelector', warnings);
  const linkEls = selected(doc, overrides.linkSelector, 'linkSelector', warnings);
  let anchors: Anchor[] = anchorsOf(doc);
  if (linkEls) {
    const wanted = new Set(linkEls.flatMap((el) => (el.name === 'a' ? [el] : queryAll(doc, 'a[href]', el))));
    anchors = anchors.filter((anchor) => wanted.has(anchor.a));
  } else if (listRoots) {
    const roots = new Set(listRoots);
    anchors = anchors.filter((anchor) => isInside(anchor.host, roots));
  } else {
    const chrome = findChrome(doc);
    anchors = anchors.filter((anchor) => !chrome.has(anchor.host));
  }
  const candidates = anchors.flatMap((anchor) => candidateOf(anchor, pattern) ?? []);
  if (linkEls) return candidates;
  const relevant = candidates.filter((c) => c.patterned || (!pattern && c.dated));
  if (listRoots) return relevant;
  const folder = doc.url ? new URL('./', doc.url).href : undefined;
  return mainListCandidates(relevant, folder);
}

/** Finds the article links of a list page without per-site selectors (overrides win when given), and its next pages. */
export function extractListPage(html: string, url: string, overrides: ListOverrides = {}): ListPage {
  const doc = parseHtml(html, url);
  const warnings: string[] = [];
  const seen = new Set<string>();
  const links = chosenCandidates(doc, overrides, warnings)
    .map((c) => c.link)
    .filter((link) => !seen.has(link.url) && Boolean(seen.add(link.url)));
  const { warnings: pageWarnings, ...pagination } = paginationOf(doc, overrides.nextSelector);
  const hanweb = hanwebPagingOf(doc);
  return {
    links,
    ...pagination,
    ...(hanweb && Object.keys(hanweb).length > 0 ? { hanweb } : {}),
    warnings: [...warnings, ...pageWarnings],
  };
}

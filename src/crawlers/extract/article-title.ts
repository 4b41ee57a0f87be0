import type { Element } from 'domhandler';
import { cleanText, type HtmlDoc, queryAll, selectAll, textOf, walk } from './dom.js';
import type { PageMeta } from './meta-tags.js';

const HEADING_SELECTOR =
  'h1, h2, h3, .title, .article-title, .tit, .bt, #title, .detail-title, .news-title, [class*="title"], [id*="title"]';
const TITLE_SEPARATOR = /\s*(?:_|\||｜|--|\s-\s|\s—\s|——)\s*/;
const SITE_WORDS = /(人民政府|政府网|门户网站|网站|首页|官网)$/;

/** Document-order positions of all elements, so "nearest before the body" is one comparison. */
function positions(doc: HtmlDoc): Map<Element, number> {
  const order = new Map<Element, number>();
  walk(doc.root, {
    enter: (el) => {
      order.set(el, order.size);
      return undefined;
    },
  });
  return order;
}

/** `<title>` without the site or column name around it: `关于…的通知_示范区人民政府` → `关于…的通知`. */
export function titleTagText(doc: HtmlDoc, meta: PageMeta): string | undefined {
  const title = queryAll(doc, 'title')[0];
  const raw = cleanText(title ? doc.$(title).text() : '');
  if (!raw) return undefined;
  const site = new Set([meta.siteName, meta.columnName].filter(Boolean));
  const parts = raw.split(TITLE_SEPARATOR).filter((p) => p.length > 0);
  const kept = parts.filter((p) => !site.has(p) && !SITE_WORDS.test(p));
  const pool = kept.length > 0 ? kept : parts;
  return pool.reduce((a, b) => (b.length > a.length ? b : a), '') || undefined;
}

/** The heading nearest before (or at the top of) the body container, preferring one the `<title>` repeats. */
export function headingNear(
  doc: HtmlDoc,
  container: Element | undefined,
  chrome: Set<Element>,
  titleTag: string | undefined,
): string | undefined {
  const order = positions(doc);
  const anchor = container ? (order.get(container) ?? 0) : Number.POSITIVE_INFINITY;
  const candidates = (selectAll(doc, HEADING_SELECTOR) ?? [])
    .filter((el) => !chrome.has(el))
    .map((el) => ({ el, text: textOf(el, 400), at: order.get(el) ?? 0 }))
    .filter(({ text }) => text.length >= 4 && text.length <= 200)
    .map((c) => ({
      ...c,
      inTitle: titleTag !== undefined && (titleTag.includes(c.text) || c.text.includes(titleTag)),
      before: c.at <= anchor,
      strong: /^h[1-3]$/.test(c.el.name),
    }));
  const rank = (c: (typeof candidates)[number]) =>
    (c.inTitle ? 4 : 0) +
    (c.before ? 2 : 0) +
    (c.strong ? 1 : 0) -
    (Number.isFinite(anchor) ? Math.abs(anchor - c.at) : c.at) / 1e9;
  const best = candidates.reduce<(typeof candidates)[number] | undefined>(
    (a, b) => (a === undefined || rank(b) > rank(a) ? b : a),
    undefined,
  );
  return best?.text;
}

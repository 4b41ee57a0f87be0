import type { Element } from 'domhandler';
import type { Pagination } from './cms-profile.js';
import { CMS_PROFILES } from './cms-profiles.js';
import { type HtmlDoc, queryAll, resolveUrl, selectAll, textOf } from './dom.js';

const NEXT_TEXT = /^(下一?页|后一?页|下一頁|next(\s*page)?)?\s*[>›»]*$/i;
const INDEX_N = /\/([\w-]+?)_(\d{1,5})\.s?html?$/i;
const OWN_INDEX = /\/([\w-]+?)(?:_(\d{1,5}))?\.s?html?$/i;
const PAGE_PARAMS = ['page', 'pageNo', 'pageNum', 'pageIndex', 'curPage'];
const TOTAL_PAGES = /共\s*(?:<[^>]{0,80}>\s*){0,3}(\d{1,5})\s*(?:<[^>]{0,80}>\s*){0,3}页/;
const MAX_NUMBERED = 500;

/** The page number a URL carries: TRS-style `index_N` (N counted from 0) or a `page=N` query parameter. */
function pageNumberOf(url: string, listStem: string): { scheme: string; n: number } | undefined {
  const parsed = new URL(url);
  for (const key of PAGE_PARAMS) {
    const value = parsed.searchParams.get(key);
    if (value !== null && /^\d{1,5}$/.test(value)) return { scheme: `param:${key}`, n: Number(value) };
  }
  const m = INDEX_N.exec(parsed.pathname);
  if (m && m[1] === listStem) return { scheme: `index:${m[1]}`, n: Number(m[2]) };
  return undefined;
}

function ownPage(url: string | undefined, listStem: string, scheme: string): number {
  if (!url) return scheme.startsWith('param:') ? 1 : 0;
  const own = pageNumberOf(url, listStem);
  if (own?.scheme === scheme) return own.n;
  return scheme.startsWith('param:') ? 1 : 0;
}

/** Links to later pages by number (`index_3.html`, `?page=4`), nearest first. */
function numberedNext(doc: HtmlDoc, anchors: Element[]): string[] {
  const stem = (doc.url ? OWN_INDEX.exec(new URL(doc.url).pathname)?.[1] : undefined) ?? 'index';
  const found = new Map<string, number>();
  for (const a of anchors.slice(0, 20_000)) {
    const url = resolveUrl(a.attribs.href, doc.baseUrl);
    const page = url ? pageNumberOf(url, stem) : undefined;
    if (!url || !page || found.size >= MAX_NUMBERED) continue;
    if (page.n > ownPage(doc.url, stem, page.scheme)) found.set(url, page.n);
  }
  return [...found].sort((a, b) => a[1] - b[1]).map(([url]) => url);
}

function textNext(doc: HtmlDoc, anchors: Element[]): string[] {
  return anchors
    .filter((a) => {
      const text = textOf(a, 20, undefined, 20);
      return text.length > 0 && NEXT_TEXT.test(text);
    })
    .flatMap((a) => resolveUrl(a.attribs.href, doc.baseUrl) ?? []);
}

function selectedNext(doc: HtmlDoc, selector: string): string[] | undefined {
  const elements = selectAll(doc, selector);
  if (!elements) return undefined;
  return elements.flatMap((el) => {
    const a = el.name === 'a' ? el : queryAll(doc, 'a[href]', el)[0];
    return resolveUrl(a?.attribs.href, doc.baseUrl) ?? [];
  });
}

/** The following pages of a list: `nextSelector`, else 下一页 links, CMS script paging, numbered links. */
export function paginationOf(doc: HtmlDoc, nextSelector?: string): Pagination & { warnings: string[] } {
  const warnings: string[] = [];
  const anchors = queryAll(doc, 'a[href]');
  const cms = CMS_PROFILES.map((p) => p.paginate?.(doc)).find((p) => p !== undefined);
  let urls: string[];
  const selected = nextSelector === undefined ? undefined : selectedNext(doc, nextSelector);
  if (nextSelector !== undefined && selected === undefined)
    warnings.push(`nextSelector 无效：${nextSelector}`);
  if (selected) urls = selected;
  else urls = [...textNext(doc, anchors), ...(cms?.nextPageUrls ?? []), ...numberedNext(doc, anchors)];
  const own = doc.url;
  const nextPageUrls = [...new Set(urls)].filter((u) => u !== own);
  const stated = TOTAL_PAGES.exec(doc.html)?.[1];
  const totalPages = cms?.totalPages ?? (stated === undefined ? undefined : Number(stated));
  return {
    nextPageUrls,
    ...(totalPages ? { totalPages } : {}),
    ...(cms?.currentPage ? { currentPage: cms.currentPage } : {}),
    warnings,
  };
}

import { findNumericDate } from './dates.js';
import { cleanText, collapseSpace, type HtmlDoc, parseHtml, queryAll, resolveUrl } from './dom.js';

/** The standard government page `<meta>` tags (政府网站发展指引), read case-insensitively. */
export interface PageMeta {
  siteName?: string;
  siteDomain?: string;
  /** 政府网站标识码, only when it is `bm` + 8 digits or 10 digits. */
  siteIdCode?: string;
  columnName?: string;
  columnDescription?: string;
  columnKeywords?: string;
  columnType?: string[];
  title?: string;
  /** `PubDate` as ISO in China time: `2017-04-12T21:37+08:00`, or `YYYY-MM-DD` when it has no time. */
  pubDate?: string;
  source?: string;
  keywords?: string;
  author?: string;
  description?: string;
  image?: string;
  url?: string;
  canonical?: string;
  /** Tags present but unusable, with their raw content. */
  invalid?: { siteIdCode?: string; pubDate?: string };
}

type TextField = Exclude<keyof PageMeta, 'columnType' | 'pubDate' | 'siteIdCode' | 'invalid' | 'canonical'>;

const TEXT_TAGS: Record<string, TextField> = {
  sitename: 'siteName',
  sitedomain: 'siteDomain',
  columnname: 'columnName',
  columndescription: 'columnDescription',
  columnkeywords: 'columnKeywords',
  articletitle: 'title',
  contentsource: 'source',
  keywords: 'keywords',
  author: 'author',
  description: 'description',
  image: 'image',
  url: 'url',
};
const SITE_ID_CODE = /^(bm\d{8}|\d{10})$/;

/** True for a 政府网站标识码: `bm` + 8 digits (ministries) or 10 digits (local, 行政区划代码 prefix). */
export function isValidSiteIdCode(code: string): boolean {
  return SITE_ID_CODE.test(code);
}

/** Every `<meta name|property=… content=…>` of the page, keyed by lower-cased name; the first non-empty wins. */
export function readMetaMap(doc: HtmlDoc): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of queryAll(doc, 'meta')) {
    const name = (el.attribs.name ?? el.attribs.property ?? '').trim().toLowerCase();
    const content = collapseSpace(el.attribs.content ?? '');
    if (name && content && !map.has(name)) map.set(name, content);
  }
  return map;
}

function readCanonical(doc: HtmlDoc): string | undefined {
  const link = queryAll(doc, 'link[rel][href]').find((el) =>
    (el.attribs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  return resolveUrl(link?.attribs.href, doc.baseUrl);
}

/** The page metadata of a parsed page. */
export function pageMetaOf(doc: HtmlDoc): PageMeta {
  const tags = readMetaMap(doc);
  const meta: PageMeta = {};
  for (const [tag, field] of Object.entries(TEXT_TAGS)) {
    const value = tags.get(tag);
    if (value) meta[field] = value;
  }
  if (meta.url) meta.url = resolveUrl(meta.url, doc.baseUrl) ?? meta.url;
  const columnType = tags.get('columntype');
  if (columnType)
    meta.columnType = columnType
      .split(/[，,、;；]/)
      .map(cleanText)
      .filter(Boolean);
  const invalid: NonNullable<PageMeta['invalid']> = {};
  const code = tags.get('siteidcode');
  if (code && isValidSiteIdCode(code)) meta.siteIdCode = code;
  else if (code) invalid.siteIdCode = code;
  const pubDate = tags.get('pubdate');
  const iso = pubDate === undefined ? undefined : findNumericDate(pubDate)?.iso;
  if (iso) meta.pubDate = iso;
  else if (pubDate) invalid.pubDate = pubDate;
  const canonical = readCanonical(doc);
  if (canonical) meta.canonical = canonical;
  if (Object.keys(invalid).length > 0) meta.invalid = invalid;
  return meta;
}

/** Reads the standard `<meta>` tags (SiteName … PubDate, ContentSource) and `<link rel="canonical">`. */
export function extractPageMeta(html: string, url?: string): PageMeta {
  return pageMetaOf(parseHtml(html, url));
}

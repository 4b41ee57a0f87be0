import type { Element } from 'domhandler';
import { isRealDate } from './dates.js';
import type { HtmlDoc } from './dom.js';

/** The publishing system a URL or page comes from; `unknown` is a recognised URL shape of an unnamed CMS. */
export type CmsFamily = 'trs' | 'hanweb' | 'gkmlpt' | 'govcn' | 'wechat' | 'unknown';

/** What a URL is: an article page, a list page, or a list API returning data. */
export type UrlKind = 'article' | 'list' | 'list-api';

/** Facts read from a URL alone; `dateHint` is the `YYYY-MM-DD` the CMS wrote into the path. */
export interface UrlFacts {
  readonly family: CmsFamily;
  readonly kind: UrlKind;
  readonly id?: string;
  readonly column?: string;
  readonly site?: string;
  readonly page?: number;
  readonly dateHint?: string;
}

/** Where the following list pages are; `currentPage` and `totalPages` count from 1. */
export interface Pagination {
  readonly nextPageUrls: string[];
  readonly totalPages?: number;
  readonly currentPage?: number;
}

/** HTML embedded in a page outside its DOM (e.g. a Hanweb `<script type="text/xml">` datastore). */
export interface ListFragment {
  readonly host: Element;
  readonly html: string;
}

/** One CMS family's knowledge: URL shapes, body containers, page signature, list quirks. */
export interface CmsProfile {
  readonly family: CmsFamily;
  readonly bodySelectors: readonly string[];
  classifyUrl(url: URL): UrlFacts | undefined;
  recognisesPage(doc: HtmlDoc): boolean;
  listFragments?(doc: HtmlDoc): ListFragment[];
  paginate?(doc: HtmlDoc): Pagination | undefined;
}

/** `YYYY-MM-DD` from URL path parts, or undefined when they are no real date. */
export function dateHintOf(year: string, month: string, day: string): string | undefined {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (!isRealDate(y, m, d)) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

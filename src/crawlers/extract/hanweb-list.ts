import { type HtmlDoc, parseHtml, queryAll, resolveUrl, scriptTexts } from './dom.js';
import { type HanwebDatastore, readHanwebDatastore, readTotalRecords } from './hanweb-datastore.js';
import { candidateOf, type ListLink } from './list-links.js';

/** A Hanweb datastore read as a list: one link per record, the total, and the `dataproxy.jsp` address for more. */
export interface HanwebList {
  links: ListLink[];
  totalRecords?: number;
  /** The `dataproxy.jsp` URL with the column's parameters; POST it with `startrecord`/`endrecord`/`perpage`. */
  dataproxyUrl?: string;
}

function recordLink(html: string, baseUrl: string | undefined): ListLink | undefined {
  const part = parseHtml(html, baseUrl);
  const links = queryAll(part, 'a[href]').flatMap(
    (a) => candidateOf({ a, host: a, baseUrl: part.baseUrl }, undefined)?.link ?? [],
  );
  return links.reduce<ListLink | undefined>(
    (best, l) => (!best || l.title.length > best.title.length ? l : best),
    undefined,
  );
}

type HanwebPaging = Omit<HanwebList, 'links'>;

function pagingOf(store: HanwebDatastore, baseUrl: string | undefined): HanwebPaging {
  const dataproxyUrl = resolveUrl(store.nextGroupHref, baseUrl);
  return {
    ...(store.totalRecords === undefined ? {} : { totalRecords: store.totalRecords }),
    ...(dataproxyUrl === undefined ? {} : { dataproxyUrl }),
  };
}

/** Reads a `dataproxy.jsp` reply (`<datastore><totalrecord>…<record><![CDATA[…]]></record>`). */
export function parseHanwebDataproxy(xml: string, requestUrl: string): HanwebList {
  const baseUrl = resolveUrl(requestUrl, undefined);
  const store = readHanwebDatastore(xml);
  if (!store) return { links: [] };
  return {
    links: store.records.flatMap((record) => recordLink(record, baseUrl) ?? []),
    ...pagingOf(store, baseUrl),
  };
}

/** The record total and `dataproxy.jsp` address of a datastore embedded in a Hanweb column page. */
export function hanwebPagingOf(doc: HtmlDoc): HanwebPaging | undefined {
  const scripts = scriptTexts(doc);
  for (const script of scripts) {
    const store = readHanwebDatastore(script);
    if (!store) continue;
    const totalRecords = store.totalRecords ?? scripts.map(readTotalRecords).find((n) => n !== undefined);
    return pagingOf(totalRecords === undefined ? store : { ...store, totalRecords }, doc.baseUrl);
  }
  return undefined;
}

import type { IsoDate } from '../../catalog/index.js';
import type { PostDocument } from '../post-document.js';
import { findDates } from './find-dates.js';
import { firstIsoDate } from './resolve.js';

/** Where a date was read. */
export type DateSource =
  | 'header'
  | 'header-ambiguous'
  | 'meta'
  | 'wechat-ct'
  | 'gkmlpt-detail'
  | 'feed'
  | 'list'
  | 'info-line'
  | 'generated'
  | 'url'
  | 'decision'
  | 'signature'
  | 'doc-number'
  | 'adoption';

/** A date the post states (or implies), where it was read, and the text that says it. */
export interface DateFact {
  date: IsoDate;
  source: DateSource;
  text: string;
}

const dayOf = (iso: string | undefined): IsoDate | undefined =>
  iso === undefined ? undefined : firstIsoDate(findDates(iso));

const fact = (source: DateSource, text: string | undefined): DateFact | undefined => {
  const date = dayOf(text);
  return date === undefined || text === undefined ? undefined : { date, source, text };
};

/** A 发布时间/日期 line near the top of the body, for pages whose header the extractor did not see. */
const INFO_LINE = /(?:发布|公开|发表)(?:时间|日期)\s*[:：]\s*([^\s|｜]{6,20}(?:\s+\d{1,2}:\d{2})?)/;

function fromInfoLine(doc: PostDocument): DateFact | undefined {
  const head = doc.text.slice(0, 600);
  const m = INFO_LINE.exec(head);
  return m ? fact('info-line', m[1]) : undefined;
}

/** A header 发文日期 read as the publication date: only when the header names no other publication date. */
function ambiguousHeaderDate(doc: PostDocument): DateFact | undefined {
  if (!doc.header.ambiguous.includes('formedOn') || doc.header.publishedOn !== undefined) return undefined;
  return fact('header-ambiguous', doc.header.formedOn);
}

/**
 * The publication date the page states: header 发布日期/公开日期/发布时间 > `PubDate` meta > WeChat `ct` or
 * the feed > the list page's date > a header 发文日期 that is the only date > 生成日期. Null when none is stated.
 */
export function findPublicationDate(doc: PostDocument): DateFact | null {
  const extractor = doc.published;
  const stated = extractor && extractor.from !== 'url' ? extractor : undefined;
  const candidates = [
    fact('header', doc.header.publishedOn),
    fact('meta', doc.meta.pubDate),
    stated && stated.from !== 'header' && stated.from !== 'meta' ? fact(stated.from, stated.at) : undefined,
    fact('list', doc.listDate),
    ambiguousHeaderDate(doc),
    fromInfoLine(doc),
    fact('generated', doc.header.generatedOn),
  ];
  return candidates.find((c) => c !== undefined) ?? null;
}

/** A publication date the page implies without stating it (the URL's `t20200512`); never a statement. */
export function findPublicationHint(doc: PostDocument): DateFact | null {
  const fromUrl = doc.urlDate ?? (doc.published?.from === 'url' ? doc.published.at : undefined);
  return fact('url', fromUrl) ?? null;
}

import { classifyUrl, type ExtractedArticle } from '../crawlers/extract/index.js';
import type { PostAttachment, PostDocument, PublishedFrom } from '../matchers/index.js';

/** What was read from an attachment file, matched to its link by URL. */
export interface AttachmentContent {
  url: string;
  text: string;
  tables?: string[][][];
}

/** What the page alone does not say: the list page's date, the text of attachments already fetched. */
export interface PostDocumentExtras {
  listDate?: string;
  attachments?: readonly AttachmentContent[];
  /** The page's HTML, to read an info line whose label the extractor does not know (更新时间：…). */
  html?: string;
  /** The registry body whose source carried the post. */
  sourceBody?: string;
}

/** Info-line labels of small ASP/PHP CMSs that mean the publication time (更新时间：2016-11-22 文章来源：…). */
const INFO_LINE =
  /(更新时间|录入时间|添加时间|发稿时间|上传时间|更新日期|发布于)\s*[:：]?\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/;
const MAX_SCAN_CHARS = 200_000;

// TODO(extract): the extractor's header labels should learn 更新时间 and its siblings; until then the adapter reads them.
function infoLineDate(html: string): { label: string; value: string } | undefined {
  const text = html
    .slice(0, MAX_SCAN_CHARS)
    .replace(/<[^>]{0,2000}>/g, ' ')
    .replace(/&nbsp;/g, ' ');
  const m = INFO_LINE.exec(text);
  return m ? { label: m[1] ?? '', value: m[2] ?? '' } : undefined;
}

const HEADER_KEYS = [
  'indexNo',
  'publisher',
  'formedOn',
  'publishedOn',
  'generatedOn',
  'docNo',
  'name',
  'category',
  'keywords',
] as const;
const LABEL_KEYS = ['publisher', 'formedOn', 'publishedOn', 'generatedOn', 'docNo'] as const;

function headerOf(article: ExtractedArticle, html: string | undefined): PostDocument['header'] {
  const header: PostDocument['header'] = { labels: {}, ambiguous: [...article.header.ambiguous] };
  const info = article.header.publishedOn === undefined && html ? infoLineDate(html) : undefined;
  if (info) {
    header.publishedOn = info.value;
    header.labels.publishedOn = info.label;
  }
  for (const key of HEADER_KEYS) {
    const value = article.header[key];
    if (value !== undefined) header[key] = value;
  }
  for (const key of LABEL_KEYS) {
    const label = article.header.labels[key];
    if (label !== undefined) header.labels[key] = label;
  }
  return header;
}

function metaOf(article: ExtractedArticle): PostDocument['meta'] {
  const { pubDate, source, siteName, columnName, columnType, keywords, description } = article.meta;
  return {
    ...(pubDate === undefined ? {} : { pubDate }),
    ...(source === undefined ? {} : { source }),
    ...(siteName === undefined ? {} : { siteName }),
    ...(columnName === undefined ? {} : { columnName }),
    ...(columnType === undefined ? {} : { columnType }),
    ...(keywords === undefined ? {} : { keywords }),
    ...(description === undefined ? {} : { description }),
  };
}

function attachmentsOf(article: ExtractedArticle, contents: readonly AttachmentContent[]): PostAttachment[] {
  return article.attachments.map((link) => {
    const content = contents.find((c) => c.url === link.url);
    return {
      name: link.text,
      url: link.url,
      ...(content ? { text: content.text } : {}),
      ...(content?.tables ? { tables: content.tables } : {}),
    };
  });
}

/** Turns an extracted article (and any attachment texts already read) into the matchers' input. */
export function toPostDocument(article: ExtractedArticle, extras: PostDocumentExtras = {}): PostDocument {
  const from = article.sources.publishedAt;
  const urlDate = article.url ? classifyUrl(article.url)?.dateHint : undefined;
  return {
    ...(article.url === undefined ? {} : { url: article.url }),
    title: article.title ?? '',
    text: article.body.text,
    blocks: article.body.blocks,
    meta: metaOf(article),
    header: headerOf(article, extras.html),
    ...(article.signature
      ? {
          signature: {
            issuers: article.signature.issuers,
            date: article.signature.date,
            lines: article.signature.lines,
          },
        }
      : {}),
    ...(article.publishedAt !== undefined && from !== undefined
      ? { published: { at: article.publishedAt, from: from satisfies PublishedFrom } }
      : {}),
    ...(extras.listDate === undefined ? {} : { listDate: extras.listDate }),
    ...(urlDate === undefined ? {} : { urlDate }),
    ...(article.wechatAccount === undefined ? {} : { account: article.wechatAccount }),
    ...(extras.sourceBody === undefined ? {} : { sourceBody: extras.sourceBody }),
    attachments: attachmentsOf(article, extras.attachments ?? []),
  };
}

import type { Element } from 'domhandler';
import { type BodySource, findBodyContainer } from './article-body.js';
import { headingNear, titleTagText } from './article-title.js';
import { type AttachmentLink, attachmentLinksOf } from './attachments.js';
import { findChrome } from './chrome.js';
import type { CmsFamily } from './cms-profile.js';
import { detectFamily } from './cms-profiles.js';
import { normaliseNumericDate } from './dates.js';
import { type HtmlDoc, parseHtml, queryAll } from './dom.js';
import { type GkmlptDetail, gkmlptDetailOf } from './gkmlpt-detail.js';
import { type HeaderBlock, headerBlockOf } from './header-block.js';
import type { HeaderConcept } from './header-labels.js';
import { type PageMeta, pageMetaOf, readMetaMap } from './meta-tags.js';
import { type SignatureBlock, signatureOf } from './signature-block.js';
import { type Block, blocksOf, blocksText } from './text-blocks.js';
import { classifyUrl } from './url-patterns.js';
import { type WechatFacts, wechatFactsOf } from './wechat.js';

/** Where the title came from, best first. */
export type TitleSource =
  | 'meta'
  | 'og:title'
  | 'activity-name'
  | 'msg_title'
  | 'gkmlpt-detail'
  | 'heading'
  | 'title-tag';
/** Where the publication time came from, best first (DOMAIN.md: header > PubDate > URL hint). */
export type PublishedSource = 'header' | 'meta' | 'wechat-ct' | 'gkmlpt-detail' | 'url';

/** The body as plain text (tables as tab-separated rows), as ordered blocks, and its data tables. */
export interface ArticleBody {
  text: string;
  blocks: Block[];
  tables: string[][][];
}

/** Everything read from one article page. */
export interface ExtractedArticle {
  /** The given URL, else the page's canonical link or `Url` meta. */
  url?: string;
  family?: CmsFamily;
  title?: string;
  /** ISO date or date-time in China time (`2020-05-12`, `2020-05-12T10:30+08:00`). */
  publishedAt?: string;
  meta: PageMeta;
  header: HeaderBlock;
  body: ArticleBody;
  attachments: AttachmentLink[];
  imageCount: number;
  /** The 落款: issuers and date at the end of the body. */
  signature?: SignatureBlock;
  wechatAccount?: string;
  sources: { title?: TitleSource; publishedAt?: PublishedSource; body: BodySource | 'gkmlpt-detail' };
  /** True when the HTML was longer than the extractors read. */
  truncated: boolean;
}

const DETAIL_HEADER: Array<[HeaderConcept, keyof GkmlptDetail]> = [
  ['indexNo', 'indexNo'],
  ['publisher', 'publisher'],
  ['docNo', 'docNo'],
];

function withPageUrl(doc: HtmlDoc, meta: PageMeta): HtmlDoc {
  if (doc.url) return doc;
  const url = meta.canonical ?? (meta.url?.startsWith('http') ? meta.url : undefined);
  return url ? parseHtml(doc.html, url) : doc;
}

function imageCount(root: Element, doc: HtmlDoc): number {
  return queryAll(doc, 'img', root).filter((img) => img.attribs.width !== '1' && img.attribs.height !== '1')
    .length;
}

function pickTitle(
  candidates: Array<[TitleSource, string | undefined]>,
): { title: string; source: TitleSource } | undefined {
  const found = candidates.find(([, title]) => title !== undefined && title.length > 0);
  return found ? { title: found[1] ?? '', source: found[0] } : undefined;
}

/** The best source's date; a later source's time on that same day makes it precise. */
function pickPublished(candidates: Array<[PublishedSource, string | undefined]>) {
  const found = candidates.filter((c): c is [PublishedSource, string] => c[1] !== undefined);
  const best = found[0];
  if (!best) return undefined;
  const timed = best[1].length > 10 ? best : found.find(([, v]) => v.length > 10 && v.startsWith(best[1]));
  const [source, publishedAt] = timed ?? best;
  return { publishedAt, source };
}

function mergeDetailHeader(header: HeaderBlock, detail: GkmlptDetail | undefined): HeaderBlock {
  for (const [concept, key] of DETAIL_HEADER) {
    const value = detail?.[key];
    if (header[concept] === undefined && value) {
      header[concept] = value;
      header.labels[concept] = 'DETAIL';
    }
  }
  return header;
}

function attachmentsOf(doc: HtmlDoc, chrome: Set<Element>, detailDoc: HtmlDoc | undefined): AttachmentLink[] {
  const links = [
    ...(detailDoc ? attachmentLinksOf(detailDoc, new Set()) : []),
    ...attachmentLinksOf(doc, chrome),
  ];
  const seen = new Set<string>();
  return links.filter((link) => !seen.has(link.url) && Boolean(seen.add(link.url)));
}

interface PageParts {
  doc: HtmlDoc;
  meta: PageMeta;
  family: CmsFamily | undefined;
  chrome: Set<Element>;
  wechat: WechatFacts;
  detail: GkmlptDetail | undefined;
}

/** The body: a known or dense container, or gkmlpt's DETAIL content when the page has no known container. */
function readBody({ doc, family, chrome, detail }: PageParts) {
  const container = findBodyContainer(doc, family, chrome);
  const detailDoc =
    container.source !== 'known-container' && detail?.contentHtml
      ? parseHtml(detail.contentHtml, doc.baseUrl)
      : undefined;
  const root = (detailDoc?.root ?? container.el) as Element;
  const blocks = blocksOf(root);
  return {
    detailDoc,
    heading: detailDoc ? undefined : container.el,
    source: detailDoc ? ('gkmlpt-detail' as const) : container.source,
    body: {
      text: blocksText(blocks),
      blocks,
      tables: blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : [])),
    },
    imageCount: imageCount(root, detailDoc ?? doc),
  };
}

function readTitle({ doc, meta, chrome, wechat, detail }: PageParts, container: Element | undefined) {
  const titleTag = titleTagText(doc, meta);
  return pickTitle([
    ['meta', meta.title],
    [wechat.titleFrom ?? 'og:title', wechat.title],
    ['gkmlpt-detail', detail?.title],
    ['heading', headingNear(doc, container, chrome, titleTag)],
    ['title-tag', titleTag],
  ]);
}

/** A bare 日期/时间 label may be a meeting's time in the body, so it ranks below the PubDate tag. */
const WEAK_DATE_LABELS = new Set(['日期', '时间']);

function readPublished({ doc, meta, wechat, detail }: PageParts, header: HeaderBlock) {
  const fromHeader = header.publishedOn === undefined ? undefined : normaliseNumericDate(header.publishedOn);
  const weak = WEAK_DATE_LABELS.has(header.labels.publishedOn ?? '');
  return pickPublished([
    ['header', weak ? undefined : fromHeader],
    ['meta', meta.pubDate],
    ['header', weak ? fromHeader : undefined],
    ['wechat-ct', wechat.publishedAt],
    ['gkmlpt-detail', detail?.publishedAt],
    ['url', doc.url ? classifyUrl(doc.url)?.dateHint : undefined],
  ]);
}

function readParts(html: string, url: string | undefined): PageParts {
  const first = parseHtml(html, url);
  const meta = pageMetaOf(first);
  const doc = withPageUrl(first, meta);
  const family = detectFamily(doc);
  const wechat = family === 'wechat' ? wechatFactsOf(doc, readMetaMap(doc)) : {};
  return { doc, meta, family, chrome: findChrome(doc), wechat, detail: gkmlptDetailOf(doc) };
}

/** Extracts title, publication time, metadata, header block, body (paragraphs and tables), attachments and 落款. */
export function extractArticle(html: string, url?: string): ExtractedArticle {
  const parts = readParts(html, url);
  const { doc, meta, family, wechat } = parts;
  const { body, detailDoc, heading, source, imageCount } = readBody(parts);
  const header = mergeDetailHeader(headerBlockOf(doc, parts.chrome), parts.detail);
  const title = readTitle(parts, heading);
  const published = readPublished(parts, header);
  const signature = signatureOf(body.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])));
  return {
    ...(doc.url === undefined ? {} : { url: doc.url }),
    ...(family === undefined ? {} : { family }),
    ...(title === undefined ? {} : { title: title.title }),
    ...(published === undefined ? {} : { publishedAt: published.publishedAt }),
    meta,
    header,
    body,
    attachments: attachmentsOf(doc, parts.chrome, detailDoc),
    imageCount,
    ...(signature === undefined ? {} : { signature }),
    ...(wechat.account === undefined ? {} : { wechatAccount: wechat.account }),
    sources: {
      ...(title === undefined ? {} : { title: title.source }),
      ...(published === undefined ? {} : { publishedAt: published.source }),
      body: source,
    },
    truncated: doc.truncated,
  };
}

/** Pure extraction from saved pages: URL shapes, page metadata, 信息公开 header blocks, articles, lists, attachments. */

/** An article page read whole: title, time, metadata, header, body, attachments, 落款. */
export {
  type ArticleBody,
  type ExtractedArticle,
  extractArticle,
  type PublishedSource,
  type TitleSource,
} from './article.js';
/** How the body container was chosen. */
export type { BodySource } from './article-body.js';
/** Text and tables of an attached file (xlsx, docx, pdf, doc). */
export {
  type AttachmentText,
  type AttachmentTextOptions,
  extractAttachmentText,
} from './attachment-text.js';
/** Attachment links and the extensions that make a link one. */
export { ATTACHMENT_EXTENSIONS, type AttachmentLink } from './attachments.js';
export type {
  /** The publishing system a URL or page comes from. */
  CmsFamily,
  /** One CMS family's URL shapes, body containers and list quirks. */
  CmsProfile,
  /** Where the following list pages are. */
  Pagination,
  /** Facts read from a URL alone (family, kind, id, column, date hint). */
  UrlFacts,
  /** Article page, list page or list API. */
  UrlKind,
} from './cms-profile.js';
/** The CMS profiles in the order they are tried. */
export { CMS_PROFILES } from './cms-profiles.js';
/** Turns a numeric date into ISO in China time. */
export { normaliseNumericDate } from './dates.js';
/** The longest HTML the extractors read; the rest is ignored and flagged `truncated`. */
export { MAX_HTML_CHARS } from './dom.js';
/** A gkmlpt JSON list API reply read. */
export { type GkmlptListItem, type GkmlptListResult, parseGkmlptListApi } from './gkmlpt-list-api.js';
export { hanwebDataproxyRange } from './hanweb-datastore.js';
/** A Hanweb `dataproxy.jsp` reply read, and the record range of its k-th request. */
export { type HanwebList, parseHanwebDataproxy } from './hanweb-list.js';
/** The 信息公开 header block, with the label synonyms it reads. */
export { type HeaderBlock, parseHeaderBlock } from './header-block.js';
/** The concepts of the header block and their labels. */
export { HEADER_CONCEPTS, type HeaderConcept } from './header-labels.js';
/** One article link of a list. */
export type { ListLink } from './list-links.js';
/** A list page read: article links and next pages, with per-source overrides. */
export { extractListPage, type ListOverrides, type ListPage } from './list-page.js';
/** The standard page `<meta>` tags and the 政府网站标识码 check. */
export { extractPageMeta, isValidSiteIdCode, type PageMeta } from './meta-tags.js';
/** The 落款 found at the end of a body. */
export type { SignatureBlock } from './signature-block.js';
/** A paragraph or a data table of a body. */
export type { Block } from './text-blocks.js';
/** Classifies a URL by CMS profile; true when a URL is an article page of a known CMS. */
export { classifyUrl, isArticleUrl } from './url-patterns.js';
/** What a WeChat article page states about itself. */
export type { WechatFacts } from './wechat.js';

/**
 * Pure extraction from saved pages — URL shapes, page `<meta>` tags, the 信息公开 header block, articles, list
 * pages — plus the text of attached files. No network, no store; hostile input never throws.
 */

/** Reads an article page whole: title, time, metadata, header, body with tables, attachments and 落款. */
export {
  type ArticleBody,
  type ExtractedArticle,
  extractArticle,
  type PublishedSource,
  type TitleSource,
} from './article.js';
/** How an article's body container was chosen. */
export type { BodySource } from './article-body.js';
/** Reads the text and tables of an xlsx, docx, pdf or doc attachment, within size and time limits. */
export {
  type AttachmentText,
  type AttachmentTextOptions,
  extractAttachmentText,
  type TextFormat,
} from './attachment-text.js';
/** An attachment link, and the file extensions that make a link one. */
export { ATTACHMENT_EXTENSIONS, type AttachmentLink } from './attachments.js';
/** The CMS profile contract: family, URL facts, pagination, embedded list fragments. */
export type {
  CmsFamily,
  CmsProfile,
  ListFragment,
  Pagination,
  UrlFacts,
  UrlKind,
} from './cms-profile.js';
/** The registry of CMS profiles (WeChat, TRS, Hanweb, gkmlpt, gov.cn, unnamed CMSs), most specific first. */
export { CMS_PROFILES } from './cms-profiles.js';
/** Turns a numeric date (`2021年01月19日`, `2021/1/19 10:30`) into ISO in China time. */
export { normaliseNumericDate } from './dates.js';
/** The longest HTML the extractors read; longer input is cut and flagged `truncated`. */
export { MAX_HTML_CHARS } from './dom.js';
/** Reads a gkmlpt JSON list API reply. */
export { type GkmlptListItem, type GkmlptListResult, parseGkmlptListApi } from './gkmlpt-list-api.js';
/** The `startrecord`/`endrecord` of the k-th Hanweb `dataproxy.jsp` request. */
export { hanwebDataproxyRange } from './hanweb-datastore.js';
/** Reads a Hanweb `dataproxy.jsp` reply. */
export { type HanwebList, parseHanwebDataproxy } from './hanweb-list.js';
/** Reads the 信息公开 header block as raw strings per concept. */
export { type HeaderBlock, parseHeaderBlock } from './header-block.js';
/** The header block's concepts and the label synonyms each is read under. */
export { HEADER_CONCEPTS, type HeaderConcept } from './header-labels.js';
/** One article link of a list page. */
export type { ListLink } from './list-links.js';
/** Reads a list page's article links and next pages, with optional per-source overrides. */
export { extractListPage, type ListOverrides, type ListPage } from './list-page.js';
/** Reads the standard government `<meta>` tags and checks a 政府网站标识码. */
export { extractPageMeta, isValidSiteIdCode, type PageMeta } from './meta-tags.js';
/** The 落款 (issuers and date) at the end of a body. */
export type { SignatureBlock } from './signature-block.js';
/** A paragraph or a data table of a body. */
export type { Block } from './text-blocks.js';
/** Classifies a URL by the profiles, and tells whether it is an article page. */
export { classifyUrl, isArticleUrl } from './url-patterns.js';
/** What a WeChat article page states about itself. */
export type { WechatFacts } from './wechat.js';

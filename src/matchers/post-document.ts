/** A paragraph of a post's body, or one of its data tables as rows of cells. */
export type PostBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][] };

/** Where the extractor found the publication time. */
export type PublishedFrom = 'header' | 'meta' | 'wechat-ct' | 'gkmlpt-detail' | 'url' | 'list' | 'feed';

/** The 信息公开 header block as written: raw strings, the label each was read under, and ambiguous labels. */
export interface PostHeader {
  indexNo?: string;
  publisher?: string;
  formedOn?: string;
  publishedOn?: string;
  generatedOn?: string;
  docNo?: string;
  name?: string;
  category?: string;
  keywords?: string;
  labels: Partial<Record<'publisher' | 'formedOn' | 'publishedOn' | 'generatedOn' | 'docNo', string>>;
  /** Concepts whose label means different things on different sites (a header 发文日期). */
  ambiguous: string[];
}

/** The standard page `<meta>` facts the matchers use. */
export interface PostMeta {
  /** `PubDate`, as ISO (`2020-05-12` or `2020-05-12T10:30+08:00`). */
  pubDate?: string;
  /** `ContentSource`. */
  source?: string;
  siteName?: string;
  columnName?: string;
  columnType?: string[];
  keywords?: string;
  description?: string;
}

/** A file attached to the post: its name (link text) and, when it was read, its text and tables. */
export interface PostAttachment {
  name: string;
  url?: string;
  text?: string;
  tables?: string[][][];
}

/** The 落款 at the end of the body: issuer lines and the date as written. */
export interface PostSignature {
  issuers: string[];
  date?: string;
  lines: string[];
}

/**
 * What the matchers read of one post: every field is plain data taken from the page (or its feed entry and
 * list page) by the caller, so the matchers never parse HTML or touch the network.
 */
export interface PostDocument {
  url?: string;
  title: string;
  /** The body as plain text: one paragraph per line, table rows as tab-separated lines. */
  text: string;
  /** The body in reading order. */
  blocks: PostBlock[];
  meta: PostMeta;
  header: PostHeader;
  signature?: PostSignature;
  /** The publication time the extractor chose (ISO in China time) and where it came from. */
  published?: { at: string; from: PublishedFrom };
  /** The date the list page shows beside the link, when the post was found through one. */
  listDate?: string;
  /** A date the URL implies (TRS `t20200512`, Hanweb `/art/2020/5/12/`): a hint, never a statement. */
  urlDate?: string;
  /** The WeChat or other feed account that published the post. */
  account?: string;
  /** The registry body whose source (site column or feed) carried the post: a hint of who published it. */
  sourceBody?: string;
  attachments: PostAttachment[];
}

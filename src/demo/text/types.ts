import type { IsoDate } from '../../catalog/index.js';
import type { District } from '../district.js';
import type { AttachmentSpec, DemoBody, DemoEvent } from '../model.js';
import type { Rng } from '../random.js';

/** A block of an article body: a paragraph, a heading, or a table (first row is the header). */
export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'h'; text: string }
  | { kind: 'table'; rows: string[][] };

/** How a notice period is to be stated, if at all. */
export interface NoticeSpec {
  start: IsoDate;
  end: IsoDate;
  days: number;
  unit: 'calendar' | 'workdays';
}

/** How personal numbers appear in lists: in full (a violation), masked, or left out. */
export type Exposure = 'full' | 'masked' | 'omitted';

/** Everything a composer needs to write one post; all choices that the truth records are made before. */
export interface ComposeInput {
  /** Derived from the post id (and version), so the same post always reads the same. */
  rng: Rng;
  district: District;
  /** The body the post speaks for (the 落款 and the publisher). */
  body: DemoBody;
  event: DemoEvent;
  /** The date the page states as its publication date. */
  publishedAt: IsoDate;
  /** Element keys (the catalog row's parts, or names) this post states; every other key of the row must not be stated. */
  include: ReadonlySet<string>;
  /** The element keys of the row that apply to this post (include ⊆ keys). */
  keys: readonly string[];
  notice: NoticeSpec | null;
  idNumbers: Exposure;
  bankCards: Exposure;
  phones: Exposure;
  /** 0 for the first version; an edited post is composed again with version 1, 2 … */
  version: number;
}

/** An attached file's content: a title and a table (first row the header). */
export interface ComposedAttachment extends AttachmentSpec {
  rows: string[][];
}

/** A composed post; the site renderer wraps it in its CMS's page. */
export interface ComposedPost {
  title: string;
  blocks: Block[];
  /** The 落款: who signs and when (null for posts that carry none). */
  signature: { name: string; date: IsoDate; style: DateStyle } | null;
  attachments: ComposedAttachment[];
  /** Unmasked personal numbers actually written (body and attachments), for the truth. */
  exposed: { id_number: number; bank_card: number; mobile: number };
}

/** The ways dates are written on real pages. */
export type DateStyle = 'iso' | 'zh' | 'zh-padded' | 'cn-numeral' | 'slash' | 'dot' | 'month-day';

/** Writes one post of an item from its event. */
export type Composer = (input: ComposeInput) => ComposedPost;

/** Writes one distractor post: shares the vocabulary, discloses no catalog item. */
export type DistractorComposer = (input: {
  rng: Rng;
  district: District;
  body: DemoBody;
  publishedAt: IsoDate;
  topic: string;
}) => Omit<ComposedPost, 'exposed'>;

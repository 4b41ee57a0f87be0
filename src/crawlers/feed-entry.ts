import { load } from 'cheerio';
import { parseFeedDate } from './feed-dates.js';

/** One feed entry: where it links, what it says, and whether its page must be fetched for the rest. */
export interface FeedEntry {
  id: string;
  url: string;
  title: string;
  /** ISO in China time: a date-time with +08:00, or a bare day. */
  publishedAt?: string;
  updatedAt?: string;
  summary?: string;
  contentHtml?: string;
  /** The entry only links out (no full content, or no publication time): fetch `url` and read the page. */
  needsArticle: boolean;
}

/** A feed read whole. */
export interface ParsedFeed {
  kind: 'feed';
  format: 'rss' | 'atom' | 'json';
  title: string;
  entries: FeedEntry[];
  /** Entries dropped because they had no usable http(s) link. */
  skipped: number;
}

/** A feed that could not be read: a source fault (the bridge or the site failed), never "nothing published". */
export interface FeedFailure {
  kind: 'failed';
  /** Chinese, naming what was wrong and the feed URL. */
  reason: string;
}

export type FeedParseResult = ParsedFeed | FeedFailure;

/** What a parser found for one entry, before URLs and dates are normalised. */
export interface RawEntry {
  id: string | null | undefined;
  links: readonly (string | null | undefined)[];
  title: string | null | undefined;
  published: string | null | undefined;
  updated: string | null | undefined;
  summary: string | null | undefined;
  content: string | null | undefined;
}

const MAX_SUMMARY_CHARS = 500;

/** Normalises a raw entry against the feed URL; undefined when it has no http(s) link. */
export function toFeedEntry(raw: RawEntry, feedUrl: string): FeedEntry | undefined {
  const url = raw.links.map((link) => absoluteHttpUrl(link, feedUrl)).find((link) => link !== undefined);
  if (!url) return undefined;
  const publishedAt = parseFeedDate(raw.published);
  const updatedAt = parseFeedDate(raw.updated);
  const summary = plainText(raw.summary);
  const contentHtml = raw.content?.trim() || undefined;
  return {
    id: raw.id?.trim() || url,
    url,
    title: plainText(raw.title) ?? '',
    ...(publishedAt ? { publishedAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    ...(summary ? { summary: summary.slice(0, MAX_SUMMARY_CHARS) } : {}),
    ...(contentHtml ? { contentHtml } : {}),
    needsArticle: contentHtml === undefined || publishedAt === undefined,
  };
}

function absoluteHttpUrl(link: string | null | undefined, base: string): string | undefined {
  if (!link?.trim()) return undefined;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

// Summaries and titles arrive as HTML in RSS descriptions and JSON Feed; keep their text only.
function plainText(html: string | null | undefined): string | undefined {
  if (!html?.trim()) return undefined;
  const text = /[<&]/.test(html) ? load(html, null, false).root().text() : html;
  return text.replace(/\s+/g, ' ').trim() || undefined;
}

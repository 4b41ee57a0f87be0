import { parseFeed } from '@rowanmanning/feed-parser';
import { type FeedEntry, type FeedParseResult, toFeedEntry } from './feed-entry.js';

type XmlFeed = ReturnType<typeof parseFeed>;
type XmlItem = XmlFeed['items'][number];

// The parser is lenient: a cut-off download still yields the entries before the cut, so require the root's end tag.
const ROOT_CLOSED = /<\/(?:[\w.-]+:)?(?:rss|feed|rdf)\s*>\s*(?:<!--[\s\S]*?-->\s*)*$/i;
const ENTITY_DECLARATION = /<!ENTITY/i;

/** Reads an RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) document with @rowanmanning/feed-parser. */
export function parseXmlFeed(text: string, feedUrl: string): FeedParseResult {
  if (ENTITY_DECLARATION.test(text.slice(0, 4096))) {
    return { kind: 'failed', reason: `订阅源 ${feedUrl} 声明了 XML 实体（<!ENTITY>），出于安全不予解析` };
  }
  if (!ROOT_CLOSED.test(text)) {
    return {
      kind: 'failed',
      reason: `订阅源 ${feedUrl} 的 XML 不完整（缺少结尾的 </rss> 或 </feed>），可能下载被截断`,
    };
  }
  let feed: XmlFeed;
  try {
    feed = parseFeed(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: 'failed', reason: `无法把 ${feedUrl} 解析为 RSS 或 Atom 订阅源（${detail}）` };
  }
  const format = feed.meta.type === 'atom' ? 'atom' : 'rss';
  const entries: FeedEntry[] = [];
  let skipped = 0;
  for (const item of feed.items) {
    const entry = toFeedEntry(rawEntryOf(item, format), feedUrl);
    if (entry) entries.push(entry);
    else skipped++;
  }
  return { kind: 'feed', format, title: feed.title ?? '', entries, skipped };
}

// Dates are read as written, not as the parser's Date: it takes zone-less dates in the process's local zone.
const DATE_ELEMENTS = {
  rss: { published: ['pubdate', 'date', 'published'], updated: ['date', 'updated', 'modified'] },
  atom: { published: ['published', 'issued', 'created'], updated: ['updated', 'modified'] },
} as const;

function rawEntryOf(item: XmlItem, format: 'rss' | 'atom') {
  const names = DATE_ELEMENTS[format];
  const rawText = (candidates: readonly string[]) =>
    candidates.map((name) => item.element.findElementWithName(name)?.textContentNormalized).find(Boolean);
  return {
    id: item.id,
    // An RSS guid or Atom id is a link only when it is an absolute http(s) URL.
    links: [item.url, /^https?:\/\//i.test(item.id ?? '') ? item.id : undefined],
    title: item.title,
    published: rawText(names.published),
    updated: rawText(names.updated),
    summary: item.description,
    content: item.content,
  };
}

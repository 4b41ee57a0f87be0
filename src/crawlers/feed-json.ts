import { z } from 'zod';
import { type FeedEntry, type FeedParseResult, toFeedEntry } from './feed-entry.js';

const optionalText = z.string().nullish();

// JSON Feed 1 and 1.1 (jsonfeed.org); ids are strings by the spec, numbers in the wild.
const JsonFeedItemSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String).nullish(),
  url: optionalText,
  external_url: optionalText,
  title: optionalText,
  summary: optionalText,
  content_html: optionalText,
  content_text: optionalText,
  date_published: optionalText,
  date_modified: optionalText,
});

const JsonFeedSchema = z.looseObject({
  version: z.string().regex(/^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/),
  title: z.string(),
  items: z.array(z.unknown()),
});

/** Whether a parsed JSON value says it is a JSON Feed (its `version` is a jsonfeed.org URL). */
export function looksLikeJsonFeed(value: unknown): boolean {
  const version = (value as { version?: unknown } | null)?.version;
  return typeof version === 'string' && version.includes('jsonfeed.org');
}

/** Reads a JSON Feed already parsed from JSON; items that do not fit the spec are skipped, not fatal. */
export function parseJsonFeed(value: unknown, feedUrl: string): FeedParseResult {
  const feed = JsonFeedSchema.safeParse(value);
  if (!feed.success) {
    const issue = feed.error.issues[0];
    const where = issue?.path.join('.') || '（根）';
    return {
      kind: 'failed',
      reason: `订阅源 ${feedUrl} 不是有效的 JSON Feed：${where} ${issue?.message ?? ''}`.trim(),
    };
  }
  const entries: FeedEntry[] = [];
  let skipped = 0;
  for (const rawItem of feed.data.items) {
    const item = JsonFeedItemSchema.safeParse(rawItem);
    const entry = item.success
      ? toFeedEntry(
          {
            id: item.data.id,
            links: [item.data.url, item.data.external_url],
            title: item.data.title,
            published: item.data.date_published,
            updated: item.data.date_modified,
            summary: item.data.summary ?? item.data.content_text,
            content: item.data.content_html ?? item.data.content_text,
          },
          feedUrl,
        )
      : undefined;
    if (entry) entries.push(entry);
    else skipped++;
  }
  return { kind: 'feed', format: 'json', title: feed.data.title, entries, skipped };
}

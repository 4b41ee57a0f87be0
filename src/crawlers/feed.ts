import { decodeBody } from './charset.js';
import type { FeedParseResult } from './feed-entry.js';
import { looksLikeJsonFeed, parseJsonFeed } from './feed-json.js';
import { parseXmlFeed } from './feed-xml.js';

/** What is known besides the body: its Content-Type, and how many entries the feed had on the last visit. */
export interface FeedDocumentOptions {
  contentType?: string | null;
  previousEntryCount?: number;
}

const HTML_START = /^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|title|div|h1|p)\b/i;

/**
 * Reads an RSS, Atom or JSON Feed body (bytes are decoded first, GBK included). Anything that is not a
 * readable feed — an HTML error page from a bridge, broken or truncated XML, JSON that is not a JSON Feed,
 * an empty body, or no entries where the last visit had some — is `{ kind: 'failed', reason }`: a source
 * fault, never "nothing published".
 */
export function parseFeedDocument(
  input: Uint8Array | string,
  url: string,
  options: FeedDocumentOptions = {},
): FeedParseResult {
  const text = (typeof input === 'string' ? input : decodeBody(input, options.contentType).text)
    .replace(/^\uFEFF/, '')
    .trim();
  const result = parseText(text, url);
  if (result.kind === 'failed') return result;
  if (result.entries.length > 0) return result;
  if (result.skipped > 0) {
    return { kind: 'failed', reason: `订阅源 ${url} 的 ${result.skipped} 条内容都没有可用的链接` };
  }
  const before = options.previousEntryCount ?? 0;
  if (before > 0) {
    const reason = `订阅源 ${url} 上次有 ${before} 条，这次一条也没有：按来源故障处理（桥接服务可能失效），不视为“未发布”`;
    return { kind: 'failed', reason };
  }
  return result;
}

function parseText(text: string, url: string): FeedParseResult {
  if (text === '') return { kind: 'failed', reason: `订阅源 ${url} 返回了空内容` };
  if (text.startsWith('{') || text.startsWith('[')) return parseJsonText(text, url);
  if (HTML_START.test(text)) {
    const title = htmlTitle(text);
    const shown = title ? `：“${title}”` : '';
    return {
      kind: 'failed',
      reason: `订阅源 ${url} 返回的是网页而不是订阅源，可能是桥接服务的错误页${shown}`,
    };
  }
  return parseXmlFeed(text, url);
}

function parseJsonText(text: string, url: string): FeedParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: 'failed', reason: `订阅源 ${url} 的 JSON 无法解析（${detail}），可能下载被截断` };
  }
  if (looksLikeJsonFeed(value)) return parseJsonFeed(value, url);
  const message = bridgeMessage(value);
  const shown = message ? `：“${message}”` : '';
  return {
    kind: 'failed',
    reason: `订阅源 ${url} 返回的 JSON 不是 JSON Feed，可能是桥接服务的错误信息${shown}`,
  };
}

// Bridges answer errors as JSON too: { error }, { message }, { msg }, { errmsg }.
function bridgeMessage(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  for (const key of ['error', 'message', 'msg', 'errmsg']) {
    const found = record[key];
    if (typeof found === 'string' && found.trim()) return found.trim().slice(0, 200);
    if (typeof found === 'object' && found !== null) return bridgeMessage(found);
  }
  return undefined;
}

function htmlTitle(html: string): string | undefined {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1] ?? /<h1[^>]*>([^<]*)<\/h1>/i.exec(html)?.[1];
  return title?.replace(/\s+/g, ' ').trim().slice(0, 200) || undefined;
}

import { z } from 'zod';
import { dayOf } from './dates.js';
import { cleanText, resolveUrl } from './dom.js';
import { timeOf } from './gkmlpt-detail.js';
import type { ListLink } from './list-links.js';

/** One article of a gkmlpt list API reply, with the platform's own metadata. */
export interface GkmlptListItem extends ListLink {
  id: string;
  /** 索引号. */
  indexNo?: string;
  publisher?: string;
  /** ISO date-time in China time. */
  publishedAt?: string;
}

/** A gkmlpt `api/all/<column>?page=N&sid=<site>` reply read, or why it could not be. */
export type GkmlptListResult =
  | { kind: 'page'; links: GkmlptListItem[]; total?: number; page: number; nextPageUrl?: string }
  | { kind: 'failed'; reason: string };

const Text = z.union([z.string(), z.number()]).optional().catch(undefined);
const ArticleSchema = z
  .object({
    id: z.union([z.string(), z.number()]),
    identifier: Text,
    publisher: Text,
    title: z.string(),
    url: Text,
    post_url: Text,
    created_at: Text,
    display_publish_time: Text,
    publish_time: Text,
    first_publish_time: Text,
  })
  .loose();
const ReplySchema = z
  .object({
    articles: z.array(z.unknown()),
    total: z.coerce.number().int().nonnegative().optional().catch(undefined),
  })
  .loose();

const str = (value: string | number | undefined) => {
  const text = value === undefined ? '' : cleanText(String(value));
  return text.length > 0 ? text : undefined;
};

function itemOf(raw: unknown, apiUrl: string): GkmlptListItem | undefined {
  const parsed = ArticleSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const a = parsed.data;
  const url = resolveUrl(str(a.url) ?? str(a.post_url), apiUrl);
  if (!url) return undefined;
  const publishedAt = [a.display_publish_time, a.publish_time, a.first_publish_time, a.created_at]
    .map(timeOf)
    .find(Boolean);
  const item: GkmlptListItem = { id: String(a.id), url, title: cleanText(a.title) };
  const indexNo = str(a.identifier);
  const publisher = str(a.publisher);
  if (indexNo) item.indexNo = indexNo;
  if (publisher) item.publisher = publisher;
  if (publishedAt) Object.assign(item, { publishedAt, listDate: dayOf(publishedAt) });
  return item;
}

function nextPageUrl(
  apiUrl: string,
  page: number,
  count: number,
  total: number | undefined,
): string | undefined {
  if (count === 0 || total === undefined || page * count >= total) return undefined;
  const next = new URL(apiUrl);
  next.searchParams.set('page', String(page + 1));
  return next.href;
}

/** Parses a gkmlpt JSON list API reply; the next page is offered while `page × page size` is short of `total`. */
export function parseGkmlptListApi(body: string, apiUrl: string): GkmlptListResult {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return { kind: 'failed', reason: `不是 JSON：${(error as Error).message}` };
  }
  const reply = ReplySchema.safeParse(data);
  if (!reply.success) return { kind: 'failed', reason: '没有 articles 数组' };
  const url = resolveUrl(apiUrl, undefined);
  if (url === undefined) return { kind: 'failed', reason: `网址无效：${apiUrl.slice(0, 200)}` };
  const page = Number(new URL(url).searchParams.get('page')) || 1;
  const links = reply.data.articles.flatMap((raw) => itemOf(raw, apiUrl) ?? []);
  const { total } = reply.data;
  const next = nextPageUrl(apiUrl, page, reply.data.articles.length, total);
  return {
    kind: 'page',
    links,
    page,
    ...(total === undefined ? {} : { total }),
    ...(next === undefined ? {} : { nextPageUrl: next }),
  };
}

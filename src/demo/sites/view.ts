import type { IsoDate } from '../../catalog/index.js';
import { bodyById } from '../district.js';
import type { PostList } from '../fillers.js';
import type { DemoColumn, DemoEvent, DemoSite } from '../model.js';
import { createRng, hashKeys } from '../random.js';
import type { ComposedPost } from '../text/types.js';
import { attachmentPath } from '../urls.js';
import { composePost, type DemoWorld, versionOn, type WorldPost } from '../world.js';

/** A request as the site renderers see it. */
export interface DemoRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
}

/** A response before encoding; `gbk` bodies are encoded by the server. */
export interface DemoResponse {
  status: number;
  contentType: string;
  body: string | Uint8Array;
  encoding?: 'utf-8' | 'gbk';
  /** Date of the content's last change, for Last-Modified. */
  lastModified?: IsoDate;
}

/** Posts by column and by path, built once per world. */
export interface DemoIndex {
  byColumn: Map<string, WorldPost[]>;
  byPath: Map<string, WorldPost>;
  attachments: Map<string, { post: WorldPost; index: number }>;
  events: Map<string, DemoEvent>;
}

/** Indexes a world's posts for serving. */
export function indexWorld(world: DemoWorld): DemoIndex {
  const byColumn = new Map<string, WorldPost[]>();
  const byPath = new Map<string, WorldPost>();
  const attachments = new Map<string, { post: WorldPost; index: number }>();
  for (const post of world.posts) {
    const list = byColumn.get(post.columnId) ?? [];
    list.push(post);
    byColumn.set(post.columnId, list);
    byPath.set(post.url, post);
    for (const [index, a] of post.attachments.entries()) {
      attachments.set(attachmentPath(post.url, post, index, a.format), { post, index });
    }
  }
  for (const list of byColumn.values()) list.sort(newestFirst);
  return { byColumn, byPath, attachments, events: new Map(world.events.map((e) => [e.id, e])) };
}

function newestFirst(a: WorldPost, b: WorldPost): number {
  const da = a.publishedAt ?? a.appearsAt;
  const db = b.publishedAt ?? b.appearsAt;
  return da === db ? b.seq - a.seq : da < db ? 1 : -1;
}

/** Whether a post is online on a day: it has appeared and not been taken down. */
export function isOnline(post: WorldPost, today: IsoDate): boolean {
  return post.appearsAt <= today && (post.removedAt === null || today < post.removedAt);
}

/** A post as its page shows it: composed text plus the header facts the CMS prints. */
export interface ArticleView {
  post: WorldPost;
  composed: ComposedPost;
  version: number;
  publisher: string;
  publishedAt: IsoDate | null;
  /** 成文日期 and 文号, printed for documents that have a 文号. */
  formedAt: IsoDate | null;
  refNo: string | null;
  indexNo: string;
  minuteOfDay: number;
  columnName: string;
  attachments: { name: string; href: string }[];
}

/** One site of the world on one day. */
export class SiteView {
  constructor(
    readonly world: DemoWorld,
    readonly index: DemoIndex,
    readonly site: DemoSite,
    readonly today: IsoDate,
  ) {}

  /** The column's posts online today, newest first. */
  visible(columnId: string): PostList {
    if (this.world.fillers?.has(columnId)) return this.world.fillers.list(columnId, this.today);
    return (this.index.byColumn.get(columnId) ?? []).filter((p) => isOnline(p, this.today));
  }

  column(id: string): DemoColumn | undefined {
    return this.site.columns.find((c) => c.id === id);
  }

  /** The article at a path, if it belongs to this site and is online today. */
  post(path: string): WorldPost | undefined {
    const post = this.index.byPath.get(path) ?? this.world.fillers?.byPath(path);
    return post && post.siteId === this.site.id && isOnline(post, this.today) ? post : undefined;
  }

  article(post: WorldPost): ArticleView {
    const version = versionOn(post, this.today);
    const composed = composePost(this.world, post, version);
    const r = createRng(hashKeys(this.world.seed, 'view', post.id));
    const body = bodyById(this.world.district, post.bodyId);
    const event = post.eventId ? this.index.events.get(post.eventId) : undefined;
    const publisher = r.weighted([
      [body.name, 5],
      [body.aliases[0] ?? body.name, 3],
      [body.shortName, 2],
    ]);
    const refNo = post.kind === 'disclosure' && event?.refNo ? event.refNo : null;
    return {
      post,
      composed,
      version,
      publisher,
      publishedAt: post.publishedAt,
      formedAt: refNo ? (event?.formed ?? null) : null,
      refNo,
      indexNo: `${11_411_200 + (hashKeys(body.id) % 900)}MB${String(hashKeys(body.id, 'org') % 10_000_000).padStart(7, '0')}/${post.appearsAt.slice(0, 4)}-${String(post.seq % 100_000).padStart(5, '0')}`,
      minuteOfDay: r.int(8 * 60, 18 * 60),
      columnName: this.column(post.columnId)?.name ?? '',
      attachments: post.attachments.map((a, i) => ({
        name: `${a.name}.${a.format}`,
        href: attachmentPath(post.url, post, i, a.format),
      })),
    };
  }

  /** The last day anything on a list changed, for Last-Modified. */
  lastChange(posts: PostList): IsoDate {
    if ('lastChange' in posts && typeof posts.lastChange === 'string') return posts.lastChange;
    let latest = `${this.world.year}-01-01`;
    for (const p of posts.slice()) {
      if (p.appearsAt > latest) latest = p.appearsAt;
      for (const e of p.edits) if (e.at <= this.today && e.at > latest) latest = e.at;
    }
    return latest;
  }
}

/** A 404 page. */
export function notFound(): DemoResponse {
  return {
    status: 404,
    contentType: 'text/html',
    body: '<!DOCTYPE html><html><head><meta charset="utf-8"><title>404</title></head><body><h1>404 页面不存在</h1><p>您访问的页面不存在或已被删除。</p></body></html>',
  };
}

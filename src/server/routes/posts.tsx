import type { Hono } from 'hono';
import { z } from 'zod';
import type { PostRow, StoredRecord } from '../../store/index.js';
import { canSee } from '../auth/session.js';
import type { AppEnv, Scope, ServerDeps } from '../deps.js';
import { createReadModel } from '../read-model.js';
import { PostDetailPage } from '../views/post-detail.js';
import { PostsPage, type PostsQuery } from '../views/posts.js';
import { resultNotice } from '../views/review-form.js';

const PAGE_SIZE = 20;

// A form leaves unset fields empty: they mean "any".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');

const PostsQuerySchema = z.object({
  item: optional(z.string().max(60)),
  body: optional(z.string().max(100)),
  status: optional(z.enum(['online', 'removed', 'reviewed', 'unreviewed'])),
  from: optional(day),
  to: optional(day),
  q: optional(z.string().trim().max(100)),
  sort: optional(z.enum(['published', 'found'])),
  offset: optional(z.coerce.number().int().min(0).max(100_000)),
});

const FIELD_ZH: Record<string, string> = {
  item: '目录事项',
  body: '主体',
  status: '状态',
  from: '起始日期',
  to: '截止日期',
  q: '关键词',
  sort: '排序',
  offset: '页码',
};

/** Whether the viewer may see a post: by its source's body, or the body it was published under. */
export function postVisible(deps: ServerDeps, scope: Scope, postId: number): boolean {
  if (scope.all) return true;
  const post = deps.store.posts.get(postId);
  if (!post) return false;
  const source = deps.store.sources.get(post.sourceId);
  const match = post.currentVersionId ? deps.store.matches.get(post.currentVersionId) : undefined;
  return (
    (source !== undefined && canSee(scope, source.bodyId)) ||
    (match?.publisherBody != null && canSee(scope, match.publisherBody))
  );
}

/** `/posts` (filtered, paged, scoped) and `/posts/:id` (one post, its match, versions and reviews). */
export function registerPosts(app: Hono<AppEnv>, deps: ServerDeps): void {
  const read = createReadModel(deps);
  const bodyName = (id: string) => read.body(id)?.name ?? id;
  const itemIds = new Set(deps.catalog.items.map((i) => i.id as string));

  app.get('/posts', (c) => {
    const viewer = c.get('viewer');
    const scope = c.get('scope');
    const bodies = read.bodies().filter((b) => b.active && canSee(scope, b.id));
    const parsed = PostsQuerySchema.safeParse(c.req.query());
    const page = (query: PostsQuery, found: { rows: PostRow[]; more: boolean }, error?: string) =>
      c.render(
        <PostsPage
          viewer={viewer}
          query={query}
          rows={found.rows}
          more={found.more}
          pageSize={PAGE_SIZE}
          bodies={bodies}
          catalog={deps.catalog}
          error={error}
        />,
      );
    const none = { rows: [], more: false };
    if (!parsed.success) {
      c.status(400);
      const fields = [...new Set(parsed.error.issues.map((i) => FIELD_ZH[String(i.path[0])] ?? '参数'))];
      return page({ offset: 0 }, none, `筛选条件无效：${fields.join('、')}`);
    }
    const q = parsed.data;
    const query: PostsQuery = { ...q, offset: q.offset ?? 0 };
    if (q.item && q.item !== 'none' && !itemIds.has(q.item)) {
      c.status(400);
      return page(query, none, `没有这个目录事项：“${q.item}”`);
    }
    // Another township's body is not there for this viewer.
    if (q.body && (!read.body(q.body) || !canSee(scope, q.body))) return c.notFound();
    return page(
      query,
      deps.store.postList.page({
        ...(q.item ? { item: q.item } : {}),
        // A township's list is its own bodies' posts even without a body chosen.
        ...(q.body ? { bodyIds: [q.body] } : scope.all ? {} : { bodyIds: [...scope.bodyIds] }),
        ...(q.status ? { status: q.status } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        ...(q.q ? { text: q.q } : {}),
        sort: q.sort ?? 'published',
        limit: PAGE_SIZE,
        offset: q.offset ?? 0,
      }),
    );
  });

  app.get('/posts/:id{[0-9]+}', (c) => {
    const id = Number(c.req.param('id'));
    const post = deps.store.posts.get(id);
    if (!post || !postVisible(deps, c.get('scope'), id)) return c.notFound();
    const match = post.currentVersionId ? deps.store.matches.get(post.currentVersionId) : undefined;
    const records = (post.currentVersionId ? deps.store.postList.recordLinks(post.currentVersionId) : [])
      .map((l) => deps.store.records.get(l.recordId))
      .filter((r): r is StoredRecord => r !== undefined);
    return c.render(
      <PostDetailPage
        viewer={c.get('viewer')}
        post={post}
        source={deps.store.sources.get(post.sourceId)}
        versions={deps.store.posts.versions(id)}
        match={match}
        records={records}
        reviews={deps.store.matches.reviews(id)}
        catalog={deps.catalog}
        bodyName={bodyName}
        notice={resultNotice(c.req.query())}
      />,
    );
  });
}

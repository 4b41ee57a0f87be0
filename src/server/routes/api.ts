import { zValidator } from '@hono/zod-validator';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { findingJson } from '../../scoring/index.js';
import { canSee } from '../auth/session.js';
import { acceptsGzip, createCache, type EncodedBody, encodeBody, scopeKey } from '../cache.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { createReadModel } from '../read-model.js';

const year = z.coerce.number().int().min(2000).max(2100).optional();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');

interface Validation {
  success: boolean;
  error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
}

// zod's errors, in the API's shape: 400 with what was wrong where.
const invalid = (result: Validation, c: Context) =>
  result.success
    ? undefined
    : c.json(
        {
          error: '请求参数无效',
          issues: result.error?.issues.map((i) => ({
            path: i.path.map(String).join('.'),
            message: i.message,
          })),
        },
        400,
      );

/** The JSON API of DESIGN.md, behind the same login (or an API token), scoped like the pages. */
export function registerApi(app: Hono<AppEnv>, deps: ServerDeps): void {
  const read = createReadModel(deps);
  const cards = createCache<EncodedBody>(64);
  const runOf = (y: number | undefined) => read.run(y ?? read.defaultYear());

  app.get('/api/scorecards', zValidator('query', z.object({ year }), invalid), (c) => {
    const { year: y } = c.req.valid('query');
    const run = runOf(y);
    if (!run) return c.json({ error: `${y ?? read.defaultYear()} 年度尚未评分` }, 404);
    const scope = c.get('scope');
    // The same run and scope give the same answer: serialised, encoded and compressed once (a province's is
    // 1.8 MB of JSON, 140 KB in gzip).
    const json = cards.get(`${run.id}|${scopeKey(scope)}`, () =>
      encodeBody(
        JSON.stringify(
          read.cards(run, scope).map((card) => ({
            body: card.body,
            timeliness: card.timeliness,
            completeness: card.completeness,
            points: card.points,
            findings: card.findingCount,
            elementCompleteness: card.elementCompleteness,
            grade: card.grade,
            vetoed: card.vetoed,
            counts: card.counts,
          })),
        ),
      ),
    );
    const gzip = acceptsGzip(c.req.header('accept-encoding'));
    return c.body(gzip ? json.gzip : json.bytes, 200, {
      'content-type': 'application/json; charset=utf-8',
      vary: 'Accept-Encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
  });

  app.get('/api/bodies/:id/findings', zValidator('query', z.object({ year }), invalid), (c) => {
    const id = c.req.param('id');
    if (!read.body(id) || !canSee(c.get('scope'), id)) return c.json({ error: `找不到主体“${id}”` }, 404);
    const run = runOf(c.req.valid('query').year);
    if (!run) return c.json({ error: '该年度尚未评分' }, 404);
    return c.json(read.findings(run, id).map(findingJson));
  });

  app.get(
    '/api/overdue',
    zValidator('query', z.object({ body: z.string().min(1), today: day.optional(), year }), invalid),
    (c) => {
      const q = c.req.valid('query');
      const scope = c.get('scope');
      const body = read.body(q.body);
      if (!body || !canSee(scope, q.body)) return c.json({ error: `找不到主体“${q.body}”` }, 404);
      const run = runOf(q.year ?? (q.today ? Number(q.today.slice(0, 4)) : undefined));
      if (!run) return c.json({ error: '该年度尚未评分' }, 404);
      // A township's list covers its villages too.
      const ids = [
        q.body,
        ...read
          .bodies()
          .filter((b) => b.parentId === q.body)
          .map((b) => b.id),
      ].filter((id) => canSee(scope, id));
      const list = read.overdue(run, ids, q.today);
      return c.json([
        ...list.overdue.map((o) => ({
          status: 'overdue',
          body: o.bodyId,
          item: o.item,
          record: o.record?.refNo ?? o.record?.title ?? null,
          channel: o.channel,
          due: o.due,
          workdaysLate: o.workdaysLate,
        })),
        ...list.dueSoon.map((o) => ({
          status: 'due_soon',
          body: o.bodyId,
          item: o.item,
          record: o.record?.refNo ?? o.record?.title ?? null,
          channel: o.channel,
          due: o.due,
          workdaysLeft: o.workdaysLeft,
        })),
      ]);
    },
  );

  app.get(
    '/api/posts',
    zValidator(
      'query',
      z.object({
        item: z.string().optional(),
        body: z.string().optional(),
        from: day.optional(),
        to: day.optional(),
        q: z.string().max(100).optional(),
        limit: z.coerce.number().int().min(1).max(500).optional(),
        offset: z.coerce.number().int().min(0).optional(),
      }),
      invalid,
    ),
    (c) => {
      const q = c.req.valid('query');
      const scope = c.get('scope');
      if (q.body && (!read.body(q.body) || !canSee(scope, q.body)))
        return c.json({ error: `找不到主体“${q.body}”` }, 404);
      const bodyIds = q.body ? [q.body] : scope.all ? undefined : [...scope.bodyIds];
      const page = deps.store.postList.page({
        ...(q.item ? { item: q.item } : {}),
        ...(bodyIds ? { bodyIds } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        ...(q.q ? { text: q.q } : {}),
        limit: q.limit ?? 50,
        offset: q.offset ?? 0,
      });
      return c.json(
        page.rows.map((p) => ({
          id: p.id,
          url: p.url,
          title: p.title,
          source: p.sourceId,
          body: p.sourceBodyId,
          publisher: p.publisherBody,
          publishedAt: p.publishedAt,
          firstSeen: p.firstSeen,
          removedAt: p.removedAt,
          items: p.items,
          reviewed: p.reviewed,
        })),
      );
    },
  );
}

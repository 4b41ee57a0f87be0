import type { Hono } from 'hono';
import { z } from 'zod';
import type { Element, Item } from '../../catalog/index.js';
import { isInScope } from '../../crawlers/index.js';
import type { Obligation } from '../../scoring/index.js';
import type { Body, Claim } from '../../store/index.js';
import { canSee } from '../auth/session.js';
import type { AppEnv, Scope, ServerDeps } from '../deps.js';
import { createReadModel } from '../read-model.js';
import { ClaimRefusedPage, ClaimResultPage } from '../views/claim-result.js';
import { type BodyTodos, OverduePage } from '../views/overdue.js';
import type { TodoEntry, Where } from '../views/overdue-item.js';

// Channels whose publications gongkai crawls; a claim's link is fetched from one of their sources.
const WEB_CHANNELS = new Set(['政府网站', '两微一端']);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const yearOf = (value: string | undefined, fallback: number): number => {
  const y = Number(value);
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : fallback;
};

const ClaimFormSchema = z.object({
  body: z.string().min(1).max(100),
  obligation: z
    .string()
    .max(300)
    .regex(/^(rec|std):/, '公开义务编号无效'),
  url: z.string().trim().min(1, '请填写网页链接').max(2000, '链接过长（最多 2000 个字符）'),
  publishedOn: z
    .string()
    .trim()
    .transform((s) => s || undefined)
    .pipe(z.iso.date('公开日期应为 YYYY-MM-DD').optional()),
  note: z
    .string()
    .trim()
    .max(500, '说明最多 500 字')
    .transform((s) => s || undefined),
  year: z.coerce.number().int().min(2000).max(2100),
});

/** An http(s) link without credentials, or why not. */
function checkUrl(raw: string): URL | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `“${raw}”不是有效的网址`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return '链接应以 http:// 或 https:// 开头';
  if (url.username || url.password) return '链接中不能包含用户名或密码';
  return url;
}

// Only pages on the source's registered site are fetched (never an arbitrary host); the claim is filed either way.
async function fetchClaimed(
  deps: ServerDeps,
  url: URL,
  where: Extract<Where, { kind: 'source' }>,
): Promise<{ postId: number } | { error: string }> {
  const source = deps.store.sources.get(where.sourceId);
  if (!source || !isInScope(url, source.scope))
    return {
      error: `该链接不在${where.bodyName}${source?.channel ?? ''}的监测范围（${source?.scope.join('、') || '无'}）内，未自动抓取`,
    };
  try {
    return await deps.actions.fetchClaimed(url.href, source.id);
  } catch (error) {
    deps.log?.warn({ err: String(error), url: url.href }, 'claimed page fetch failed');
    return { error: '抓取时出错' };
  }
}

/** `/overdue` (a township's list of what to publish) and the "已发布" self-check that files a claim. */
export function registerTownship(app: Hono<AppEnv>, deps: ServerDeps): void {
  const read = createReadModel(deps);
  const { store, catalog } = deps;
  const itemOf = (id: string): Item | undefined => catalog.items.find((i) => i.id === id);
  // Rows of one item often repeat an element (item 10's a and b): each is listed once.
  const elementsOf = (item: Item | undefined, row?: string): Element[] => {
    const all = (row ? item?.rows.filter((r) => r.id === row) : item?.rows)?.flatMap((r) => r.elements) ?? [];
    const seen = new Set<string>();
    return all.filter((e) => {
      const key = `${e.name}|${e.parts.join('、')}`;
      return seen.has(key) ? false : Boolean(seen.add(key));
    });
  };

  // A body and its villages, as far as the viewer may see them.
  const groupOf = (body: Body, scope: Scope): Body[] => [
    body,
    ...read.bodies().filter((b) => b.parentId === body.id && b.active && canSee(scope, b.id)),
  ];

  // The source a claimed link is fetched for: the body's own on the channel, else its township's.
  const whereOf = (body: Body, channel: string): Where => {
    if (!WEB_CHANNELS.has(channel)) return { kind: 'offline' };
    const sources = store.sources
      .list()
      .filter((s) => s.active && s.kind !== 'offline' && s.channel === channel);
    const own = sources.find((s) => s.bodyId === body.id);
    const parent = body.parentId ? read.body(body.parentId) : undefined;
    const theirs = parent ? sources.find((s) => s.bodyId === parent.id) : undefined;
    const source = own ?? theirs;
    if (!source) return { kind: 'none' };
    const owner = read.body(source.bodyId);
    return {
      kind: 'source',
      sourceId: source.id,
      bodyName: owner?.name ?? source.bodyId,
      url: source.start[0] ?? null,
      viaParent: source !== own,
    };
  };

  const entryOf = (body: Body, o: Obligation, claims: Claim[]): TodoEntry => ({
    obligation: o,
    item: itemOf(o.item),
    elements: elementsOf(itemOf(o.item), o.row),
    where: whereOf(body, o.channel),
    claims: claims.filter((c) => c.obligationKey === o.key),
  });

  app.get('/overdue', (c) => {
    const viewer = c.get('viewer');
    const scope = c.get('scope');
    const asked = c.req.query('body') || (viewer.role === 'township' ? viewer.bodyId : undefined);
    const body = asked ? read.body(asked) : undefined;
    if (asked && (!body || !canSee(scope, asked))) return c.notFound();
    const year = yearOf(c.req.query('year'), read.defaultYear());
    const run = read.run(year);
    const pickable = read.bodies().filter((b) => b.active && canSee(scope, b.id));
    const todayAsked = c.req.query('today') || undefined;
    const base = {
      viewer,
      year,
      years: read.years(),
      run,
      windowWorkdays: deps.scheme.dueSoonWorkdays ?? 10,
      body,
      pickable,
      groups: [] as BodyTodos[],
      dayAsked: todayAsked !== undefined,
      day: run?.today,
    };
    if (!run) return c.render(<OverduePage {...base} />);
    // A day well outside the scored year says nothing about it (and may lie beyond the holiday data).
    const dayOk =
      todayAsked === undefined ||
      (DAY.test(todayAsked) &&
        !Number.isNaN(Date.parse(todayAsked)) &&
        todayAsked >= `${year}-01-01` &&
        todayAsked <= `${year + 1}-12-31`);
    if (!dayOk) {
      c.status(400);
      return c.render(
        <OverduePage
          {...base}
          error={`日期“${todayAsked}”无效：应为 ${year} 或 ${year + 1} 年内的 YYYY-MM-DD`}
        />,
      );
    }
    const day = todayAsked ?? run.today;
    if (!body) {
      const index = read
        .bodies()
        .filter((b) => b.active && b.level === 'township' && canSee(scope, b.id))
        .map((b) => {
          const list = read.overdue(
            run,
            groupOf(b, scope).map((x) => x.id),
            day,
          );
          return { body: b, overdue: list.overdue.length, dueSoon: list.dueSoon.length };
        });
      return c.render(<OverduePage {...base} day={day} index={index} />);
    }
    const groups = groupOf(body, scope).map((b): BodyTodos => {
      const list = read.overdue(run, [b.id], day);
      const claims = store.claims.list({ bodyId: b.id });
      return {
        body: b,
        overdue: list.overdue
          .sort((x, y) => (y.workdaysLate ?? 0) - (x.workdaysLate ?? 0))
          .map((o) => entryOf(b, o, claims)),
        dueSoon: list.dueSoon
          .sort((x, y) => (x.workdaysLeft ?? 0) - (y.workdaysLeft ?? 0))
          .map((o) => entryOf(b, o, claims)),
        elements: read
          .findings(run, b.id)
          .filter((f) => f.kind === 'element_missing')
          .map((f) => ({
            finding: f,
            item: f.item ? itemOf(f.item) : undefined,
            elements: elementsOf(f.item ? itemOf(f.item) : undefined),
          })),
      };
    });
    return c.render(<OverduePage {...base} day={day} groups={groups} />);
  });

  app.post('/overdue/claims', async (c) => {
    const viewer = c.get('viewer');
    if (viewer.kind !== 'user') return c.text('请登录后提交', 403);
    const refuse = (message: string, back = '/overdue') => {
      c.status(400);
      return c.render(<ClaimRefusedPage viewer={viewer} message={message} back={back} />);
    };
    const parsed = ClaimFormSchema.safeParse(await c.req.parseBody());
    if (!parsed.success) return refuse(`提交无效：${parsed.error.issues.map((i) => i.message).join('；')}`);
    const form = parsed.data;
    const body = read.body(form.body);
    if (!body || !canSee(c.get('scope'), body.id)) return c.notFound();
    const run = read.run(form.year);
    const obligation = run
      ? read.obligations(run, body.id).find((o) => o.key === form.obligation)
      : undefined;
    if (!obligation) return c.notFound();
    const home = body.level === 'village' && body.parentId ? body.parentId : body.id;
    const back = `/overdue?body=${encodeURIComponent(home)}&year=${form.year}#b-${body.id}`;
    const url = checkUrl(form.url);
    if (typeof url === 'string') return refuse(`链接无效：${url}`, back);
    const where = whereOf(body, obligation.channel);
    if (where.kind !== 'source')
      return refuse(
        where.kind === 'offline'
          ? `“${obligation.channel}”是线下渠道：请在“数据录入”页录入线下公示`
          : `“${obligation.channel}”尚未登记监测来源，无法抓取核实，请联系评估人员`,
        back,
      );

    const fetched = await fetchClaimed(deps, url, where);
    const { id, created } = store.claims.add({
      bodyId: body.id,
      obligationKey: obligation.key,
      url: url.href,
      publishedOn: form.publishedOn ?? null,
      by: viewer.name,
      note: form.note ?? null,
    });
    if ('postId' in fetched) store.claims.attachPost(id, fetched.postId);
    store.accounts.audit({
      actor: viewer.name,
      action: 'claim.add',
      target: `claim:${id}`,
      detail: {
        bodyId: body.id,
        obligationKey: obligation.key,
        url: url.href,
        sourceId: where.sourceId,
        created,
        ...('postId' in fetched ? { postId: fetched.postId } : { error: fetched.error }),
      },
    });
    try {
      await deps.actions.rescore(form.year);
    } catch (error) {
      deps.log?.warn({ err: String(error), year: form.year }, 'rescore after a claim failed');
    }
    const claim = store.claims.get(id) as Claim;
    const post = 'postId' in fetched ? store.posts.get(fetched.postId) : undefined;
    return c.render(
      <ClaimResultPage
        viewer={viewer}
        catalog={catalog}
        body={body}
        obligation={obligation}
        claim={claim}
        created={created}
        post={post}
        match={post?.currentVersionId ? store.matches.get(post.currentVersionId) : undefined}
        fetchError={'error' in fetched ? fetched.error : undefined}
      />,
    );
  });
}

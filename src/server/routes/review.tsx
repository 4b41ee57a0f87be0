import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { Obligation } from '../../scoring/index.js';
import type { Review, StoredMatch } from '../../store/index.js';
import { canSee, requireRole } from '../auth/session.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { createReadModel } from '../read-model.js';
import { measureAccuracy } from '../views/accuracy.js';
import { type PendingClaim, ReviewPage } from '../views/review.js';
import { resultNotice } from '../views/review-form.js';
import { ReviewPostPage } from '../views/review-post.js';
import { postVisible } from './posts.js';

const PAGE_SIZE = 20;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
// The first of a repeated form field; absent stays absent.
const one = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), schema);

const SettingsSchema = z.object({
  below: z.coerce.number().gt(0).max(1).catch(0.6),
  margin: z.coerce.number().min(0).max(0.5).catch(0.1),
  offset: z.coerce.number().int().min(0).max(100_000).catch(0),
});

const ReviewFormSchema = z.object({
  action: one(z.enum(['confirm', 'none', 'correct'])),
  items: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().max(60)).max(30),
  ),
  none: one(z.literal('1').optional()),
  publishedAt: one(z.union([z.literal(''), day]).optional()),
  formedAt: one(z.union([z.literal(''), day]).optional()),
  publisherBody: one(z.string().trim().max(100).optional()),
  note: one(z.string().trim().max(500).optional()),
  back: one(z.string().max(300).optional()),
});

const ClaimFormSchema = z.object({
  action: one(z.enum(['confirm', 'reject'])),
  note: one(z.string().trim().max(500).optional()),
});

/** Only back to the review queue or a post's page of this site. */
const safeBack = (back: string | undefined, postId: number): string =>
  back && /^\/(review(\?[\w=&.%-]*)?|posts\/\d+)$/.test(back) ? back : `/posts/${postId}`;

/** `/review`: the queue of uncertain matches, a post's review, pending claims, and the measured accuracy. */
export function registerReview(app: Hono<AppEnv>, deps: ServerDeps): void {
  const read = createReadModel(deps);
  const bodyName = (id: string) => read.body(id)?.name ?? id;
  const activeBodies = () => read.bodies().filter((b) => b.active);
  app.use('/review/*', requireRole('admin', 'evaluator'));

  // A claim's obligation in the latest run of the newest scored year that has it.
  const obligationFinder = () => {
    const runs = deps.store.scores.years().flatMap((y) => deps.store.scores.latest(y) ?? []);
    const cache = new Map<string, Obligation[]>();
    return (bodyId: string, key: string) => {
      for (const run of runs) {
        const at = `${run.id}|${bodyId}`;
        const list = cache.get(at) ?? read.obligations(run, bodyId);
        cache.set(at, list);
        const obligation = list.find((o) => o.key === key);
        if (obligation) return { obligation, year: run.year };
      }
      return undefined;
    };
  };

  app.get('/review', (c) => {
    const settings = SettingsSchema.parse(c.req.query());
    const scope = c.get('scope');
    const found = deps.store.reviewQueue.uncertain({
      below: settings.below,
      margin: settings.margin,
      ...(scope.all ? {} : { bodyIds: [...scope.bodyIds] }),
      limit: PAGE_SIZE,
      offset: settings.offset,
    });
    const queue = found.rows.flatMap((post) => {
      const match = deps.store.matches.get(post.versionId);
      return match ? [{ post, match }] : [];
    });
    const find = obligationFinder();
    const claims: PendingClaim[] = deps.store.claims
      .list({ status: 'pending' })
      .filter((claim) => canSee(scope, claim.bodyId))
      .map((claim) => {
        const post = claim.postId !== null ? deps.store.posts.get(claim.postId) : undefined;
        return {
          claim,
          obligation: find(claim.bodyId, claim.obligationKey)?.obligation,
          versionId: post?.currentVersionId ?? null,
          title: post?.title ?? null,
        };
      });
    return c.render(
      <ReviewPage
        viewer={c.get('viewer')}
        catalog={deps.catalog}
        bodies={activeBodies()}
        bodyName={bodyName}
        settings={settings}
        pageSize={PAGE_SIZE}
        queue={queue}
        more={found.more}
        claims={claims}
        accuracy={measureAccuracy(deps.store.reviewQueue.labels(), deps.catalog)}
        notice={resultNotice(c.req.query())}
      />,
    );
  });

  const reviewPage = (c: Context<AppEnv>, postId: number, error?: string) => {
    const post = deps.store.posts.get(postId);
    if (!post || !postVisible(deps, c.get('scope'), postId)) return c.notFound();
    return c.render(
      <ReviewPostPage
        viewer={c.get('viewer')}
        post={post}
        match={post.currentVersionId ? deps.store.matches.get(post.currentVersionId) : undefined}
        latest={deps.store.matches.reviews(postId).at(-1)}
        catalog={deps.catalog}
        bodies={activeBodies()}
        bodyName={bodyName}
        error={error}
      />,
    );
  };

  app.get('/review/posts/:id{[0-9]+}', (c) => reviewPage(c, Number(c.req.param('id'))));

  app.post('/review/posts/:id{[0-9]+}', async (c) => {
    const viewer = c.get('viewer');
    const postId = Number(c.req.param('id'));
    const post = deps.store.posts.get(postId);
    if (!post || !postVisible(deps, c.get('scope'), postId)) return c.notFound();
    const form = ReviewFormSchema.safeParse(await c.req.parseBody({ all: true }));
    const match = post.currentVersionId ? deps.store.matches.get(post.currentVersionId) : undefined;
    const latest = deps.store.matches.reviews(postId).at(-1);
    const made = form.success
      ? decisionOf(form.data, match, latest, deps)
      : { error: '表单内容无效，请刷新页面后重试' };
    if ('error' in made) {
      c.status(400);
      return reviewPage(c, postId, made.error);
    }
    const note = form.data?.note || null;
    const at = deps.clock().toISOString();
    const reviewId = deps.store.matches.addReview({
      postId,
      by: viewer.name,
      at,
      decision: made.decision,
      note,
    });
    const years = rescoreYears(deps, [
      match?.publishedAt,
      match?.formedAt,
      made.decision.publishedAt,
      made.decision.formedAt,
      post.firstSeen,
    ]);
    deps.store.accounts.audit({
      actor: viewer.name,
      action: 'review.add',
      target: `post:${postId}`,
      detail: {
        reviewId,
        decision: made.decision,
        note,
        // What the matchers read when the person decided (the accuracy page compares with the current match).
        matcher: match
          ? {
              versionId: match.versionId,
              matcherVersion: match.matcherVersion,
              items: match.items,
              publishedAt: match.publishedAt,
              formedAt: match.formedAt,
              publisherBody: match.publisherBody,
            }
          : null,
        rescore: years,
      },
    });
    const failed = await rescoreAll(deps, years);
    const back = new URL(safeBack(form.data?.back, postId), 'http://local');
    back.searchParams.set('saved', String(postId));
    back.searchParams.set('years', years.join(','));
    if (failed.length) back.searchParams.set('failed', failed.join(','));
    return c.redirect(`${back.pathname}${back.search}`, 303);
  });

  app.post('/review/claims/:id{[0-9]+}', async (c) => {
    const viewer = c.get('viewer');
    const claim = deps.store.claims.get(Number(c.req.param('id')));
    if (!claim || !canSee(c.get('scope'), claim.bodyId)) return c.notFound();
    const form = ClaimFormSchema.safeParse(await c.req.parseBody({ all: true }));
    if (!form.success) return c.text('表单内容无效，请刷新页面后重试', 400);
    const status = form.data.action === 'confirm' ? 'confirmed' : 'rejected';
    const note = form.data.note || null;
    deps.store.claims.decide(claim.id, { status, by: viewer.name, note });
    const found = obligationFinder()(claim.bodyId, claim.obligationKey);
    const years = found ? [found.year] : rescoreYears(deps, [claim.publishedOn]);
    deps.store.accounts.audit({
      actor: viewer.name,
      action: `claim.${form.data.action}`,
      target: `claim:${claim.id}`,
      detail: {
        bodyId: claim.bodyId,
        obligationKey: claim.obligationKey,
        url: claim.url,
        note,
        rescore: years,
      },
    });
    const failed = await rescoreAll(deps, years);
    const params = new URLSearchParams({ claim: String(claim.id), decided: status, years: years.join(',') });
    if (failed.length) params.set('failed', failed.join(','));
    return c.redirect(`/review?${params}#claims`, 303);
  });
}

/**
 * The scored years a decision may change: those of the post's dates, and the year before one in its first
 * quarter (a record formed late in a year is often published early in the next).
 */
function rescoreYears(deps: ServerDeps, dates: readonly (string | null | undefined)[]): number[] {
  const scored = new Set(deps.store.scores.years());
  const years = new Set<number>();
  for (const d of dates) {
    if (!d || !/^\d{4}-\d{2}/.test(d)) continue;
    const year = Number(d.slice(0, 4));
    years.add(year);
    if (Number(d.slice(5, 7)) <= 3) years.add(year - 1);
  }
  return [...years].filter((y) => scored.has(y)).sort((a, b) => b - a);
}

/** Rescoring each year in turn; the years that failed (the decision stays recorded either way). */
async function rescoreAll(deps: ServerDeps, years: readonly number[]): Promise<number[]> {
  const failed: number[] = [];
  for (const year of years) {
    try {
      await deps.actions.rescore(year);
    } catch (error) {
      deps.log?.warn({ year, error: String(error) }, 'rescore after a decision failed');
      failed.push(year);
    }
  }
  return failed;
}

type Decision = Review['decision'];
type ReviewForm = z.infer<typeof ReviewFormSchema>;

/** The decision a submitted form makes: only what differs from the matchers is an override. */
function decisionOf(
  form: ReviewForm,
  match: StoredMatch | undefined,
  latest: Review | undefined,
  deps: ServerDeps,
): { decision: Decision } | { error: string } {
  if (form.action === 'confirm') {
    if (!match || match.items.length === 0) return { error: '该信息尚未识别出目录事项，无从确认' };
    return { decision: { items: match.items.map((i) => i.id), confirmed: true } };
  }
  if (form.action === 'none') return { decision: { items: [] } };
  const known = new Set(deps.catalog.items.map((i) => i.id as string));
  const unknown = form.items.filter((i) => !known.has(i));
  if (unknown.length) return { error: `没有这些目录事项：${unknown.join('、')}` };
  if (form.none && form.items.length) return { error: '不能既选择事项又勾选“不属于目录事项”' };
  if (!form.none && form.items.length === 0) return { error: '请选择目录事项，或勾选“不属于目录事项”' };
  const decision: Decision = { items: form.none ? [] : [...new Set(form.items)] };
  const published = form.publishedAt || null;
  const formed = form.formedAt || null;
  if (published !== (match?.publishedAt ?? null)) decision.publishedAt = published;
  if (formed !== (match?.formedAt ?? null)) decision.formedAt = formed;
  const publisher = resolveBody(deps, form.publisherBody ?? '');
  if (publisher === undefined) return { error: `发布主体应为登记的主体，找不到“${form.publisherBody}”` };
  if (publisher !== (match?.publisherBody ?? null)) decision.publisherBody = publisher;
  // Record links come from the command line only; a later review keeps them.
  if (latest?.decision.records !== undefined) decision.records = latest.decision.records;
  return { decision };
}

/** A registry body by id, name or alias; null for none given, undefined for one not in the registry. */
function resolveBody(deps: ServerDeps, value: string): string | null | undefined {
  if (value === '') return null;
  if (deps.store.bodies.get(value)) return value;
  return deps.store.bodies.list().find((b) => b.name === value || b.aliases.includes(value))?.id;
}

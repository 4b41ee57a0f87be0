import type { Hono } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Evidence } from '../../scoring/index.js';
import type { FetchRecord } from '../../store/index.js';
import { canSee, requireRole } from '../auth/session.js';
import { bytesOf, createCache, scopeKey } from '../cache.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { createReadModel } from '../read-model.js';
import { ArchivePage } from '../views/archive.js';
import { BodyContent } from '../views/body.js';
import { Layout } from '../views/layout.js';
import { OverviewBody, OverviewPage } from '../views/overview.js';
import { registerData } from './data.js';
import { registerPosts } from './posts.js';
import { registerReports } from './reports.js';
import { registerReview } from './review.js';
import { registerSources } from './sources.js';
import { registerTownship } from './township.js';

// Where a page's cached content goes in its layout, which carries the viewer's name and CSRF token.
const CONTENT_MARK = '\u0000gongkai-content\u0000';

/** A page of cached bytes in the viewer's layout: only the small layout is rendered and encoded per request. */
function aroundContent(layout: (content: Child) => Child, content: Uint8Array): Uint8Array<ArrayBuffer> {
  const [head = '', tail = ''] = `<!DOCTYPE html>${String(layout(raw(CONTENT_MARK)))}`.split(CONTENT_MARK);
  return bytesOf(Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(tail, 'utf8')]));
}

const yearOf = (value: string | undefined, fallback: number): number => {
  const y = Number(value);
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : fallback;
};

/** The server-rendered pages; each module adds its own routes. */
export function registerPages(app: Hono<AppEnv>, deps: ServerDeps): void {
  const read = createReadModel(deps);
  const rendered = createCache<string>(256);
  const renderedBytes = createCache<Uint8Array>(64);
  const findingLabels = Object.fromEntries(
    Object.entries(deps.scheme.findings).map(([kind, rule]) => [kind, rule?.label ?? kind]),
  );

  app.get('/', (c) => {
    const viewer = c.get('viewer');
    // A township lead's start page is their own list.
    if (viewer.role === 'township') return c.redirect('/overdue', 302);
    const year = yearOf(c.req.query('year'), read.defaultYear());
    const run = read.run(year);
    const page = Math.max(1, Math.floor(Number(c.req.query('page')) || 1));
    const scope = c.get('scope');
    const props = { viewer, year, years: read.years(), catalog: deps.catalog, findingLabels, page };
    if (!run) return c.render(<OverviewPage {...props} run={undefined} cards={[]} counts={[]} />);
    // A run never changes: its overview is rendered once per scope and page (the header, with the viewer's
    // name and CSRF token, is not part of it).
    const content = renderedBytes.get(`overview|${run.id}|${scopeKey(scope)}|${year}|${page}`, () =>
      Buffer.from(
        String(
          <OverviewBody
            {...props}
            run={run}
            cards={read.cards(run, scope)}
            counts={read.obligationCounts(run)}
          />,
        ),
        'utf8',
      ),
    );
    const html = aroundContent(
      (inner) => (
        <Layout title="总览" viewer={viewer} current="/">
          {inner}
        </Layout>
      ),
      content,
    );
    return c.body(html, 200, { 'content-type': 'text/html; charset=UTF-8' });
  });

  app.get('/bodies/:id', (c) => {
    const id = c.req.param('id');
    const body = read.body(id);
    if (!body || !canSee(c.get('scope'), id)) return c.notFound();
    const year = yearOf(c.req.query('year'), read.defaultYear());
    const run = read.run(year);
    const page = (): string => {
      const findings = run ? read.findings(run, id) : [];
      const fetches = new Map<number, FetchRecord>();
      for (const e of findings
        .map((f) => f.evidence)
        .filter((e): e is Evidence => e?.fetchId !== undefined)) {
        const f = deps.store.fetches.get(e.fetchId as number);
        if (f) fetches.set(f.id, f);
      }
      return String(
        <BodyContent
          viewer={c.get('viewer')}
          year={year}
          body={body}
          parent={body.parentId ? read.body(body.parentId) : undefined}
          villages={read.bodies().filter((b) => b.parentId === id && b.active)}
          run={run}
          card={
            run ? read.cards(run, { all: true, bodyIds: new Set() }).find((x) => x.body.id === id) : undefined
          }
          withVillages={run ? read.withVillages(run, id) : undefined}
          obligations={run ? read.obligations(run, id) : []}
          findings={findings}
          fetches={fetches}
          catalog={deps.catalog}
          findingLabels={findingLabels}
        />,
      );
    };
    // The same for everyone allowed to see the body, and fixed once the run is written.
    const content = run ? rendered.get(`body|${run.id}|${id}|${year}`, page) : page();
    return c.render(
      <Layout title={body.name} viewer={c.get('viewer')}>
        {raw(content)}
      </Layout>,
    );
  });

  // The archived copy of a post version: a page about it, and the stored bytes in a sandboxed frame.
  const archived = (c: { get: (k: 'scope') => AppEnv['Variables']['scope'] }, versionId: number) => {
    const version = deps.store.posts.version(versionId);
    const post = version ? deps.store.posts.get(version.postId) : undefined;
    if (!version || !post) return undefined;
    const source = deps.store.sources.get(post.sourceId);
    const match = deps.store.matches.get(version.id);
    const scope = c.get('scope');
    const visible =
      scope.all ||
      (source && canSee(scope, source.bodyId)) ||
      (match?.publisherBody && canSee(scope, match.publisherBody));
    return visible ? { version, post, fetch: deps.store.fetches.get(version.fetchId) } : undefined;
  };

  app.get('/archive/:versionId', (c) => {
    const found = archived(c, Number(c.req.param('versionId')));
    if (!found) return c.notFound();
    const versions = deps.store.posts.versions(found.post.id);
    return c.render(<ArchivePage viewer={c.get('viewer')} {...found} versions={versions} />);
  });

  app.get('/archive/:versionId/raw', (c) => {
    const found = archived(c, Number(c.req.param('versionId')));
    const bytes = found ? deps.store.blobs.get(found.version.bodySha256) : undefined;
    if (!found || !bytes) return c.notFound();
    const charset =
      found.fetch?.charset && found.fetch.charset !== 'rendered' ? found.fetch.charset : 'utf-8';
    // Hostile input, shown as evidence: no scripts, no requests out, a unique origin (no cookies), no framing by others.
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': `text/html; charset=${charset}`,
      'content-security-policy':
        "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'",
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=86400',
    });
  });

  app.use('/review', requireRole('admin', 'evaluator'));
  app.use('/sources', requireRole('admin', 'evaluator'));
  registerTownship(app, deps);
  registerData(app, deps);
  registerPosts(app, deps);
  registerReview(app, deps);
  registerSources(app, deps);
  registerReports(app, deps);
}

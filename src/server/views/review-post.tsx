import type { Catalog } from '../../catalog/index.js';
import type { Body, Post, Review, StoredMatch } from '../../store/index.js';
import type { Viewer } from '../deps.js';
import { instantZh } from './format.js';
import { CrawledLink } from './labels.js';
import { Layout } from './layout.js';
import { MatchFacts } from './match-facts.js';
import { decisionZh } from './post-detail.js';
import { BodyOptions, ReviewForm } from './review-form.js';

/** `/review/posts/:id`: one post's review form, starting from its latest review or else the matchers' reading. */
export function ReviewPostPage(props: {
  viewer: Viewer;
  post: Post;
  match: StoredMatch | undefined;
  latest: Review | undefined;
  catalog: Catalog;
  bodies: Body[];
  bodyName: (id: string) => string;
  error?: string | undefined;
}) {
  const { post, match, latest } = props;
  const d = latest?.decision ?? {};
  const start = {
    items: d.items ?? match?.items.map((i) => i.id) ?? [],
    publishedAt: d.publishedAt !== undefined ? d.publishedAt : (match?.publishedAt ?? null),
    formedAt: d.formedAt !== undefined ? d.formedAt : (match?.formedAt ?? null),
    publisherBody: d.publisherBody !== undefined ? d.publisherBody : (match?.publisherBody ?? null),
  };
  return (
    <Layout title={`复核：${post.title ?? post.url}`} viewer={props.viewer} current="/review">
      <p class="crumbs">
        <a href="/review">复核</a> › <a href={`/posts/${post.id}`}>信息 {post.id}</a>
      </p>
      <h1>{post.title || post.url}</h1>
      <p class="meta">
        {post.currentVersionId ? <a href={`/archive/${post.currentVersionId}`}>查看存档</a> : null} ·{' '}
        <CrawledLink url={post.url}>原网页</CrawledLink>
      </p>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      {latest ? (
        <p class="notice">
          最近一次复核：{decisionZh(latest.decision, props.catalog, props.bodyName)}（{latest.by}，
          {instantZh(latest.at)}）。再次复核将取代它。
        </p>
      ) : null}
      <h2>自动识别结果</h2>
      {match ? (
        <MatchFacts match={match} catalog={props.catalog} bodyName={props.bodyName} />
      ) : (
        <p class="empty">当前版本尚未识别。</p>
      )}
      <h2>复核结论</h2>
      <BodyOptions bodies={props.bodies} />
      <ReviewForm
        viewer={props.viewer}
        postId={post.id}
        catalog={props.catalog}
        start={start}
        back={`/posts/${post.id}`}
        matched={(match?.items.length ?? 0) > 0}
        open
      />
    </Layout>
  );
}

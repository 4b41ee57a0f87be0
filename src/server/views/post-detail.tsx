import type { Catalog } from '../../catalog/index.js';
import type { Post, PostVersion, Review, Source, StoredMatch, StoredRecord } from '../../store/index.js';
import type { Viewer } from '../deps.js';
import { dateZh, instantZh } from './format.js';
import { CrawledLink, itemLabel } from './labels.js';
import { Layout } from './layout.js';
import { MatchFacts } from './match-facts.js';

export interface PostDetailProps {
  viewer: Viewer;
  post: Post;
  source: Source | undefined;
  versions: PostVersion[];
  match: StoredMatch | undefined;
  records: StoredRecord[];
  reviews: Review[];
  catalog: Catalog;
  bodyName: (id: string) => string;
  notice?: string | undefined;
}

/** A review's decision in words: only what it overrides. */
export function decisionZh(
  decision: Review['decision'],
  catalog: Catalog,
  bodyName: (id: string) => string,
): string {
  const parts: string[] = [];
  if (decision.confirmed) parts.push('确认自动识别无误');
  if (decision.items !== undefined && !decision.confirmed)
    parts.push(
      decision.items.length === 0
        ? '不属于目录事项'
        : `事项改为 ${decision.items.map((i) => itemLabel(catalog, i)).join('、')}`,
    );
  if (decision.publishedAt !== undefined) parts.push(`公开日期 ${dateZh(decision.publishedAt)}`);
  if (decision.formedAt !== undefined) parts.push(`形成日期 ${dateZh(decision.formedAt)}`);
  if (decision.publisherBody !== undefined)
    parts.push(`发布主体 ${decision.publisherBody ? bodyName(decision.publisherBody) : '无法确定'}`);
  if (decision.records !== undefined) parts.push(`对应记录 ${decision.records.join('、') || '无'}`);
  return parts.join('；') || '—';
}

/** `/posts/:id`: a post, what the matchers read in its current version, its versions and its reviews. */
export function PostDetailPage(props: PostDetailProps) {
  const { post, match, reviews } = props;
  const latest = reviews.at(-1);
  const title = post.title || post.url;
  return (
    <Layout title={title} viewer={props.viewer} current="/posts">
      <p class="crumbs">
        <a href="/posts">已抓取信息</a> › 信息 {post.id}
      </p>
      <h1>
        {title}
        {post.removedAt ? <span class="tag major">已撤下</span> : null}
      </h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.viewer.role !== 'township' ? (
        <p>
          <a class="button" href={`/review/posts/${post.id}`}>
            复核此信息
          </a>
        </p>
      ) : null}
      <dl class="facts">
        <dt>原网页</dt>
        <dd>
          <CrawledLink url={post.url} />
          {post.currentVersionId ? (
            <>
              {' '}
              · <a href={`/archive/${post.currentVersionId}`}>查看存档（当前版本）</a>
            </>
          ) : null}
        </dd>
        <dt>来源</dt>
        <dd>
          {props.source
            ? `${props.bodyName(props.source.bodyId)} · ${props.source.channel} · ${props.source.id}`
            : post.sourceId}
        </dd>
        <dt>首次发现</dt>
        <dd>{instantZh(post.firstSeen)}</dd>
        <dt>最近发现</dt>
        <dd>{instantZh(post.lastSeen)}</dd>
        <dt>撤下</dt>
        <dd>{post.removedAt ? `${instantZh(post.removedAt)} 发现已撤下` : '未发现撤下'}</dd>
      </dl>
      {latest ? (
        <section class="notice" aria-label="复核结论">
          <strong>复核结论（评分以此为准）：</strong>
          {decisionZh(latest.decision, props.catalog, props.bodyName)}
          <span class="meta">
            {' '}
            — {latest.by}，{instantZh(latest.at)}
          </span>
        </section>
      ) : null}
      <h2>自动识别结果（当前版本）</h2>
      {match ? (
        <MatchFacts match={match} catalog={props.catalog} bodyName={props.bodyName} records={props.records} />
      ) : (
        <p class="empty">当前版本尚未识别。</p>
      )}
      <h2>版本（{props.versions.length}）</h2>
      <ol class="versions">
        {props.versions.map((v) => (
          <li>
            <a href={`/archive/${v.id}`}>{instantZh(v.seenAt)}</a> {v.title ?? ''}
            {v.id === post.currentVersionId ? <span class="tag">当前</span> : null}
          </li>
        ))}
      </ol>
      <h2>复核记录（{reviews.length}）</h2>
      {reviews.length === 0 ? <p class="empty">尚未复核。</p> : null}
      {reviews.length > 0 ? (
        <table class="stack">
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">复核人</th>
              <th scope="col">结论</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            {[...reviews].reverse().map((r) => (
              <tr>
                <td data-label="时间">{instantZh(r.at)}</td>
                <td data-label="复核人">{r.by}</td>
                <td data-label="结论">{decisionZh(r.decision, props.catalog, props.bodyName)}</td>
                <td data-label="说明">{r.note ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Layout>
  );
}

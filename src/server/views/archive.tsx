import type { FetchRecord, Post, PostVersion } from '../../store/index.js';
import type { Viewer } from '../deps.js';
import { instantZh } from './format.js';
import { Layout } from './layout.js';

/** `/archive/:versionId`: what was fetched, when, its hash, and the stored page in a sandboxed frame. */
export function ArchivePage(props: {
  viewer: Viewer;
  post: Post;
  version: PostVersion;
  fetch: FetchRecord | undefined;
  versions: PostVersion[];
}) {
  const { post, version, fetch } = props;
  return (
    <Layout title={`存档：${version.title ?? post.title ?? post.url}`} viewer={props.viewer}>
      <h1>{version.title ?? post.title ?? '（无标题）'}</h1>
      <dl class="facts">
        <dt>原网页</dt>
        <dd>
          <a href={post.url} rel="noopener noreferrer nofollow" target="_blank">
            {post.url}
          </a>
        </dd>
        <dt>抓取时间</dt>
        <dd>{instantZh(fetch?.at ?? version.seenAt)}</dd>
        <dt>HTTP 状态</dt>
        <dd>{fetch?.status ?? '—'}</dd>
        <dt>存档 SHA-256</dt>
        <dd class="mono">{version.bodySha256}</dd>
        <dt>首次发现</dt>
        <dd>{instantZh(post.firstSeen)}</dd>
        <dt>撤下</dt>
        <dd>{post.removedAt ? `${instantZh(post.removedAt)} 发现已撤下` : '未发现撤下'}</dd>
        <dt>版本</dt>
        <dd>
          {props.versions.map((v, i) => (
            <>
              {i > 0 ? '、' : ''}
              {v.id === version.id ? (
                <strong>{instantZh(v.seenAt)}</strong>
              ) : (
                <a href={`/archive/${v.id}`}>{instantZh(v.seenAt)}</a>
              )}
            </>
          ))}
        </dd>
      </dl>
      <p class="meta">下面是存档的原始页面，已禁止其中的脚本、表单和对外请求。</p>
      <iframe
        class="archive"
        sandbox=""
        src={`/archive/${version.id}/raw`}
        title="存档页面"
        referrerpolicy="no-referrer"
      ></iframe>
    </Layout>
  );
}

import type { Catalog } from '../../catalog/index.js';
import type { Body, PostRow } from '../../store/index.js';
import type { Viewer } from '../deps.js';
import { dateZh, instantZh, percent } from './format.js';
import { itemLabel } from './labels.js';
import { Layout } from './layout.js';

/** The posts page's filters as the form sends them back (empty when not set). */
export interface PostsQuery {
  item?: string | undefined;
  body?: string | undefined;
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  sort?: string | undefined;
  offset: number;
}

export interface PostsPageProps {
  viewer: Viewer;
  query: PostsQuery;
  rows: PostRow[];
  more: boolean;
  pageSize: number;
  bodies: Body[];
  catalog: Catalog;
  error?: string | undefined;
}

const STATUSES = [
  ['online', '在线'],
  ['removed', '已撤下'],
  ['reviewed', '已复核'],
  ['unreviewed', '未复核'],
] as const;

/** The page's URL with the same filters at another offset. */
function pageHref(query: PostsQuery, offset: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, offset: offset > 0 ? String(offset) : '' }))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `/posts?${text}` : '/posts';
}

function Filters(props: PostsPageProps) {
  const { query } = props;
  return (
    <form class="filters" method="get" action="/posts" aria-label="筛选条件">
      <label>
        标题关键词
        <input type="search" name="q" value={query.q ?? ''} maxlength={100} />
      </label>
      <label>
        目录事项
        <select name="item">
          <option value="">全部</option>
          {props.catalog.items.map((i) => (
            <option value={i.id} selected={query.item === i.id}>
              {i.no}. {i.name}
            </option>
          ))}
          <option value="none" selected={query.item === 'none'}>
            未识别
          </option>
        </select>
      </label>
      <label>
        主体
        <select name="body">
          <option value="">{props.viewer.role === 'township' ? '本乡镇及所辖村' : '全部'}</option>
          {props.bodies.map((b) => (
            <option value={b.id} selected={query.body === b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        状态
        <select name="status">
          <option value="">全部</option>
          {STATUSES.map(([value, label]) => (
            <option value={value} selected={query.status === value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        公开日期从
        <input type="date" name="from" value={query.from ?? ''} />
      </label>
      <label>
        至
        <input type="date" name="to" value={query.to ?? ''} />
      </label>
      <label>
        排序
        <select name="sort">
          <option value="">公开日期（新→旧）</option>
          <option value="found" selected={query.sort === 'found'}>
            首次发现（新→旧）
          </option>
        </select>
      </label>
      <div class="actions">
        <button type="submit">筛选</button> <a href="/posts">清除</a>
      </div>
    </form>
  );
}

/** `/posts`: crawled posts with their current match, filtered and paged (no total is counted). */
export function PostsPage(props: PostsPageProps) {
  const { rows, query } = props;
  const names = new Map(props.bodies.map((b) => [b.id, b.name]));
  const evaluator = props.viewer.role !== 'township';
  const first = query.offset + 1;
  return (
    <Layout title="已抓取信息" viewer={props.viewer} current="/posts">
      <h1>已抓取信息</h1>
      <Filters {...props} />
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      {rows.length === 0 && !props.error ? <p class="empty">没有符合条件的信息。</p> : null}
      {rows.length > 0 ? (
        <p class="meta">
          第 {first}–{query.offset + rows.length} 条{props.more ? '，后面还有' : ''}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <table class="stack posts">
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">主体</th>
              <th scope="col">来源</th>
              <th scope="col">公开日期</th>
              <th scope="col">首次发现</th>
              <th scope="col">事项（置信度）</th>
              <th scope="col">复核</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr id={`post-${p.id}`} data-post={String(p.id)}>
                <td data-label="标题">
                  {p.versionId ? (
                    <a href={`/archive/${p.versionId}`}>{p.title || p.url}</a>
                  ) : (
                    <span>{p.title || p.url}</span>
                  )}
                  {p.removedAt ? <span class="tag major">已撤下</span> : null}{' '}
                  <a class="more" href={`/posts/${p.id}`} aria-label={`信息 ${p.id} 的详情`}>
                    详情
                  </a>
                </td>
                <td data-label="主体">
                  {names.get(p.sourceBodyId) ?? p.sourceBodyId}
                  {p.publisherBody && p.publisherBody !== p.sourceBodyId ? (
                    <span class="meta">（发布：{names.get(p.publisherBody) ?? p.publisherBody}）</span>
                  ) : null}
                </td>
                <td data-label="来源" class="nowrap">
                  {evaluator ? <a href={`/sources#${p.sourceId}`}>{p.sourceId}</a> : p.sourceId}
                </td>
                <td data-label="公开日期" class="nowrap">
                  {dateZh(p.publishedAt)}
                </td>
                <td data-label="首次发现" class="nowrap">
                  {instantZh(p.firstSeen)}
                </td>
                <td data-label="事项">
                  {p.items.length === 0 ? <span class="meta">未识别</span> : null}
                  {p.items.map((i) => (
                    <div>
                      {itemLabel(props.catalog, i.id)} <span class="conf">{percent(i.confidence)}</span>
                    </div>
                  ))}
                </td>
                <td data-label="复核">{p.reviewed ? <span class="tag">已复核</span> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <nav class="pager" aria-label="翻页">
        {query.offset > 0 ? (
          <a href={pageHref(query, Math.max(query.offset - props.pageSize, 0))}>‹ 上一页</a>
        ) : null}
        {props.more ? <a href={pageHref(query, query.offset + props.pageSize)}>下一页 ›</a> : null}
      </nav>
    </Layout>
  );
}

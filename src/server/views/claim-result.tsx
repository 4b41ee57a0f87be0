import type { Catalog } from '../../catalog/index.js';
import type { Obligation } from '../../scoring/index.js';
import type { Body, Claim, Post, StoredMatch } from '../../store/index.js';
import type { Viewer } from '../deps.js';
import { dateZh, instantZh } from './format.js';
import { Layout } from './layout.js';
import { CLAIM_STATUS_ZH } from './overdue-item.js';

export interface ClaimResultProps {
  viewer: Viewer;
  catalog: Catalog;
  body: Body;
  obligation: Obligation;
  claim: Claim;
  created: boolean;
  post: Post | undefined;
  match: StoredMatch | undefined;
  fetchError: string | undefined;
}

function Reading(props: { match: StoredMatch | undefined; catalog: Catalog; item: string }) {
  const m = props.match;
  if (!m) return <p class="meta">该网页尚未识别。</p>;
  const name = (id: string) => props.catalog.items.find((i) => i.id === id)?.name ?? id;
  const ours = m.items.some((i) => i.id === props.item);
  return (
    <>
      <p class={ours ? 'notice' : 'error'}>
        {ours
          ? `自动识别为“${name(props.item)}”。`
          : `自动识别未将该网页认定为“${name(props.item)}”，评估人员将人工核实。`}
      </p>
      <dl class="facts">
        <dt>识别事项</dt>
        <dd>
          {m.items.length === 0
            ? '未识别为目录事项'
            : m.items.map((i) => `${name(i.id)}（${Math.round(i.confidence * 100)}%）`).join('；')}
        </dd>
        <dt>公开日期</dt>
        <dd>{dateZh(m.publishedAt)}</dd>
        <dt>形成日期</dt>
        <dd>{dateZh(m.formedAt)}</dd>
        <dt>公示期</dt>
        <dd>
          {m.notice
            ? `${dateZh(m.notice.start)} 至 ${dateZh(m.notice.end)}${m.notice.days ? `，${m.notice.days} 天` : ''}`
            : '未写明'}
        </dd>
        <dt>发布主体</dt>
        <dd>{m.publisherName ?? '—'}</dd>
        <dt>已含要素</dt>
        <dd>{m.elements.present.join('、') || '—'}</dd>
        <dt>缺少要素</dt>
        <dd>{m.elements.missing.join('、') || '—'}</dd>
      </dl>
    </>
  );
}

/** What became of a "we did publish it" link: the claim filed, and the page fetched and read (or why not). */
export function ClaimResultPage(props: ClaimResultProps) {
  const { claim, obligation: o, post } = props;
  const item = props.catalog.items.find((i) => i.id === o.item);
  const home = props.body.level === 'village' && props.body.parentId ? props.body.parentId : props.body.id;
  const back = `/overdue?body=${encodeURIComponent(home)}#b-${props.body.id}`;
  return (
    <Layout title="已发布核实" viewer={props.viewer} current="/overdue">
      <p class="crumbs">
        <a href={back}>待办与逾期</a> › 已发布核实
      </p>
      <h1>已提交核实</h1>
      <p class="notice" role="status">
        {props.created ? `已登记 #${claim.id}` : `该链接此前已提交（#${claim.id}）`}，状态：
        {CLAIM_STATUS_ZH[claim.status]}。评估人员核实后，重新评分时生效。
      </p>
      <dl class="facts">
        <dt>主体</dt>
        <dd>{props.body.name}</dd>
        <dt>公开义务</dt>
        <dd>
          {item ? `${item.no}. ${item.name}` : o.item} · {o.channel}
          {o.record ? `：${o.record.title}` : ''}
        </dd>
        <dt>截止日期</dt>
        <dd>{dateZh(o.due)}</dd>
        <dt>提交的链接</dt>
        <dd class="mono">{claim.url}</dd>
        <dt>所称公开日期</dt>
        <dd>{dateZh(claim.publishedOn)}</dd>
        <dt>提交人</dt>
        <dd>{claim.by}</dd>
      </dl>
      <h2>抓取结果</h2>
      {post ? (
        <>
          <dl class="facts">
            <dt>网页标题</dt>
            <dd>{post.title ?? '（无标题）'}</dd>
            <dt>首次抓取</dt>
            <dd>{instantZh(post.firstSeen)}</dd>
            <dt>存档</dt>
            <dd>
              {post.currentVersionId ? <a href={`/archive/${post.currentVersionId}`}>查看存档</a> : '—'}
            </dd>
          </dl>
          <Reading match={props.match} catalog={props.catalog} item={o.item} />
        </>
      ) : (
        <p class="error">
          未能抓取该网页：{props.fetchError ?? '原因不明'}。申诉已登记，评估人员将人工核实。
        </p>
      )}
      <p>
        <a href={back}>返回待办与逾期</a>
      </p>
    </Layout>
  );
}

/** A claim that could not be filed, and why. */
export function ClaimRefusedPage(props: { viewer: Viewer; message: string; back: string }) {
  return (
    <Layout title="无法提交核实" viewer={props.viewer} current="/overdue">
      <h1>无法提交核实</h1>
      <p class="error" role="alert">
        {props.message}
      </p>
      <p>
        <a href={props.back}>返回待办与逾期</a>
      </p>
    </Layout>
  );
}

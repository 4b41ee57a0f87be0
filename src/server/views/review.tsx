import type { Catalog } from '../../catalog/index.js';
import type { Obligation } from '../../scoring/index.js';
import type { Body, Claim, StoredMatch, UncertainPost } from '../../store/index.js';
import type { Viewer } from '../deps.js';
import { type Accuracy, AccuracySection } from './accuracy.js';
import { dateZh, instantZh, STATUS_ZH } from './format.js';
import { CrawledLink, itemLabel } from './labels.js';
import { Csrf, Layout } from './layout.js';
import { MatchFacts } from './match-facts.js';
import { BodyOptions, ReviewForm } from './review-form.js';

export interface QueueSettings {
  below: number;
  margin: number;
  offset: number;
}

export interface PendingClaim {
  claim: Claim;
  obligation: Obligation | undefined;
  /** The archived copy of the page fetched from the claim's link, when there is one. */
  versionId: number | null;
  title: string | null;
}

export interface ReviewPageProps {
  viewer: Viewer;
  catalog: Catalog;
  bodies: Body[];
  bodyName: (id: string) => string;
  settings: QueueSettings;
  pageSize: number;
  queue: { post: UncertainPost; match: StoredMatch }[];
  more: boolean;
  claims: PendingClaim[];
  accuracy: Accuracy;
  notice?: string | undefined;
}

const queueHref = (s: QueueSettings, offset: number) =>
  `/review?below=${s.below}&margin=${s.margin}${offset > 0 ? `&offset=${offset}` : ''}`;

function QueueEntry(props: ReviewPageProps & { entry: ReviewPageProps['queue'][number] }) {
  const { post, match } = props.entry;
  return (
    <li class="queue-entry" id={`post-${post.postId}`}>
      <h3>
        <a href={`/archive/${post.versionId}`}>{post.title || post.url}</a>
        {post.removedAt ? <span class="tag major">已撤下</span> : null}
      </h3>
      <p class="meta">
        {props.bodyName(post.sourceBodyId)} · {post.sourceId} · 首次发现 {instantZh(post.firstSeen)} ·{' '}
        <a href={`/posts/${post.postId}`}>详情</a> · <CrawledLink url={post.url}>原网页</CrawledLink>
      </p>
      <MatchFacts match={match} catalog={props.catalog} bodyName={props.bodyName} full={false} />
      <ReviewForm
        viewer={props.viewer}
        postId={post.postId}
        catalog={props.catalog}
        start={{
          items: match.items.map((i) => i.id),
          publishedAt: match.publishedAt,
          formedAt: match.formedAt,
          publisherBody: match.publisherBody,
        }}
        back={queueHref(props.settings, props.settings.offset)}
        matched={match.items.length > 0}
      />
    </li>
  );
}

function ClaimEntry(props: {
  viewer: Viewer;
  catalog: Catalog;
  bodyName: (id: string) => string;
  entry: PendingClaim;
}) {
  const { claim, obligation } = props.entry;
  return (
    <li class="claim" id={`claim-${claim.id}`}>
      <h3>
        申诉 #{claim.id}：{props.bodyName(claim.bodyId)}
      </h3>
      <dl class="facts">
        <dt>公开义务</dt>
        <dd>
          {obligation ? (
            <>
              {itemLabel(props.catalog, obligation.item)}：{obligation.record?.title ?? obligation.ruleText}（
              {obligation.channel}，截止 {dateZh(obligation.due)}，现为
              <span class={`status status-${obligation.status}`}>{STATUS_ZH[obligation.status]}</span>）
            </>
          ) : (
            <span class="mono">{claim.obligationKey}（最近的评分中没有这项义务）</span>
          )}
        </dd>
        <dt>所称已公开于</dt>
        <dd>
          <CrawledLink url={claim.url} />
          {props.entry.versionId ? (
            <>
              {' '}
              ·{' '}
              <a href={`/archive/${props.entry.versionId}`}>
                抓取的存档：{props.entry.title ?? '（无标题）'}
              </a>
            </>
          ) : (
            <span class="meta"> · 尚未抓取到该网页</span>
          )}
        </dd>
        <dt>所称公开日期</dt>
        <dd>{dateZh(claim.publishedOn)}</dd>
        <dt>提交</dt>
        <dd>
          {claim.by}，{instantZh(claim.at)}
          {claim.note ? `：${claim.note}` : ''}
        </dd>
      </dl>
      <form class="inline" method="post" action={`/review/claims/${claim.id}`}>
        <Csrf viewer={props.viewer} />
        <label for={`claim-${claim.id}-note`} class="grow">
          核实说明（可选）
          <input id={`claim-${claim.id}-note`} name="note" maxlength={500} />
        </label>
        <button type="submit" name="action" value="confirm">
          采纳
        </button>
        <button type="submit" name="action" value="reject" class="secondary">
          不采纳
        </button>
      </form>
    </li>
  );
}

/** `/review`: uncertain matches to decide, pending claims to confirm or reject, and the matchers' measured accuracy. */
export function ReviewPage(props: ReviewPageProps) {
  const s = props.settings;
  return (
    <Layout title="复核" viewer={props.viewer} current="/review">
      <h1>复核</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <p>
        <a href="#queue">待复核的识别结果</a> · <a href="#claims">待核实的申诉（{props.claims.length}）</a> ·{' '}
        <a href="#accuracy">识别准确率</a>
      </p>
      <BodyOptions bodies={props.bodies} />
      <section id="queue" aria-labelledby="queue-title">
        <h2 id="queue-title">待复核的识别结果</h2>
        <form class="inline" method="get" action="/review" aria-label="队列条件">
          <label>
            最高置信度低于
            <input type="number" name="below" min="0.05" max="1" step="0.05" value={String(s.below)} />
          </label>
          <label>
            或两个事项置信度相差不超过
            <input type="number" name="margin" min="0" max="0.5" step="0.05" value={String(s.margin)} />
          </label>
          <button type="submit">更新队列</button>
        </form>
        <p class="meta">尚未复核的信息，按首次发现时间由新到旧。复核结论优先于自动识别，保存后重新评分。</p>
        {props.queue.length === 0 ? <p class="empty">没有待复核的信息。</p> : null}
        <ol class="queue">
          {props.queue.map((entry) => (
            <QueueEntry {...props} entry={entry} />
          ))}
        </ol>
        <nav class="pager" aria-label="翻页">
          {s.offset > 0 ? <a href={queueHref(s, Math.max(s.offset - props.pageSize, 0))}>‹ 上一页</a> : null}
          {props.more ? <a href={queueHref(s, s.offset + props.pageSize)}>下一页 ›</a> : null}
        </nav>
      </section>
      <section id="claims" aria-labelledby="claims-title">
        <h2 id="claims-title">待核实的申诉（{props.claims.length}）</h2>
        {props.claims.length === 0 ? <p class="empty">没有待核实的申诉。</p> : null}
        <ol class="claims">
          {props.claims.map((entry) => (
            <ClaimEntry
              viewer={props.viewer}
              catalog={props.catalog}
              bodyName={props.bodyName}
              entry={entry}
            />
          ))}
        </ol>
      </section>
      <AccuracySection accuracy={props.accuracy} catalog={props.catalog} />
    </Layout>
  );
}

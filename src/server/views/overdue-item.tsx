import type { Element, Item } from '../../catalog/index.js';
import type { Finding, Obligation } from '../../scoring/index.js';
import type { Claim } from '../../store/index.js';
import type { Viewer } from '../deps.js';
import { dateZh } from './format.js';
import { Csrf } from './layout.js';

/** Where an obligation is to be published: a crawled source (the body's own, or its township's), a board, or none. */
export type Where =
  | { kind: 'source'; sourceId: string; bodyName: string; url: string | null; viaParent: boolean }
  | { kind: 'offline' }
  | { kind: 'none' };

/** An obligation with what the page says about it. */
export interface TodoEntry {
  obligation: Obligation;
  item: Item | undefined;
  elements: Element[];
  where: Where;
  claims: Claim[];
}

export const CLAIM_STATUS_ZH: Record<Claim['status'], string> = {
  pending: '待评估人员核实',
  confirmed: '已采纳',
  rejected: '未采纳',
};

/** 资金来源（资金名称、资金规模等） */
export function ElementList(props: { elements: Element[] }) {
  if (props.elements.length === 0) return <span class="meta">—</span>;
  return (
    <ul class="elements">
      {props.elements.map((e) => (
        <li>
          {e.name}
          {e.parts.length > 0 ? `（${e.parts.join('、')}${e.etc ? '等' : ''}）` : ''}
        </li>
      ))}
    </ul>
  );
}

function WhereText(props: { channel: string; where: Where; bodyName: string }) {
  const w = props.where;
  if (w.kind === 'source')
    return (
      <span>
        {props.channel}：{w.viaParent ? `${w.bodyName}（由所属乡镇街道代为发布）` : w.bodyName}
        {w.url ? (
          <>
            {' '}
            <a href={w.url} rel="noopener noreferrer nofollow" target="_blank" class="meta">
              {w.url}
            </a>
          </>
        ) : null}
      </span>
    );
  if (w.kind === 'offline') return <span>{`${props.channel}：${props.bodyName}`}</span>;
  return <span>{`${props.channel}（尚未登记该渠道的监测来源）`}</span>;
}

function ClaimForm(props: { viewer: Viewer; o: Obligation; year: number }) {
  return (
    <details class="claim">
      <summary>已发布？提交链接核实</summary>
      <form method="post" action="/overdue/claims" class="claim-form">
        <Csrf viewer={props.viewer} />
        <input type="hidden" name="body" value={props.o.bodyId} />
        <input type="hidden" name="obligation" value={props.o.key} />
        <input type="hidden" name="year" value={String(props.year)} />
        <label>
          网页链接
          <input type="url" name="url" required maxlength={2000} placeholder="https://…" inputmode="url" />
        </label>
        <label>
          公开日期（可不填）
          <input type="date" name="publishedOn" />
        </label>
        <label>
          说明（可不填）
          <input type="text" name="note" maxlength={500} />
        </label>
        <button type="submit">提交核实</button>
      </form>
    </details>
  );
}

function offlineHref(o: Obligation): string {
  const q = new URLSearchParams({ body: o.bodyId, item: o.item, channel: o.channel });
  if (o.record) q.set('record', String(o.record.id));
  return `/data?${q.toString()}#evidence`;
}

/** One overdue or soon-due obligation: what, where, by when, under which rule, and what can be done. */
export function TodoCard(props: {
  entry: TodoEntry;
  bodyName: string;
  viewer: Viewer;
  year: number;
  overdue: boolean;
}) {
  const { obligation: o, item, where } = props.entry;
  const row = item?.rows.find((r) => r.id === o.row);
  return (
    <li class={`todo ${props.overdue ? 'todo-overdue' : 'todo-soon'}`}>
      <div class="head">
        {props.overdue ? (
          <span class="status status-missing">逾期 {o.workdaysLate ?? '—'} 个工作日</span>
        ) : (
          <span class="status status-pending">
            {o.workdaysLeft === 0 ? '今天到期' : `剩 ${o.workdaysLeft ?? '—'} 个工作日`}
          </span>
        )}
        <strong>{item ? `${item.no}. ${item.name}` : o.item}</strong>
        <span class="tag">{o.channel}</span>
      </div>
      <dl>
        <dt>公开什么</dt>
        <dd>
          {o.record ? (
            <>
              {o.record.title}
              {o.record.refNo ? <span class="meta">（{o.record.refNo}）</span> : null}
            </>
          ) : (
            (row?.content ?? item?.name ?? o.item)
          )}
          {o.formed ? <span class="meta">；信息形成于 {dateZh(o.formed)}</span> : null}
        </dd>
        <dt>应含要素</dt>
        <dd>
          <ElementList elements={props.entry.elements} />
        </dd>
        <dt>在哪里公开</dt>
        <dd>
          <WhereText channel={o.channel} where={where} bodyName={props.bodyName} />
        </dd>
        <dt>截止日期</dt>
        <dd>{o.due === '9999-12-31' ? '长期' : dateZh(o.due)}</dd>
        <dt>依据</dt>
        <dd>{o.ruleText}</dd>
        {o.elsewhere.length > 0 ? (
          <>
            <dt>其他渠道</dt>
            <dd>已在{o.elsewhere.join('、')}公开，本渠道尚未见到</dd>
          </>
        ) : null}
        {props.entry.claims.length > 0 ? (
          <>
            <dt>已提交</dt>
            <dd>
              <ul class="plain">
                {props.entry.claims.map((c) => (
                  <li>
                    <span class="tag">{CLAIM_STATUS_ZH[c.status]}</span> {c.url}
                    <span class="meta">
                      （{c.by}，{dateZh(c.at)}）
                    </span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {props.overdue && where.kind === 'source' ? (
        <ClaimForm viewer={props.viewer} o={o} year={props.year} />
      ) : null}
      {where.kind === 'offline' ? (
        <p class="actions">
          <a href={offlineHref(o)}>已张贴？录入线下公示</a>
        </p>
      ) : null}
    </li>
  );
}

/** A post that lacks some of the catalog's required elements. */
export function ElementCard(props: { finding: Finding; item: Item | undefined; elements: Element[] }) {
  const f = props.finding;
  const e = f.evidence;
  return (
    <li class="todo todo-elements">
      <div class="head">
        <span class="tag minor">缺少要素</span>
        <strong>{props.item ? `${props.item.no}. ${props.item.name}` : (f.item ?? '')}</strong>
      </div>
      <dl>
        <dt>信息</dt>
        <dd>
          {e?.title || f.record || '（无标题）'}
          {e?.published ? <span class="meta">（{dateZh(e.published)} 发布）</span> : null}
          <span class="links">
            {e?.versionId ? <a href={`/archive/${e.versionId}`}>存档</a> : null}
            {f.url ? (
              <a href={f.url} rel="noopener noreferrer nofollow" target="_blank">
                原网页
              </a>
            ) : null}
          </span>
        </dd>
        <dt>缺少</dt>
        <dd>{f.detail}</dd>
        <dt>应含要素</dt>
        <dd>
          <ElementList elements={props.elements} />
        </dd>
        <dt>依据</dt>
        <dd>{f.rule}</dd>
      </dl>
    </li>
  );
}

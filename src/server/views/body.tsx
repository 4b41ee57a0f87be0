import type { Catalog } from '../../catalog/index.js';
import type { Finding, Obligation } from '../../scoring/index.js';
import type { Body, FetchRecord, ScoreRun } from '../../store/index.js';
import type { Viewer } from '../deps.js';
import type { CardSummary } from '../read-model.js';
import { EvidenceView } from './evidence.js';
import { dateZh, LEVEL_ZH, number, percent, SEVERITY_ZH, STATUS_ZH } from './format.js';
import { Layout } from './layout.js';

export interface BodyPageProps {
  viewer: Viewer;
  year: number;
  body: Body;
  parent: Body | undefined;
  villages: Body[];
  run: ScoreRun | undefined;
  card: CardSummary | undefined;
  withVillages: CardSummary | undefined;
  obligations: Obligation[];
  findings: Finding[];
  fetches: Map<number, FetchRecord>;
  catalog: Catalog;
  findingLabels: Record<string, string>;
}

function Card(props: { card: CardSummary; title: string }) {
  const c = props.card;
  return (
    <section class="card" aria-label={props.title}>
      <h2>{props.title}</h2>
      <div class="stats">
        <div>
          <strong>{number(c.points, 1)}</strong>
          <span>得分（{c.grade}）</span>
        </div>
        <div>
          <strong>{percent(c.timeliness)}</strong>
          <span>及时率</span>
        </div>
        <div>
          <strong>{percent(c.completeness)}</strong>
          <span>完整率</span>
        </div>
        <div>
          <strong>{percent(c.elementCompleteness)}</strong>
          <span>要素完整率</span>
        </div>
        <div>
          <strong>{number(c.findingCount)}</strong>
          <span>问题</span>
        </div>
      </div>
      {c.vetoed ? <p class="tag critical">存在一票否决问题（泄露个人信息），等级为不合格</p> : null}
      <table class="compact">
        <caption>扣分（按指标）</caption>
        <tbody>
          {c.indicators.map((i) => (
            <tr>
              <th scope="row">{i.name}</th>
              <td class="num">
                {i.deducted > 0 ? `−${number(i.deducted, 1)}` : '0'} / {i.max}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** `/bodies/:id`: the body's card, every obligation by item with its status, every finding with its evidence. */
export function BodyContent(props: BodyPageProps) {
  const { body, run, card } = props;
  const byItem = new Map<string, Obligation[]>();
  for (const o of props.obligations) byItem.set(o.item, [...(byItem.get(o.item) ?? []), o]);
  return (
    <>
      <p class="crumbs">
        <a href="/">总览</a> ›{' '}
        {props.parent ? (
          <a href={`/bodies/${encodeURIComponent(props.parent.id)}?year=${props.year}`}>
            {props.parent.name}
          </a>
        ) : null}
        {props.parent ? ' › ' : null}
        {body.name}
      </p>
      <h1>
        {body.name} <span class="meta">{LEVEL_ZH[body.level]}</span>
      </h1>
      {!run ? <p class="empty">{props.year} 年度还没有评分结果。</p> : null}
      {run ? (
        <p class="meta">
          {props.year} 年度，截至 {dateZh(run.today)}
        </p>
      ) : null}
      <div class="cards">
        {card ? <Card card={card} title="本级评分" /> : null}
        {props.withVillages ? <Card card={props.withVillages} title="连同所辖村" /> : null}
      </div>
      {props.villages.length > 0 ? (
        <section>
          <h2>所辖村</h2>
          <ul class="chips">
            {props.villages.map((v) => (
              <li>
                <a href={`/bodies/${encodeURIComponent(v.id)}?year=${props.year}`}>{v.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section>
        <h2>问题（{props.findings.length}）</h2>
        {props.findings.length === 0 ? <p class="empty">没有问题。</p> : null}
        <ol class="findings">
          {props.findings.map((f) => (
            <li class={`finding severity-${f.severity}`}>
              <div class="head">
                <span class={`tag ${f.severity}`}>{SEVERITY_ZH[f.severity]}</span>
                <strong>{props.findingLabels[f.kind] ?? f.kind}</strong>
                {f.item ? (
                  <span class="meta">{props.catalog.items.find((i) => i.id === f.item)?.name}</span>
                ) : null}
                <span class="points">−{number(f.points, 1)} 分</span>
              </div>
              <p>{f.detail}</p>
              <dl>
                {f.record ? (
                  <>
                    <dt>记录</dt>
                    <dd>{f.record}</dd>
                  </>
                ) : null}
                <dt>依据</dt>
                <dd>{f.rule}</dd>
                {f.due ? (
                  <>
                    <dt>截止</dt>
                    <dd>{dateZh(f.due)}</dd>
                  </>
                ) : null}
                {f.published ? (
                  <>
                    <dt>公开</dt>
                    <dd>{dateZh(f.published)}</dd>
                  </>
                ) : null}
                <dt>证据</dt>
                <dd>
                  <EvidenceView
                    evidence={f.evidence}
                    fetch={f.evidence?.fetchId ? props.fetches.get(f.evidence.fetchId) : undefined}
                  />
                </dd>
              </dl>
            </li>
          ))}
        </ol>
      </section>
      <section>
        <h2>公开义务（{props.obligations.length}）</h2>
        {props.catalog.items
          .filter((item) => byItem.has(item.id))
          .map((item) => (
            <details open>
              <summary>
                {item.no}. {item.name}（{byItem.get(item.id)?.length}）
              </summary>
              <div class="scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">记录</th>
                      <th scope="col">渠道</th>
                      <th scope="col">截止</th>
                      <th scope="col">状态</th>
                      <th scope="col">公开</th>
                      <th scope="col">证据</th>
                    </tr>
                  </thead>
                  <tbody>
                    {(byItem.get(item.id) ?? []).map((o) => (
                      <tr>
                        <td>{o.record?.title ?? o.ruleText}</td>
                        <td>{o.channel}</td>
                        <td>{o.due === '9999-12-31' ? '—' : dateZh(o.due)}</td>
                        <td>
                          <span class={`status status-${o.status}`}>{STATUS_ZH[o.status]}</span>
                          {o.workdaysLate ? ` ${o.workdaysLate} 个工作日` : ''}
                          {o.workdaysLeft !== null && o.status === 'pending'
                            ? ` 剩 ${o.workdaysLeft} 个工作日`
                            : ''}
                          {o.claims.length > 0 ? <span class="tag">有申诉</span> : null}
                        </td>
                        <td>{dateZh(o.published)}</td>
                        <td>
                          {o.evidence[0]?.versionId ? (
                            <a href={`/archive/${o.evidence[0].versionId}`}>存档</a>
                          ) : null}
                          {o.evidence[0]?.url ? (
                            <>
                              {' '}
                              <a href={o.evidence[0].url} rel="noopener noreferrer nofollow" target="_blank">
                                原网页
                              </a>
                            </>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          ))}
      </section>
    </>
  );
}

export function BodyPage(props: BodyPageProps) {
  return (
    <Layout title={props.body.name} viewer={props.viewer}>
      <BodyContent {...props} />
    </Layout>
  );
}

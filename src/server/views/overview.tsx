import type { Catalog } from '../../catalog/index.js';
import type { ScoreRun } from '../../store/index.js';
import type { Viewer } from '../deps.js';
import type { CardSummary } from '../read-model.js';
import { ChartBlock } from './charts.js';
import { dateZh, instantZh, LEVEL_ZH, number, percent, STATUS_ZH } from './format.js';
import { Layout } from './layout.js';
import { YearSelect } from './year-select.js';

export interface OverviewProps {
  viewer: Viewer;
  year: number;
  years: number[];
  run: ScoreRun | undefined;
  cards: CardSummary[];
  catalog: Catalog;
  /** Obligations by body, item, due month and status. */
  counts: { bodyId: string; item: string; month: string | null; status: string; count: number }[];
  findingLabels: Record<string, string>;
  /** The page of the ranking shown (a province has thousands of bodies). */
  page?: number;
}

/** Bodies per page of the ranking. */
export const RANKING_PAGE = 100;

const STATUS_ORDER = ['missing', 'late', 'unverifiable', 'pending', 'on_time', 'exempt'] as const;

// The worst status a body has for an item decides the cell's colour.
function worst(statuses: Record<string, number>): string | undefined {
  return STATUS_ORDER.find((s) => (statuses[s] ?? 0) > 0);
}

function YearPicker(props: { year: number; years: number[] }) {
  return (
    <form class="inline" method="get" action="/">
      <YearSelect year={props.year} years={props.years} />
      <button type="submit">查看</button>
    </form>
  );
}

/** `/`: the district at a glance — ranking, rates, charts, and the body × item matrix. */
export function OverviewBody(props: OverviewProps) {
  const { cards, run, catalog } = props;
  if (!run) {
    return (
      <>
        <h1>{props.year} 年度总览</h1>
        <YearPicker year={props.year} years={props.years} />
        <p class="empty">该年度还没有评分结果。抓取和导入记录后运行 gongkai score，或等待定时任务完成。</p>
      </>
    );
  }
  const due = cards.reduce((s, c) => s + c.counts.on_time + c.counts.late + c.counts.missing, 0);
  const onTime = cards.reduce((s, c) => s + c.counts.on_time, 0);
  const published = cards.reduce((s, c) => s + c.counts.on_time + c.counts.late, 0);
  const findings = cards.reduce((s, c) => s + c.findingCount, 0);
  const kinds: Record<string, number> = {};
  for (const c of cards) for (const [k, n] of Object.entries(c.findingKinds)) kinds[k] = (kinds[k] ?? 0) + n;
  const mean = cards.length ? cards.reduce((s, c) => s + c.points, 0) / cards.length : 0;

  // Monthly timeliness: of the obligations due in a month (and due by the run's day), the share on time.
  const months = new Map<string, { due: number; onTime: number }>();
  for (const c of props.counts) {
    if (!c.month?.startsWith(String(props.year)) || c.status === 'pending' || c.status === 'unverifiable')
      continue;
    const m = months.get(c.month) ?? { due: 0, onTime: 0 };
    if (c.status === 'on_time' || c.status === 'late' || c.status === 'missing') m.due += c.count;
    if (c.status === 'on_time') m.onTime += c.count;
    months.set(c.month, m);
  }
  const monthKeys = [...months.keys()].sort();
  const matrix = new Map<string, Record<string, number>>();
  for (const c of props.counts) {
    const key = `${c.bodyId}|${c.item}`;
    const cell = matrix.get(key) ?? {};
    cell[c.status] = (cell[c.status] ?? 0) + c.count;
    matrix.set(key, cell);
  }
  const top = cards.slice(0, 60);
  const pages = Math.max(1, Math.ceil(cards.length / RANKING_PAGE));
  const page = Math.min(Math.max(1, props.page ?? 1), pages);
  const first = (page - 1) * RANKING_PAGE;
  const shown = cards.slice(first, first + RANKING_PAGE);
  return (
    <>
      <h1>{props.year} 年度总览</h1>
      <p class="meta">
        截至 {dateZh(run.today)} 的评分（{instantZh(run.computedAt)} 计算，评分方案 {run.scheme}）
      </p>
      <YearPicker year={props.year} years={props.years} />
      <section class="stats" aria-label="主要指标">
        <div>
          <strong>{number(cards.length)}</strong>
          <span>公开主体</span>
        </div>
        <div>
          <strong>{number(mean, 1)}</strong>
          <span>平均得分</span>
        </div>
        <div>
          <strong>{percent(due ? onTime / due : null)}</strong>
          <span>及时率</span>
        </div>
        <div>
          <strong>{percent(due ? published / due : null)}</strong>
          <span>完整率</span>
        </div>
        <div>
          <strong>{number(findings)}</strong>
          <span>问题</span>
        </div>
      </section>
      <section class="charts">
        <ChartBlock
          id="chart-scores"
          label="各主体得分"
          tall={top.length > 12}
          spec={{
            type: 'bar',
            horizontal: true,
            labels: top.map((c) => c.body.name),
            datasets: [{ label: '得分', data: top.map((c) => c.points) }],
          }}
        />
        <ChartBlock
          id="chart-monthly"
          label="按截止月份的及时率"
          spec={{
            type: 'line',
            labels: monthKeys.map((m) => `${Number(m.slice(5))}月`),
            datasets: [
              {
                label: '及时率（%）',
                data: monthKeys.map((m) => {
                  const v = months.get(m) as { due: number; onTime: number };
                  return v.due ? Math.round((v.onTime / v.due) * 1000) / 10 : null;
                }),
              },
            ],
          }}
        />
        <ChartBlock
          id="chart-kinds"
          label="问题类型分布"
          spec={{
            type: 'doughnut',
            labels: Object.keys(kinds).map((k) => props.findingLabels[k] ?? k),
            datasets: [{ label: '问题数', data: Object.values(kinds) }],
          }}
        />
      </section>
      <section>
        <h2>主体排名</h2>
        <div class="scroll">
          <table class="ranking">
            <thead>
              <tr>
                <th scope="col">名次</th>
                <th scope="col">主体</th>
                <th scope="col">层级</th>
                <th scope="col">得分</th>
                <th scope="col">等级</th>
                <th scope="col">及时率</th>
                <th scope="col">完整率</th>
                <th scope="col">要素完整率</th>
                <th scope="col">问题</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c, i) => (
                <tr class={c.vetoed ? 'vetoed' : undefined}>
                  <td>{first + i + 1}</td>
                  <td>
                    <a href={`/bodies/${encodeURIComponent(c.body.id)}?year=${props.year}`}>{c.body.name}</a>
                  </td>
                  <td>{LEVEL_ZH[c.body.level]}</td>
                  <td class="num">{number(c.points, 1)}</td>
                  <td>
                    <span class={`grade grade-${c.grade}`}>{c.grade}</span>
                    {c.vetoed ? <span class="tag critical">一票否决</span> : null}
                  </td>
                  <td class="num">{percent(c.timeliness)}</td>
                  <td class="num">{percent(c.completeness)}</td>
                  <td class="num">{percent(c.elementCompleteness)}</td>
                  <td class="num">{number(c.findingCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {pages > 1 ? (
          <nav class="pager" aria-label="排名分页">
            {page > 1 ? <a href={`/?year=${props.year}&page=${page - 1}`}>上一页</a> : null}
            <span>
              第 {page} / {pages} 页（共 {number(cards.length)} 个主体）
            </span>
            {page < pages ? <a href={`/?year=${props.year}&page=${page + 1}`}>下一页</a> : null}
          </nav>
        ) : null}
      </section>
      <section>
        <h2>主体 × 事项</h2>
        <p class="meta">每格为该主体该事项最差的义务状态；悬停可见各状态数量。</p>
        <ul class="legend">
          {STATUS_ORDER.map((s) => (
            <li>
              <span class={`cell status-${s}`}></span>
              {STATUS_ZH[s]}
            </li>
          ))}
        </ul>
        <div class="scroll">
          <table class="matrix">
            <thead>
              <tr>
                <th scope="col">主体</th>
                {catalog.items.map((item) => (
                  <th scope="col" title={item.name}>
                    {item.no}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {top.map((c) => (
                <tr>
                  <th scope="row">
                    <a href={`/bodies/${encodeURIComponent(c.body.id)}?year=${props.year}`}>{c.body.name}</a>
                  </th>
                  {catalog.items.map((item) => {
                    const cell = matrix.get(`${c.body.id}|${item.id}`);
                    const status = cell ? worst(cell) : undefined;
                    const text = cell
                      ? Object.entries(cell)
                          .map(([s, n]) => `${STATUS_ZH[s] ?? s} ${n}`)
                          .join('，')
                      : '无义务';
                    return (
                      <td class={`cell status-${status ?? 'none'}`} title={`${item.name}：${text}`}>
                        <span class="sr">{`${item.name}：${text}`}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {cards.length > top.length ? (
          <p class="meta">图表和矩阵显示得分最高的 {top.length} 个主体；完整名单见上表。</p>
        ) : null}
      </section>
    </>
  );
}

export function OverviewPage(props: OverviewProps) {
  return (
    <Layout title="总览" viewer={props.viewer} current="/">
      <OverviewBody {...props} />
    </Layout>
  );
}

import type { Element, Item } from '../../catalog/index.js';
import type { Finding } from '../../scoring/index.js';
import type { Body, ScoreRun } from '../../store/index.js';
import type { Viewer } from '../deps.js';
import { dateZh, LEVEL_ZH } from './format.js';
import { Layout } from './layout.js';
import { ElementCard, TodoCard, type TodoEntry } from './overdue-item.js';
import { YearSelect } from './year-select.js';

/** One body's part of the list. */
export interface BodyTodos {
  body: Body;
  overdue: TodoEntry[];
  dueSoon: TodoEntry[];
  elements: { finding: Finding; item: Item | undefined; elements: Element[] }[];
}

export interface OverduePageProps {
  viewer: Viewer;
  year: number;
  years: number[];
  run: ScoreRun | undefined;
  /** The day the list is computed for. */
  day: string | undefined;
  /** Whether the day was asked for (`?today=`). */
  dayAsked: boolean;
  windowWorkdays: number;
  /** The chosen body, when one is. */
  body: Body | undefined;
  pickable: Body[];
  groups: BodyTodos[];
  /** Evaluators without a chosen body: each township's counts. */
  index?: { body: Body; overdue: number; dueSoon: number }[];
  error?: string;
}

function Picker(props: OverduePageProps) {
  return (
    <form class="filters" method="get" action="/overdue" aria-label="选择主体和日期">
      <label>
        主体
        <select name="body">
          {props.body ? null : <option value="">请选择</option>}
          {props.pickable.map((b) => (
            <option value={b.id} selected={b.id === props.body?.id}>
              {b.level === 'village' ? `　${b.name}` : b.name}
            </option>
          ))}
        </select>
      </label>
      <YearSelect year={props.year} years={props.years} />
      <label>
        按此日期计算（可不填）
        <input type="date" name="today" value={props.dayAsked ? props.day : undefined} />
      </label>
      <button type="submit">查看</button>
    </form>
  );
}

function Group(props: { group: BodyTodos; viewer: Viewer; year: number }) {
  const g = props.group;
  const empty = g.overdue.length + g.dueSoon.length + g.elements.length === 0;
  const card = (entry: TodoEntry, overdue: boolean) => (
    <TodoCard
      entry={entry}
      bodyName={g.body.name}
      viewer={props.viewer}
      year={props.year}
      overdue={overdue}
    />
  );
  return (
    <section class="todo-body" id={`b-${g.body.id}`} aria-labelledby={`h-${g.body.id}`}>
      <h2 id={`h-${g.body.id}`}>
        {g.body.name} <span class="meta">{LEVEL_ZH[g.body.level]}</span>
      </h2>
      {empty ? <p class="empty">没有逾期、即将到期或缺少要素的事项。</p> : null}
      {g.overdue.length > 0 ? (
        <>
          <h3>已逾期（{g.overdue.length}）</h3>
          <ol class="todos">{g.overdue.map((e) => card(e, true))}</ol>
        </>
      ) : null}
      {g.dueSoon.length > 0 ? (
        <>
          <h3>即将到期（{g.dueSoon.length}）</h3>
          <ol class="todos">{g.dueSoon.map((e) => card(e, false))}</ol>
        </>
      ) : null}
      {g.elements.length > 0 ? (
        <>
          <h3>已发布但缺少要素（{g.elements.length}）</h3>
          <ol class="todos">
            {g.elements.map((x) => (
              <ElementCard finding={x.finding} item={x.item} elements={x.elements} />
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

function Index(props: { rows: NonNullable<OverduePageProps['index']>; year: number }) {
  return (
    <div class="scroll">
      <table>
        <caption class="sr">各乡镇（街道）连同所辖村的逾期与即将到期事项</caption>
        <thead>
          <tr>
            <th scope="col">乡镇（街道）</th>
            <th scope="col">已逾期</th>
            <th scope="col">即将到期</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={`/overdue?body=${encodeURIComponent(r.body.id)}&year=${props.year}`}>
                  {r.body.name}
                </a>
              </th>
              <td class="num">{r.overdue}</td>
              <td class="num">{r.dueSoon}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `/overdue`: a township's (and its villages') overdue and soon-due items and posts missing elements. */
export function OverduePage(props: OverduePageProps) {
  const { groups, run } = props;
  const count = (f: (g: BodyTodos) => number) => groups.reduce((s, g) => s + f(g), 0);
  return (
    <Layout title="待办与逾期" viewer={props.viewer} current="/overdue">
      <h1>{props.body ? `${props.body.name} · 待办与逾期` : '待办与逾期'}</h1>
      <Picker {...props} />
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      {!run ? <p class="empty">{props.year} 年度还没有评分结果，暂无待办事项。</p> : null}
      {run && props.day ? (
        <p class="meta">
          {props.year} 年度，按 {dateZh(props.day)} 计算
          {props.day !== run.today ? `（评分截至 ${dateZh(run.today)}）` : ''}；“即将到期”指{' '}
          {props.windowWorkdays} 个工作日内到期；工作日按国家法定节假日安排计算。
        </p>
      ) : null}
      {run && props.index ? <Index rows={props.index} year={props.year} /> : null}
      {run && props.body ? (
        <>
          <section class="stats" aria-label="汇总">
            <div>
              <strong>{count((g) => g.overdue.length)}</strong>
              <span>已逾期</span>
            </div>
            <div>
              <strong>{count((g) => g.dueSoon.length)}</strong>
              <span>即将到期</span>
            </div>
            <div>
              <strong>{count((g) => g.elements.length)}</strong>
              <span>缺少要素</span>
            </div>
          </section>
          {groups.length > 1 ? (
            <nav aria-label="按主体跳转">
              <ul class="chips">
                {groups.map((g) => (
                  <li>
                    <a href={`#b-${g.body.id}`}>
                      {g.body.name}（{g.overdue.length}/{g.dueSoon.length}）
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {groups.map((g) => (
            <Group group={g} viewer={props.viewer} year={props.year} />
          ))}
        </>
      ) : null}
    </Layout>
  );
}

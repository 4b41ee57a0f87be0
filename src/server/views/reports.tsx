import type { AuditEntry, Body, ScoreRun } from '../../store/index.js';
import type { Viewer } from '../deps.js';
import { dateZh, instantZh, LEVEL_ZH } from './format.js';
import { Layout } from './layout.js';
import { YearSelect } from './year-select.js';

export interface ReportsPageProps {
  viewer: Viewer;
  year: number;
  years: number[];
  run: ScoreRun | undefined;
  /** Whole-district reports are offered (not to a township lead). */
  district: boolean;
  /** Bodies a report may be made for, with their villages. */
  bodies: Body[];
  body: string;
  format: string;
  recent: AuditEntry[];
  error?: string | undefined;
}

const FORMATS = [
  { id: 'xlsx', label: 'Excel（汇总、评分、扣分明细、逾期事项、方法说明）' },
  { id: 'pdf', label: 'PDF（封面、总体情况、各主体明细、逾期事项、评分方法）' },
  { id: 'csv', label: 'CSV（扣分明细，UTF-8）' },
];

function Recent(props: { entries: AuditEntry[] }) {
  if (props.entries.length === 0) return <p class="meta">还没有导出记录。</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">时间</th>
          <th scope="col">导出人</th>
          <th scope="col">年度</th>
          <th scope="col">范围</th>
          <th scope="col">格式</th>
          <th scope="col">数据快照</th>
        </tr>
      </thead>
      <tbody>
        {props.entries.map((e) => (
          <tr>
            <td>{instantZh(e.at)}</td>
            <td>{e.actor}</td>
            <td>{String(e.detail.year ?? '')}</td>
            <td>{String(e.detail.scope ?? '')}</td>
            <td>{String(e.detail.format ?? '')}</td>
            <td class="mono">{String(e.detail.inputsSha256 ?? '').slice(0, 12)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `/reports`: pick a year, a scope and a format, and download the annual assessment report. */
export function ReportsPage(props: ReportsPageProps) {
  const { run } = props;
  return (
    <Layout title="报告" viewer={props.viewer} current="/reports">
      <h1>年度考核评估报告</h1>
      <p class="meta">
        报告取自所选年度最新一次评分的存储结果：同一批次再次导出，Excel 与 CSV
        文件逐字节相同。每次下载都记入操作日志。
      </p>
      {props.error ? <p class="error">{props.error}</p> : null}
      <form class="filters" method="get" action="/reports/download">
        <YearSelect year={props.year} years={props.years} />
        <label>
          范围
          <select name="body">
            {props.district ? (
              <option value="" selected={props.body === ''}>
                全区
              </option>
            ) : null}
            {props.bodies.map((b) => (
              <option value={b.id} selected={b.id === props.body}>
                {b.level === 'township'
                  ? `${b.name}（含所辖村）`
                  : `${b.name}（${LEVEL_ZH[b.level] ?? b.level}）`}
              </option>
            ))}
          </select>
        </label>
        <label>
          格式
          <select name="format">
            {FORMATS.map((f) => (
              <option value={f.id} selected={f.id === props.format}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">下载报告</button>
      </form>
      <h2>{props.year} 年度评分批次</h2>
      {run ? (
        <dl class="facts">
          <dt>评分截至</dt>
          <dd>{dateZh(run.today)}</dd>
          <dt>计算时间</dt>
          <dd>{instantZh(run.computedAt)}</dd>
          <dt>评分批次</dt>
          <dd>
            第 {run.id} 批（评分方案 {run.scheme}，标准目录 {run.catalog}）
          </dd>
          <dt>数据快照</dt>
          <dd class="mono">{run.inputsSha256}</dd>
        </dl>
      ) : (
        <p class="empty">该年度还没有评分结果：请先运行 gongkai score，或等待定时任务完成。</p>
      )}
      <h2>最近的导出</h2>
      <Recent entries={props.recent} />
    </Layout>
  );
}

/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { AnnualReport } from '../annual-report.js';
import { dateZh, LEVEL_ZH, percent, points, SEVERITY_ZH, shortName } from '../labels.js';
import { BarChart, StackedChart } from './svg-charts.js';

const GRADE_COLOR: Record<string, string> = { 优秀: '#2e7d32', 合格: '#0b5cad', 不合格: '#c62828' };
const STATUS_COLORS = [
  { key: 'on_time', label: '按时公开', color: '#2e7d32' },
  { key: 'late', label: '逾期公开', color: '#d97706' },
  { key: 'missing', label: '未公开', color: '#c62828' },
  { key: 'pending', label: '未到期', color: '#5b8def' },
  { key: 'unverifiable', label: '无法核实', color: '#8c959f' },
  { key: 'exempt', label: '免于公开', color: '#d0d7de' },
] as const;

function leadText(report: AnnualReport): string {
  const t = report.totals;
  const who = report.scope.kind === 'district' ? '全区' : report.scope.name;
  const mean = t.meanPoints === null ? '—' : points(t.meanPoints);
  const veto = t.vetoed ? `（含一票否决 ${t.vetoed} 个）` : '';
  return (
    `截至${dateZh(report.run.today)}，${who}纳入评分的公开主体 ${t.bodies} 个，平均得分 ${mean} 分；其中优秀 ${t.grades.优秀} 个、` +
    `合格 ${t.grades.合格} 个、不合格 ${t.grades.不合格} 个${veto}。已到期的公开义务 ${t.due} 项，按时公开 ${t.onTime} 项、` +
    `逾期公开 ${t.late} 项、未公开 ${t.missing} 项，及时率 ${percent(t.timeliness)}，完整率 ${percent(t.completeness)}；` +
    `另有未到期 ${t.pending} 项、因来源无法访问而无法核实 ${t.unverifiable} 项。共发现问题 ${t.findings} 项，其中扣分问题 ` +
    `${t.deductions} 项，合计扣分 ${points(t.pointsDeducted)} 分。`
  );
}

function Stats(props: { report: AnnualReport }) {
  const t = props.report.totals;
  const cells: [string, string][] = [
    [String(t.bodies), '公开主体'],
    [t.meanPoints === null ? '—' : points(t.meanPoints), '平均得分'],
    [percent(t.timeliness), '及时率'],
    [percent(t.completeness), '完整率'],
    [String(t.missing), '未公开事项'],
    [String(t.deductions), '扣分问题'],
  ];
  return (
    <div class="stats">
      {cells.map(([v, k]) => (
        <div>
          <strong>{v}</strong>
          <span>{k}</span>
        </div>
      ))}
    </div>
  );
}

function Charts(props: { report: AnnualReport }) {
  const { report } = props;
  const maxKind = Math.max(1, ...report.kinds.map((k) => k.count));
  return (
    <>
      <figure>
        <BarChart
          title="各主体得分（由高到低）"
          max={report.scheme.base}
          legend={Object.entries(GRADE_COLOR).map(([label, color]) => ({ label, color }))}
          rows={report.ranking.map((b) => ({
            label: shortName(b.card.body.name, report.district),
            value: b.card.points,
            color: GRADE_COLOR[b.card.grade] ?? '#8c959f',
            text: `${points(b.card.points)}${b.card.vetoed ? ' 否决' : ''}`,
          }))}
        />
      </figure>
      <figure>
        <StackedChart
          title="各事项公开义务状态"
          legend={STATUS_COLORS}
          rows={report.items.map((i) => ({
            label: i.itemName,
            total: Object.values(i.counts).reduce((s, n) => s + n, 0),
            parts: STATUS_COLORS.map((s) => ({ value: i.counts[s.key], color: s.color })),
          }))}
        />
      </figure>
      <figure>
        <BarChart
          title="问题类型分布（项）"
          max={maxKind}
          labelWidth={200}
          rows={report.kinds.map((k) => ({
            label: k.label,
            value: k.count,
            color:
              k.severity === 'critical'
                ? '#c62828'
                : k.severity === 'major'
                  ? '#d97706'
                  : k.severity === 'info'
                    ? '#8c959f'
                    : '#e3b341',
            text: String(k.count),
          }))}
        />
      </figure>
    </>
  );
}

function Ranking(props: { report: AnnualReport }) {
  return (
    <table>
      <thead>
        <tr>
          <th>名次</th>
          <th>主体</th>
          <th>层级</th>
          <th>得分</th>
          <th>等级</th>
          <th>及时率</th>
          <th>完整率</th>
          <th>要素完整率</th>
          <th>扣分问题</th>
        </tr>
      </thead>
      <tbody>
        {props.report.ranking.map((b) => (
          <tr>
            <td class="num">{b.rank}</td>
            <td>{b.card.body.name}</td>
            <td>{LEVEL_ZH[b.card.body.level] ?? b.card.body.level}</td>
            <td class="num">{points(b.card.points)}</td>
            <td>
              <span class={`grade-${b.card.grade}`}>{b.card.grade}</span>
              {b.card.vetoed ? <span class="veto">一票否决</span> : null}
            </td>
            <td class="num">{percent(b.card.timeliness)}</td>
            <td class="num">{percent(b.card.completeness)}</td>
            <td class="num">{percent(b.card.elementCompleteness)}</td>
            <td class="num">{b.findings.filter((f) => f.points > 0 || f.veto).length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Kinds(props: { report: AnnualReport }) {
  return (
    <table>
      <thead>
        <tr>
          <th>问题类型</th>
          <th>严重程度</th>
          <th>数量（项）</th>
          <th>扣分合计</th>
        </tr>
      </thead>
      <tbody>
        {props.report.kinds.map((k) => (
          <tr>
            <td>{k.label}</td>
            <td>{SEVERITY_ZH[k.severity] ?? k.severity}</td>
            <td class="num">{k.count}</td>
            <td class="num">{points(k.points)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 一、总体情况: figures, charts, findings by kind, the ranking. */
export function Summary(props: { report: AnnualReport }) {
  const { report } = props;
  return (
    <section class="chapter">
      <h2>一、总体情况</h2>
      <p class="lead">{leadText(report)}</p>
      <Stats report={report} />
      <Charts report={report} />
      <h3>（一）问题类型统计</h3>
      <Kinds report={report} />
      <h3>（二）主体得分排名</h3>
      <Ranking report={report} />
    </section>
  );
}

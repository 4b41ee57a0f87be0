/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { AnnualReport, ReportBody, ReportFinding } from '../annual-report.js';
import { EVIDENCE_ZH, LEVEL_ZH, percent, points } from '../labels.js';
import { Cols } from './cols.js';

const deducting = (f: ReportFinding) => f.points > 0 || f.veto;

function CardTable(props: { body: ReportBody }) {
  const c = props.body.card;
  return (
    <table class="card">
      <thead>
        <tr>
          <th>得分</th>
          <th>等级</th>
          <th>及时率</th>
          <th>完整率</th>
          <th>要素完整率</th>
          <th>按时</th>
          <th>逾期</th>
          <th>未公开</th>
          <th>未到期</th>
          <th>无法核实</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td class="points">{points(c.points)}</td>
          <td>
            <span class={`grade-${c.grade}`}>{c.grade}</span>
            {c.vetoed ? <span class="veto">一票否决</span> : null}
          </td>
          <td>{percent(c.timeliness)}</td>
          <td>{percent(c.completeness)}</td>
          <td>{percent(c.elementCompleteness)}</td>
          <td>{c.counts.on_time}</td>
          <td>{c.counts.late}</td>
          <td>{c.counts.missing}</td>
          <td>{c.counts.pending}</td>
          <td>{c.counts.unverifiable}</td>
        </tr>
        <tr>
          <td colspan={10} class="note">
            <b>按指标扣分：</b>
            {c.indicators.map((i) => `${i.name} ${points(i.deducted)}/${i.max}`).join('；')}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function Evidence(props: { finding: ReportFinding }) {
  const e = props.finding.evidence;
  const url = e?.url ?? props.finding.url;
  if (!e && !url) return null;
  return (
    <div>
      <b>证据：</b>
      {e ? `${EVIDENCE_ZH[e.kind] ?? e.kind}“${e.title}”` : ''}
      {e?.firstSeen ? `，首次发现 ${e.firstSeen}` : ''}
      {url ? <div class="mono">{url}</div> : null}
      {e?.sha256 ? <div class="mono">SHA-256 {e.sha256}</div> : null}
    </div>
  );
}

function FindingRows(props: { finding: ReportFinding }) {
  const f = props.finding;
  return (
    <tbody class="finding">
      <tr>
        <td class="num">{f.no}</td>
        <td>
          {f.label}
          {f.veto ? <span class="veto">否决</span> : null}
        </td>
        <td>
          {f.itemName}
          {f.record ? <div class="muted">{f.record}</div> : null}
        </td>
        <td class="num">{f.due ?? '—'}</td>
        <td class="num">{f.published ?? '—'}</td>
        <td class="num">{f.workdaysLate ?? '—'}</td>
        <td class="num points">{f.veto ? '否决' : points(f.points)}</td>
      </tr>
      <tr>
        <td></td>
        <td colspan={6} class="note">
          <div>
            <b>规则：</b>
            {f.rule}
          </div>
          <div>
            <b>说明：</b>
            {f.detail}
          </div>
          <Evidence finding={f} />
          {f.reviews.length ? (
            <div>
              <b>复核：</b>
              {f.reviews.join('；')}
            </div>
          ) : null}
          {f.claims.length ? (
            <div>
              <b>认领：</b>
              {f.claims.join('；')}
            </div>
          ) : null}
        </td>
      </tr>
    </tbody>
  );
}

function FindingsTable(props: { findings: readonly ReportFinding[] }) {
  return (
    <table>
      <Cols widths={[6, 16, 36, 12, 12, 10, 8]} />
      <thead>
        <tr>
          <th>序号</th>
          <th>问题</th>
          <th>事项 / 记录</th>
          <th>截止日期</th>
          <th>公开日期</th>
          <th>逾期工作日</th>
          <th>扣分</th>
        </tr>
      </thead>
      {props.findings.map((f) => (
        <FindingRows finding={f} />
      ))}
    </table>
  );
}

function OtherFindings(props: { findings: readonly ReportFinding[] }) {
  return (
    <table>
      <Cols widths={[6, 14, 18, 20, 11, 31]} />
      <thead>
        <tr>
          <th>序号</th>
          <th>问题</th>
          <th>事项</th>
          <th>记录</th>
          <th>截止日期</th>
          <th>说明</th>
        </tr>
      </thead>
      <tbody>
        {props.findings.map((f) => (
          <tr>
            <td class="num">{f.no}</td>
            <td>{f.label}</td>
            <td>{f.itemName}</td>
            <td>{f.record ?? '—'}</td>
            <td class="num">{f.due ?? '—'}</td>
            <td>{f.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BodySection(props: { body: ReportBody; index: number; parentName: string | null }) {
  const { body } = props;
  const scored = body.findings.filter(deducting);
  const other = body.findings.filter((f) => !deducting(f));
  return (
    <section>
      <h3>
        （{props.index}）{body.card.body.name}
        <small>
          {LEVEL_ZH[body.card.body.level] ?? body.card.body.level}
          {props.parentName ? ` · ${props.parentName}` : ''} · 第 {body.rank} 名
        </small>
      </h3>
      <CardTable body={body} />
      {scored.length ? (
        <>
          <h4>扣分问题（{scored.length} 项）</h4>
          <FindingsTable findings={scored} />
        </>
      ) : (
        <p class="muted">无扣分问题。</p>
      )}
      {other.length ? (
        <>
          <h4>不扣分的问题（{other.length} 项）</h4>
          <OtherFindings findings={other} />
        </>
      ) : null}
    </section>
  );
}

/** 二、各主体评分与问题明细: each body's card, its deductions with rule and evidence, what could not be checked. */
export function Bodies(props: { report: AnnualReport }) {
  const { report } = props;
  const names = new Map(report.bodies.map((b) => [b.card.body.id, b.card.body.name]));
  return (
    <section class="chapter">
      <h2>二、各主体评分与问题明细</h2>
      <p class="muted">
        序号与 Excel“扣分明细”表及 CSV 文件的序号一致。日期为北京时间；逾期工作日自截止日次日起算（见附录）。
      </p>
      {report.bodies.map((b, i) => (
        <BodySection
          body={b}
          index={i + 1}
          parentName={b.parentId ? (names.get(b.parentId) ?? null) : null}
        />
      ))}
    </section>
  );
}

/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { AnnualReport } from '../annual-report.js';
import { schemeRows, schemeRules, workingDayRules } from '../method.js';

/** 附录 评分方法: the catalog's time rules, how working days are counted, and the scheme's points. */
export function Method(props: { report: AnnualReport }) {
  const { report } = props;
  const { catalog, scheme } = report;
  return (
    <section class="chapter">
      <h2>附录　评分方法</h2>
      <h3>（一）标准目录的公开时限</h3>
      <p>
        {`依据《${catalog.name}》（${catalog.id}，版本 ${catalog.version}）。“规则”为系统计算截止日期所用的写法：workdays(N) from 起算事件，表示起算事件后第 N 个工作日；annual(by 月-日)，表示每年该日前。`}
      </p>
      <table>
        <thead>
          <tr>
            <th>序号</th>
            <th>事项</th>
            <th>时限（目录原文）</th>
            <th>规则</th>
          </tr>
        </thead>
        <tbody>
          {catalog.items.map((item) => (
            <tr>
              <td class="num">{item.no}</td>
              <td>
                {item.name}
                <div class="muted">{item.category}</div>
              </td>
              <td>
                {item.rows.map((r) => (
                  <div>{item.rows.length > 1 ? `${r.content ?? r.id}：${r.ruleText}` : r.ruleText}</div>
                ))}
              </td>
              <td class="mono">{item.rule}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>（二）工作日的计算</h3>
      <ol>
        {workingDayRules(report).map((line) => (
          <li>{line}</li>
        ))}
      </ol>
      <h3>（三）评分方案：{scheme.name}</h3>
      <ol>
        {schemeRules(scheme).map((line) => (
          <li>{line}</li>
        ))}
      </ol>
      <h4>指标及扣分上限</h4>
      <table class="auto">
        <thead>
          <tr>
            <th>指标</th>
            <th>扣分上限（分）</th>
          </tr>
        </thead>
        <tbody>
          {scheme.indicators.map((i) => (
            <tr>
              <td>{i.name}</td>
              <td class="num">{i.max}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>问题类型及扣分</h4>
      <table>
        <thead>
          <tr>
            <th>问题类型</th>
            <th>所属指标</th>
            <th>扣分</th>
            <th>严重程度</th>
          </tr>
        </thead>
        <tbody>
          {schemeRows(scheme).map((r) => (
            <tr>
              <td>
                {r.label}
                <div class="muted mono">{r.kind}</div>
              </td>
              <td>{r.indicator}</td>
              <td>{r.points}</td>
              <td>{r.severity}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

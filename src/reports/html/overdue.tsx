/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { AnnualReport } from '../annual-report.js';
import { dateZh } from '../labels.js';
import { Cols } from './cols.js';

/** 三、截至评分日仍未公开的事项: every obligation past due and not published, oldest first. */
export function Overdue(props: { report: AnnualReport }) {
  const { report } = props;
  return (
    <section class="chapter">
      <h2>三、截至评分日仍未公开的事项</h2>
      <p>
        {`截至${dateZh(report.run.today)}，已过截止日期仍未在应公开渠道公开的事项共 ${report.overdue.length} 项，按截止日期排列。“已逾期”为截止日次日至评分截至日的工作日数。`}
      </p>
      {report.overdue.length ? (
        <table>
          <Cols widths={[17, 35, 9, 11, 9, 19]} />
          <thead>
            <tr>
              <th>主体</th>
              <th>事项 / 记录</th>
              <th>渠道</th>
              <th>截止日期</th>
              <th>已逾期（工作日）</th>
              <th>时限</th>
            </tr>
          </thead>
          <tbody>
            {report.overdue.map((o) => (
              <tr>
                <td>{o.bodyName}</td>
                <td>
                  {o.itemName}
                  <div class="muted">{o.record ?? '（常设要求）'}</div>
                  {o.elsewhere.length ? <div class="muted">已在{o.elsewhere.join('、')}公开</div> : null}
                  {o.claims.length ? <div class="muted">认领：{o.claims.join('；')}</div> : null}
                </td>
                <td class="nowrap">{o.channel}</td>
                <td class="num">{o.due}</td>
                <td class="num">{o.workdaysLate ?? '—'}</td>
                <td>{o.ruleText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">无。</p>
      )}
    </section>
  );
}

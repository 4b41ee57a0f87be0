/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { AnnualReport } from '../annual-report.js';
import { chinaTime, dateZh } from '../labels.js';
import { scopeText } from '../scope-text.js';

/** The cover: what the report is of, under which rules, from which data (with the hashes that pin them). */
export function Cover(props: { report: AnnualReport }) {
  const { report } = props;
  const { run, catalog, scheme } = report;
  const facts: [string, string, boolean?][] = [
    ['考核年度', `${report.year} 年度`],
    ['评分截至日期', dateZh(run.today)],
    ['标准目录', `${catalog.name}（${catalog.id}）`],
    ['目录版本', catalog.version],
    ['评分方案', `${scheme.name}（${scheme.id}）`],
    ['节假日数据', run.calendar],
    ['数据时间', `${chinaTime(run.computedAt)}（北京时间，评分计算时间）`],
    ['评分批次', `第 ${run.id} 批`],
    ['数据快照 SHA-256', run.inputsSha256, true],
    ['目录文件 SHA-256', catalog.sha256 ?? '（数据库中无该目录的文件摘要）', catalog.sha256 !== null],
    ['评分方案 SHA-256', scheme.sha256, true],
  ];
  return (
    <section class="cover">
      <div class="banner serif">扶贫领域基层政务公开考核评估材料</div>
      <div class="rule"></div>
      <div class="rule thin"></div>
      <h1>
        {report.district}
        <br />
        {report.year}年度扶贫领域基层政务公开
        <br />
        考核评估报告
      </h1>
      <div class="scope serif">报告范围：{scopeText(report)}</div>
      <div class="facts-block">
        <table class="facts">
          <tbody>
            {facts.map(([k, v, mono]) => (
              <tr>
                <th scope="row">{k}</th>
                <td class={mono ? 'mono' : undefined}>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="assurance">
          {`本报告由公开监测系统根据第 ${run.id} 批评分的存储结果生成，所列得分、问题和证据均取自该批次；“数据快照”为该批次全部评分输入（登记主体、来源、抓取记录、网页版本、导入记录、线下公示、认领及评分规则）的 SHA-256 摘要。同一批次再次导出，Excel 与 CSV 文件逐字节相同。`}
        </p>
      </div>
      <div class="issuer serif">
        {report.district}扶贫领域基层政务公开监测系统
        <br />
        {dateZh(chinaTime(run.computedAt))}
      </div>
    </section>
  );
}

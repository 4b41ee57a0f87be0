import type { FindingRule, Scheme } from '../scoring/index.js';
import type { AnnualReport } from './annual-report.js';
import { SEVERITY_ZH } from './labels.js';

/** How working days and lateness are counted, in the words the report prints (method appendix). */
export function workingDayRules(report: AnnualReport): string[] {
  return [
    '时限按工作日计算：自起算事件（信息形成或变更、资金下达、文件收到）的次日起数，起算当日不计入；数满规定的工作日数之日为截止日，截止日当日及以前公开为按时公开。',
    '工作日为周一至周五中不属于法定节假日的日子，另加国务院办公厅通知安排的调休上班日：调休上班的周六、周日计为工作日，法定节假日（含假期中的周末）不计为工作日。',
    `法定节假日和调休安排取自固定版本的数据集“${report.run.calendar}”，评分时记录在评分批次中；数据未覆盖的年份不按周一至周五推算，评分即报错。`,
    `逾期工作日数为截止日次日至实际公开日（含）之间的工作日数；截至评分日仍未公开的，计算到评分截至日 ${report.run.today}。`,
    '按年度公开的事项（如每年年底前公开当年情况），在规定日期当日及以前公开为按时。',
    '公开日期以网页标明的发布日期为准；网页未标明日期，或标明日期比系统首次发现早 3 天以上且其间的抓取未见该信息（倒签）的，以首次发现之日为准。线下公示以录入的张贴日期为准。',
    '来源在截止日后一直无法访问、无法核实是否公开的，记为“无法核实”，不扣分，也不计入及时率和完整率的分母。',
  ];
}

/** How the scheme turns findings into points and grades, in the words the report prints. */
export function schemeRules(scheme: Scheme): string[] {
  return [
    `每个主体满分 ${scheme.base} 分，按发现的问题扣分；每项指标的扣分不超过该指标的上限。`,
    `得分 ${scheme.good} 分及以上为优秀，${scheme.pass} 分及以上为合格，不足 ${scheme.pass} 分为不合格。`,
    '出现一票否决问题（单项否决）的主体，无论得分多少，等级均为不合格。',
    '乡镇（街道）含所辖村的得分为乡镇与各村得分的平均值，与单一主体同按百分制比较。',
    '及时率 = 按时公开数 ÷（按时公开数 + 逾期公开数 + 未公开数）；完整率 =（按时公开数 + 逾期公开数）÷ 同一分母。未到期、无法核实、免于公开的义务不计入。',
  ];
}

/** A finding rule's points in words: “每逾期 1 个工作日扣 0.5 分，单项最多扣 3 分”. */
export function pointsText(kind: string, rule: FindingRule): string {
  if (rule.veto) return '一票否决';
  if (rule.points === 0) return '不扣分';
  const unit = kind === 'late' ? '每逾期 1 个工作日' : kind === 'element_missing' ? '每缺 1 项要素' : '每项';
  const per = rule.perUnit ? unit : '每项';
  const cap = rule.maxPerFinding === undefined ? '' : `，单项最多扣 ${rule.maxPerFinding} 分`;
  return `${per}扣 ${rule.points} 分${cap}`;
}

export interface SchemeRow {
  kind: string;
  label: string;
  indicator: string;
  points: string;
  severity: string;
  veto: boolean;
}

/** The scheme's finding kinds as table rows, in the scheme's order. */
export function schemeRows(scheme: Scheme): SchemeRow[] {
  const indicators = new Map(scheme.indicators.map((i) => [i.id, i.name]));
  return Object.entries(scheme.findings).flatMap(([kind, rule]) =>
    rule
      ? [
          {
            kind,
            label: rule.label,
            indicator: rule.indicator ? (indicators.get(rule.indicator) ?? rule.indicator) : '—',
            points: pointsText(kind, rule),
            severity: SEVERITY_ZH[rule.severity] ?? rule.severity,
            veto: rule.veto,
          },
        ]
      : [],
  );
}

import type { Project } from '../model.js';
import type { Rng } from '../random.js';
import { wan } from './common.js';

// How each fact of a project is written, in a sentence or in a table cell. Composers choose which facts to
// state from input.include; the words here are kept apart so that one fact never reads as another.

/** Where the project is: 城村镇西村. */
export const placeOf = (p: Project): string => `${p.township}${p.village}`;

/** The month the project ends (within the year). */
export const endMonth = (p: Project): number => Math.min(12, p.startMonth + p.months);

/** A style for a fact written the same way down a whole table. */
export const styleOf = (rng: Rng): number => rng.int(0, 2);

/** The planned period: 2020年3月至2020年6月, 2020.3-2020.6 … */
export function periodOf(p: Project, year: number, style: number): string {
  const end = endMonth(p);
  const styles = [
    `${year}年${p.startMonth}月至${year}年${end}月`,
    `${year}.${p.startMonth}-${year}.${end}`,
    `${year}年${p.startMonth}月—${end}月`,
  ];
  return styles[style % styles.length] as string;
}

/** The beneficiaries: 受益群众120人，其中贫困人口30人. */
export function beneficiariesOf(p: Project, style: number): string {
  const styles = [
    `受益群众${p.beneficiaries}人，其中建档立卡贫困人口${p.poorBeneficiaries}人`,
    `受益人口${p.beneficiaries}人（贫困人口${p.poorBeneficiaries}人）`,
    `受益对象为${p.village}群众${p.beneficiaries}人，含贫困人口${p.poorBeneficiaries}人`,
  ];
  return styles[style % styles.length] as string;
}

/** How people take part and how the poor gain: 村民代表大会议定；资产收益归村集体… */
export function participationOf(p: Project, rng: Rng): string {
  const part = rng.pick(['项目经村民代表大会议定', '群众全程参与项目选定和监督', '公开征求群众意见后申报']);
  return `${part}；${p.mechanism}`;
}

/** The unit with its responsible person: 区交通运输局（负责人：王建国）. */
export function unitAndManager(p: Project, rng: Rng): string {
  return rng.pick([
    `${p.unit}（负责人：${p.manager}）`,
    `${p.unit}，责任人${p.manager}`,
    `${p.unit} ${p.manager}`,
  ]);
}

/** Money for a sentence: 41.6万元 or 416000元. */
export function amountText(p: Project, rng: Rng): string {
  return rng.weighted([
    [`${Number(wan(p.amount))}万元`, 4],
    [`${p.amount}元`, 1],
    [`${wan(p.amount)}万元`, 1],
  ]);
}

/** Sum of the projects' amounts in 万元 for a sentence. */
export const totalWan = (projects: readonly Project[]): string =>
  String(Number(wan(projects.reduce((s, p) => s + p.amount, 0))));

/** Label variants per fact, so no two pages head their columns the same way. */
export const LABELS = {
  name: ['项目名称', '项目名称', '项目'],
  place: ['实施地点', '建设地点', '项目地点'],
  amount: ['资金规模（万元）', '投资规模（万元）', '资金（万元）'],
  source: ['资金来源', '资金来源', '资金性质'],
  task: ['建设任务', '建设内容', '建设内容及规模'],
  target: ['绩效目标', '绩效目标', '预期绩效目标'],
  mechanism: ['带贫减贫机制', '带贫减贫机制', '带贫机制'],
  unit: ['实施单位', '项目实施单位', '建设单位'],
} as const;

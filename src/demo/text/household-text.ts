import type { Household } from '../model.js';
import type { Rng } from '../random.js';
import { showNumber } from './format.js';
import type { ComposeInput } from './types.js';

// The words of 贫困人口识别 (item 4) and 退出 (item 5) notices, one clause per element key, so a post
// states exactly the keys it includes. Each clause avoids the words of the other keys.

/** Clauses of the identification standard and procedure, keyed by element. */
export function identificationClauses(rng: Rng, year: number): Record<string, string> {
  return {
    国定标准: rng.pick([
      '国定标准为2010年不变价农民人均纯收入2300元（按年度物价指数调整）',
      `国家扶贫标准（2010年不变价2300元，${year}年现价约4000元）`,
    ]),
    省定标准: rng.pick([
      '省定标准为家庭年人均纯收入低于省定扶贫标准，并统筹考虑义务教育、基本医疗和住房安全保障情况',
      '参照河南省省定标准，综合考虑住房、教育、医疗保障状况',
    ]),
    农户申请: rng.pick(['农户本人向村委会提出书面申请', '农户自愿申请']),
    民主评议公示公告: rng.pick([
      '召开村民代表大会民主评议，评议结果在村内公示',
      '村民代表大会民主评议并公示公告',
    ]),
    逐级审核: rng.pick(['乡镇人民政府审核、区扶贫办复核', '乡镇审核、区级审定']),
  };
}

/** Clauses of the exit plan, standard and procedure, keyed by element. */
export function exitClauses(rng: Rng, year: number, planned: number): Record<string, string> {
  return {
    退出计划: rng.pick([
      `按照示范区${year}年脱贫退出计划，本村计划退出${planned}户`,
      `本村${year}年退出计划为${planned}户`,
    ]),
    人均纯收入稳定超过国定标准: rng.pick([
      '家庭年人均纯收入稳定超过国家扶贫标准',
      '人均纯收入稳定超过国定标准',
    ]),
    '实现“两不愁、三保障”': rng.pick([
      '实现“两不愁、三保障”',
      '做到不愁吃、不愁穿，义务教育、基本医疗、住房安全有保障',
    ]),
    民主评议: rng.pick(['村民代表大会民主评议', '召开村民代表会议民主评议']),
    村两委和驻村工作队核实: rng.pick(['村两委和驻村工作队逐户核实', '村“两委”和驻村工作队入户核实']),
    贫困户认可: rng.pick(['拟退出户本人签字认可', '贫困户认可退出结果']),
    公示公告: rng.pick(['在村内公示无异议后由乡镇人民政府公告', '按程序公示公告']),
    退出销号: rng.pick(['在全国扶贫开发信息系统中标注脱贫、退出销号', '经区级审定后办理退出销号']),
  };
}

/** Keys in the order a notice tells them. */
export const IDENTIFICATION_ORDER = {
  standard: ['国定标准', '省定标准'],
  procedure: ['农户申请', '民主评议公示公告', '逐级审核'],
} as const;

export const EXIT_ORDER = {
  plan: ['退出计划'],
  standard: ['人均纯收入稳定超过国定标准', '实现“两不愁、三保障”'],
  procedure: ['民主评议', '村两委和驻村工作队核实', '贫困户认可', '公示公告', '退出销号'],
} as const;

/** The list of households, with numbers shown as the exposure says; income only when the exit standard is stated. */
export function householdRows(
  input: ComposeInput,
  households: readonly Household[],
  income: boolean,
): string[][] {
  const { rng } = input;
  const exit = input.event.item === 'target.exit';
  const columns: [string, (h: Household, i: number) => string][] = [
    ['序号', (_h, i) => String(i + 1)],
    [rng.pick(['户主姓名', '户主', '姓名']), (h) => h.name],
  ];
  if (input.idNumbers !== 'omitted') {
    columns.push([
      rng.pick(['身份证号码', '身份证号']),
      (h) => showNumber(h.idNumber, input.idNumbers, rng.derive('mask-id')),
    ]);
  }
  columns.push([rng.pick(['家庭人口', '家庭人口数', '人口']), (h) => String(h.members)]);
  columns.push(['所在村组', (h) => `${h.village}${rng.int(1, 8)}组`]);
  if (!exit) columns.push(['致贫原因', (h) => h.reason]);
  if (exit && income) columns.push(['人均纯收入（元）', (h) => String(h.income + 4000)]);
  if (input.phones !== 'omitted')
    columns.push(['联系电话', (h) => showNumber(h.phone, input.phones, rng.derive('mask-phone'))]);
  if (input.bankCards !== 'omitted') {
    columns.push([
      rng.pick(['银行卡号', '一卡通账号']),
      (h) => showNumber(h.bankCard, input.bankCards, rng.derive('mask-card')),
    ]);
  }
  return [
    columns.map(([header]) => header),
    ...households.map((h, i) => columns.map(([, cell]) => cell(h, i))),
  ];
}

/** 3户10人 */
export const countText = (households: readonly Household[]): string =>
  `${households.length}户${households.reduce((s, h) => s + h.members, 0)}人`;

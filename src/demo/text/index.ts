import type { ItemId } from '../../catalog/index.js';
import { composeAllocation } from './allocation.js';
import { composeHouseholds } from './households.js';
import { composeImplementation } from './implementation.js';
import { composeLoans } from './loans.js';
import { composeOversight } from './oversight.js';
import { composePolicy } from './policy.js';
import { composeProjectList } from './project-lists.js';
import { composeSector } from './sector.js';
import type { Composer } from './types.js';

/** The composer of each catalog item. */
export const COMPOSERS: Record<ItemId, Composer> = {
  'policy.regulations': composePolicy,
  'policy.normative': composePolicy,
  'policy.other': composePolicy,
  'target.identification': composeHouseholds,
  'target.exit': composeHouseholds,
  'funds.allocation': composeAllocation,
  'funds.loans': composeLoans,
  'funds.sector': composeSector,
  'projects.library': composeProjectList,
  'projects.annual-plan': composeProjectList,
  'projects.annual-completion': composeProjectList,
  'projects.implementation': composeImplementation,
  'oversight.reporting': composeOversight,
};

// Keys left out here are what makes a post that item (a list's names, a fund's name, the phone of a
// hotline notice) or cannot be left out of the page at all (the 公开单位 signs it).
/** Element keys the planner may leave out of a post: without them the post still reads as that item. */
export const OMITTABLE: Record<ItemId, readonly string[]> = {
  'policy.regulations': [],
  'policy.normative': [],
  'policy.other': [],
  'target.identification': ['国定标准', '省定标准', '农户申请', '民主评议公示公告', '逐级审核', '数量'],
  'target.exit': [
    '退出计划',
    '人均纯收入稳定超过国定标准',
    '实现“两不愁、三保障”',
    '民主评议',
    '村两委和驻村工作队核实',
    '贫困户认可',
    '退出销号',
  ],
  'funds.allocation': ['资金规模', '资金用途', '使用单位', '分配原则', '监督方式'],
  'funds.loans': ['用途', '额度', '期限', '利率', '贷款额度', '贴息规模', '带贫减贫机制'],
  'funds.sector': ['实施地点', '资金规模', '实施单位', '带贫减贫机制', '绩效目标', '监督方式'],
  'projects.library': [
    '项目类别',
    '建设性质',
    '实施地点',
    '时间进度',
    '责任单位',
    '建设任务',
    '资金规模和筹资方式',
    '受益对象',
    '绩效目标',
    '群众参与和带贫减贫机制',
    '项目库规模',
  ],
  'projects.annual-plan': [
    '实施地点',
    '建设任务',
    '补助标准',
    '资金来源及规模',
    '实施期限',
    '实施单位及责任人',
    '绩效目标',
    '带贫减贫机制',
  ],
  'projects.annual-completion': ['资金使用', '建设任务', '绩效目标和减贫机制实现'],
  'projects.implementation': [
    '资金来源',
    '实施期限',
    '绩效目标',
    '实施单位及责任人',
    '受益对象',
    '带贫减贫机制',
    '资金使用',
    '检查验收结果',
    '绩效目标实现情况',
  ],
  'oversight.reporting': ['12317监督举报电话'],
};

export { composeDistractor, DISTRACTOR_TOPICS } from './distractors.js';
export { formatDate, formatMoney, noticeSentence, pickDateStyle, showNumber } from './format.js';
export { composeInterpretation } from './interpretation.js';
export * from './types.js';

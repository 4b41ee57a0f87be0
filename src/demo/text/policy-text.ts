import type { DemoEvent } from '../model.js';
import { numeral } from './common.js';

/** The policy payload of an event. */
export type Policy = Extract<DemoEvent['payload'], { kind: 'policy' }>;

interface TopicText {
  purpose: string;
  scope: string;
  points: string[];
}

// What each document of the demo is about, in the words such documents use; the rest is the shared frame.
const TOPICS: Record<string, TopicText> = {
  扶贫开发: {
    purpose: '推进农村扶贫开发，促进扶贫对象脱贫致富',
    scope: '本省行政区域内的农村扶贫开发及其相关活动',
    points: [
      '县级以上人民政府应当将扶贫开发纳入国民经济和社会发展规划，并列入年度计划',
      '扶贫对象实行动态管理，识别和退出应当公开、公平、公正',
      '各级人民政府应当逐年增加扶贫开发投入，财政专项扶贫资金实行专户管理',
      '扶贫开发项目应当尊重扶贫对象意愿，发挥其主体作用',
      '审计机关依法对扶贫资金的管理和使用情况进行审计监督',
    ],
  },
  资金管理: {
    purpose: '加强财政专项扶贫资金管理，提高资金使用效益',
    scope: '各级财政预算安排的财政专项扶贫资金',
    points: [
      '资金分配以因素法为主，向深度贫困地区倾斜',
      '县级政府是资金使用管理的责任主体，对资金使用的安全性、规范性和有效性负责',
      '资金支出严格执行国库集中支付制度，不得用于行政事业单位基本支出',
      '建立健全资金项目公告公示制度，主动接受社会监督',
      '各级财政、扶贫部门加强绩效管理，绩效评价结果作为资金分配的重要依据',
    ],
  },
  公告公示: {
    purpose: '规范扶贫资金项目公告公示工作，保障群众知情权、参与权和监督权',
    scope: '全区各级各部门管理使用的财政专项扶贫资金、行业扶贫资金和社会扶贫资金及项目',
    points: [
      '坚持“谁分配、谁使用、谁公开”的原则，按照主动公开、真实准确、及时完整的要求开展公告公示',
      '区级公告公示信息通过政府门户网站长期公开，乡村两级在公示栏张贴公示',
      '公告公示内容包括资金安排、项目计划、项目实施和监督举报等信息',
      '涉及贫困户个人隐私的信息应当进行脱敏处理，不得公开身份证号码、银行账号等信息',
      '各乡镇、各部门应当建立公告公示工作台账，确保可查询、可追溯',
    ],
  },
  小额信贷: {
    purpose: '防范和化解扶贫小额信贷风险，保障信贷资金安全',
    scope: '区财政安排的扶贫小额信贷风险补偿金的管理和使用',
    points: [
      '风险补偿金专户存储、专款专用，由区财政局会同区扶贫办管理',
      '合作银行按照风险补偿金的一定倍数放大发放扶贫小额信贷',
      '贷款逾期形成损失的，由风险补偿金与合作银行按约定比例分担',
      '乡镇、村要协助银行做好贷前调查和贷后管理工作',
    ],
  },
  动态管理: {
    purpose: '做好贫困人口动态管理，确保扶贫对象精准',
    scope: '全区建档立卡贫困人口的识别、退出和信息采集更新',
    points: [
      '动态管理每年集中开展一次，做到应纳尽纳、应退尽退',
      '新识别和退出贫困人口按照规定程序进行，严禁弄虚作假',
      '村“两委”和驻村工作队负责本村扶贫对象信息的采集和更新',
      '对返贫人口和新发生贫困人口及时纳入帮扶',
    ],
  },
  资产管理: {
    purpose: '加强扶贫项目资产后续管理，确保资产长期发挥效益',
    scope: '使用各级财政扶贫资金形成的经营性、公益性和到户类资产',
    points: [
      '按照“谁主管、谁负责”的原则，明确资产所有权、经营权和监管权',
      '经营性资产收益优先用于带动贫困户增收和村级公益事业',
      '建立扶贫项目资产台账，实行动态管理',
      '严禁以任何形式侵占、挪用扶贫项目资产',
    ],
  },
};

const GENERIC: TopicText = {
  purpose: '进一步规范扶贫工作管理，提高工作质量',
  scope: '辖区内相关扶贫工作',
  points: [
    '坚持精准扶贫、精准脱贫基本方略',
    '明确职责分工，落实工作责任',
    '加强工作指导和督促检查',
    '建立健全工作台账，做到资料完整、有据可查',
  ],
};

/** The subject-matter of a policy document. */
export function topicOf(policy: Policy): TopicText {
  return (
    TOPICS[policy.topic] ?? { ...GENERIC, purpose: `做好${policy.topic.replace(/办法$|管理办法$/, '')}工作` }
  );
}

/** The document's own kind word: 条例, 办法, 细则, 方案, 要点 … */
export function kindWord(policy: Policy): string {
  return /(条例|细则|办法|方案|要点)(（试行）)?$/.exec(policy.docTitle)?.[1] ?? '规定';
}

/** The lines of a policy document: articles for 条例/办法/细则, numbered sections for 方案/要点. */
export function documentLines(policy: Policy, place: string): string[] {
  const t = topicOf(policy);
  const word = kindWord(policy);
  if (word === '方案' || word === '要点') {
    return [
      '一、总体要求',
      `以习近平新时代中国特色社会主义思想为指导，坚持精准扶贫、精准脱贫基本方略，${t.purpose}。`,
      '二、重点任务',
      ...t.points.map((p, i) => `（${numeral(i)}）${p}。`),
      '三、保障措施',
      '各级各部门要提高思想认识，加强组织领导，明确责任分工，确保各项任务落到实处。',
    ];
  }
  const articles = [
    `为了${t.purpose}，根据有关法律法规和政策规定，结合${place}实际，制定本${word}。`,
    `本${word}适用于${t.scope}。`,
    ...t.points.map((p) => `${p}。`),
    `本${word}由${policy.issuer.split(' ')[0]}负责解释。`,
    `本${word}自印发之日起施行。`,
  ];
  return articles.map((a, i) => `第${numeral(i)}条　${a}`);
}

/** A 令 number: the document was promulgated (公布), not 印发. */
export const isDecree = (docNo: string | undefined): boolean =>
  docNo !== undefined && /令第?\d+号$/.test(docNo);

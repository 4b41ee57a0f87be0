import type { Rng } from '../random.js';
import { pickStable } from './common.js';

/** What a title of a project list may use: its scope, year, and whether some keys are stated. */
export interface TitleFacts {
  scope: string;
  year: number;
  has: (key: string) => boolean;
}

type Title = { needs?: string; make: (f: TitleFacts) => string };

const LIBRARY: Title[] = [
  { make: (f) => `${f.scope}${f.year}年脱贫攻坚项目库入库项目公示` },
  { make: (f) => `关于${f.scope}${f.year}年脱贫攻坚项目库建设情况的公告` },
  { make: (f) => `${f.scope}${f.year}年度扶贫项目库项目公示` },
  { make: (f) => `${f.scope}${f.year}—${f.year + 2}年脱贫攻坚项目库公告` },
  { needs: '项目名单', make: (f) => `${f.year}年${f.scope}扶贫开发项目储备库名单公示` },
  { make: (f) => `${f.scope}关于${f.year}年扶贫项目入库的公示` },
  { make: (f) => `${f.scope}脱贫攻坚项目库（${f.year}年调整）公示` },
];

const PLAN: Title[] = [
  { make: (f) => `${f.scope}${f.year}年扶贫资金项目计划公告` },
  { make: (f) => `关于${f.scope}${f.year}年度扶贫资金项目计划的公示` },
  { needs: '资金来源及规模', make: (f) => `${f.scope}${f.year}年统筹整合财政涉农资金扶贫项目计划公告` },
  { make: (f) => `${f.year}年${f.scope}脱贫攻坚项目实施计划公示` },
  { make: (f) => `${f.scope}${f.year}年度扶贫项目计划安排情况公告` },
  { make: (f) => `${f.scope}关于公布${f.year}年扶贫资金项目计划的公告` },
  { make: (f) => `${f.scope}${f.year}年扶贫项目年度计划公示` },
];

const PLAN_APPROVAL: Title[] = [
  { make: (f) => `${f.scope}${f.year}年上级下达扶贫资金项目计划批复公示` },
  { make: (f) => `关于${f.scope}${f.year}年扶贫项目计划批复情况的公示` },
  { make: (f) => `${f.scope}${f.year}年扶贫资金项目计划批复公告` },
  { make: (f) => `${f.scope}转发区脱贫攻坚工作指挥部关于${f.year}年扶贫项目计划批复的公示` },
  { make: (f) => `${f.scope}${f.year}年已批复扶贫项目公示` },
  { make: (f) => `关于${f.scope}${f.year}年度扶贫资金项目计划下达情况的公告` },
];

const COMPLETION: Title[] = [
  { make: (f) => `${f.scope}${f.year}年扶贫资金项目计划完成情况公告` },
  { make: (f) => `关于${f.scope}${f.year}年度扶贫项目计划完成情况的公示` },
  { make: (f) => `${f.scope}${f.year}年脱贫攻坚项目实施完成情况公告` },
  { make: (f) => `${f.scope}${f.year}年度扶贫项目年度计划执行情况公示` },
  { needs: '项目建设完成', make: (f) => `${f.year}年${f.scope}扶贫资金项目建设完成情况公开` },
  { needs: '资金使用', make: (f) => `${f.scope}${f.year}年扶贫资金使用及项目完成情况公告` },
  { make: (f) => `${f.scope}关于${f.year}年扶贫项目计划完成情况的通报` },
];

/** A title of a project list; patterns naming a key are used only when the key is stated. */
export function listTitle(
  kind: 'library' | 'plan' | 'approval' | 'completion',
  facts: TitleFacts,
  rng: Rng,
): string {
  const titles = { library: LIBRARY, plan: PLAN, approval: PLAN_APPROVAL, completion: COMPLETION }[kind];
  return pickStable(rng, titles, (t) => !t.needs || facts.has(t.needs)).make(facts);
}

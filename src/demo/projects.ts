import type { District } from './district.js';
import type { Project } from './model.js';
import { personName } from './people.js';
import type { Rng } from './random.js';

// Industry projects: name, what gets built, its unit, and a plausible size range.
const INDUSTRIES: readonly (readonly [string, string, string, number, number])[] = [
  ['香菇种植大棚', '标准化香菇大棚', '座', 10, 60],
  ['苹果产业园', '矮砧密植苹果园', '亩', 50, 300],
  ['花椒种植基地', '花椒种植基地', '亩', 80, 500],
  ['光伏电站', '村级光伏电站', '千瓦', 100, 300],
  ['中药材种植基地', '连翘、丹参种植基地', '亩', 60, 400],
];

interface ProjectKind {
  category: Project['category'];
  name: (village: string) => string;
  task: (rng: Rng, name: string) => string;
  subsidy: string;
  target: (rng: Rng) => string;
  mechanism: string;
  amount: readonly [number, number];
  unit: 'township' | 'jtj' | 'slj' | 'jyj';
}

// Kinds of projects a county's poverty-alleviation library really holds, with their usual wording.
const KINDS: ProjectKind[] = [
  {
    category: '基础设施',
    name: (v) => `${v}通组道路硬化项目`,
    task: (r) => `硬化道路${r.int(8, 35) / 10}公里，路面宽${r.pick(['3.5', '4', '4.5'])}米`,
    subsidy: '按每公里60万元标准补助',
    target: (r) => `解决${r.int(80, 400)}名群众出行难问题`,
    mechanism: '改善出行条件，降低农产品运输成本，带动贫困户增收',
    amount: [400_000, 2_200_000],
    unit: 'jtj',
  },
  {
    category: '基础设施',
    name: (v) => `${v}安全饮水巩固提升工程`,
    task: (r) => `新打机井${r.int(1, 2)}眼，铺设管网${r.int(3, 12)}公里`,
    subsidy: '据实补助',
    target: (r) => `解决${r.int(120, 800)}人饮水安全问题，自来水普及率达到100%`,
    mechanism: '保障贫困群众饮水安全，巩固“两不愁三保障”成果',
    amount: [300_000, 1_500_000],
    unit: 'slj',
  },
  {
    category: '产业发展',
    name: (v) => `${v}${INDUSTRIES[v.length % INDUSTRIES.length]?.[0]}建设项目`,
    task: (r, name) => {
      const [, facility, unit, min, max] =
        INDUSTRIES.find(([label]) => name.includes(label)) ?? (INDUSTRIES[0] as (typeof INDUSTRIES)[number]);
      return `新建${facility}${r.int(min, max)}${unit}`;
    },
    subsidy: '按项目类型定额补助',
    target: (r) => `带动${r.int(15, 60)}户贫困户户均年增收${r.int(15, 40)}00元以上`,
    mechanism: '资产收益归村集体所有，收益优先用于带动贫困户务工和分红',
    amount: [500_000, 3_000_000],
    unit: 'township',
  },
  {
    category: '公共服务',
    name: (v) => `${v}小学改薄项目`,
    task: (r) => `改造校舍${r.int(300, 1200)}平方米，购置课桌椅${r.int(40, 200)}套`,
    subsidy: '按省定标准补助',
    target: (r) => `改善${r.int(60, 300)}名学生就学条件`,
    mechanism: '保障贫困家庭子女接受义务教育，阻断贫困代际传递',
    amount: [200_000, 900_000],
    unit: 'jyj',
  },
  {
    category: '就业扶贫',
    name: (v) => `${v}扶贫车间建设项目`,
    task: (r) => `建设标准化厂房${r.int(600, 2000)}平方米`,
    subsidy: '按每平方米800元补助',
    target: (r) => `吸纳${r.int(20, 80)}名群众就近就业，其中贫困劳动力不少于${r.int(8, 20)}人`,
    mechanism: '优先安置贫困劳动力务工，租金收益用于村级公益岗位',
    amount: [600_000, 1_800_000],
    unit: 'township',
  },
  {
    category: '危房改造',
    name: (v) => `${v}农村危房改造项目`,
    task: (r) => `改造C、D级危房${r.int(3, 15)}户`,
    subsidy: '按每户2万元标准补助',
    target: (r) => `保障${r.int(3, 15)}户贫困户住房安全`,
    mechanism: '实现贫困户住房安全有保障',
    amount: [60_000, 300_000],
    unit: 'township',
  },
];

const SOURCES = [
  '中央财政专项扶贫资金',
  '省级财政专项扶贫资金',
  '市级财政专项扶贫资金',
  '区级财政专项扶贫资金',
  '统筹整合涉农资金',
];

/** The district's project library: one or two projects per village, each with every element a notice lists. */
export function buildProjects(district: District, rng: Rng): Project[] {
  const projects: Project[] = [];
  const villages = district.bodies.filter((b) => b.level === 'village');
  for (const village of villages) {
    const township = district.bodies.find((b) => b.id === village.parentId);
    const kinds = rng.shuffle(KINDS).slice(0, rng.int(1, 2));
    for (const kind of kinds) {
      const r = rng.derive(village.id, kind.category, kind.name(''));
      const owner = kind.unit === 'township' ? village.id : kind.unit;
      const beneficiaries = r.int(30, 400);
      projects.push({
        id: `prj-${projects.length + 1}`,
        name: kind.name(village.shortName),
        category: kind.category,
        nature: r.weighted([
          ['新建', 6],
          ['续建', 1],
          ['改建', 2],
        ]),
        village: village.shortName,
        township: township?.shortName ?? '',
        ownerBodyId: owner,
        amount: Math.round(r.int(kind.amount[0], kind.amount[1]) / 1000) * 1000,
        fundSource: r.pick(SOURCES),
        task: kind.task(r, kind.name(village.shortName)),
        subsidyStandard: kind.subsidy,
        startMonth: r.int(3, 8),
        months: r.int(2, 6),
        unit: kind.unit === 'township' ? `${township?.shortName ?? ''}人民政府` : unitName(kind.unit),
        manager: personName(r),
        beneficiaries,
        poorBeneficiaries: Math.max(3, Math.round((beneficiaries * r.int(10, 35)) / 100)),
        target: kind.target(r),
        mechanism: kind.mechanism,
      });
    }
  }
  return projects;
}

function unitName(unit: 'jtj' | 'slj' | 'jyj'): string {
  return { jtj: '区交通运输局', slj: '区水利局', jyj: '区教育局' }[unit];
}

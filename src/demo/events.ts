import {
  type Catalog,
  type IsoDate,
  type ItemId,
  isoDate,
  subjectCovers,
  type WorkingCalendar,
} from '../catalog/index.js';
import type { District } from './district.js';
import type { DemoBody, DemoEvent, EventPayload, Project } from './model.js';
import { household } from './people.js';
import type { Rng } from './random.js';
import { isDecree } from './text/policy-text.js';

interface Context {
  district: District;
  catalog: Catalog;
  calendar: WorkingCalendar;
  year: number;
  projects: Project[];
  rng: Rng;
}

/** A working day in the given month, drawn at random. */
export function workdayIn(
  ctx: Pick<Context, 'calendar' | 'year'>,
  rng: Rng,
  month: number,
  firstDay = 1,
  lastDay = 28,
): IsoDate {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const date = isoDate(ctx.year, month, rng.int(firstDay, lastDay));
    if (ctx.calendar.isWorkingDay(date)) return date;
  }
  return isoDate(ctx.year, month, lastDay);
}

/** Bodies the catalog row names as its 公开主体. */
export function bodiesFor(ctx: Pick<Context, 'catalog' | 'district'>, item: ItemId, row = 'a'): DemoBody[] {
  const catalogRow = ctx.catalog.items.find((i) => i.id === item)?.rows.find((r) => r.id === row);
  const subjects = ctx.catalog.subjects.filter((s) => catalogRow?.subjects.includes(s.name));
  return ctx.district.bodies.filter((b) =>
    subjects.some((s) => subjectCovers(s, { level: b.level, role: b.role })),
  );
}

const byLevel = (ctx: Context, level: DemoBody['level']) =>
  ctx.district.bodies.filter((b) => b.level === level);

function event(
  id: string,
  item: ItemId,
  body: DemoBody,
  formed: IsoDate,
  title: string,
  payload: EventPayload,
  extra: Partial<DemoEvent> = {},
): DemoEvent {
  return { id, item, row: 'a', bodyId: body.id, formed, title, record: true, payload, ...extra };
}

const FPB_POLICIES = [
  {
    item: 'policy.regulations',
    title: '河南省农村扶贫开发条例',
    issuer: '河南省人民代表大会常务委员会',
    level: 'province',
    topic: '扶贫开发',
    month: 3,
  },
  // A 规章 is a government's, promulgated by 令 (a department's 办法 would be a 规范性文件).
  {
    item: 'policy.regulations',
    title: '河南省财政专项扶贫资金管理办法',
    issuer: '河南省人民政府',
    level: 'province',
    topic: '资金管理',
    month: 7,
    docNo: '河南省人民政府令第196号',
  },
  {
    item: 'policy.normative',
    title: '示范区扶贫资金项目公告公示实施细则',
    issuer: '三门峡市城乡一体化示范区扶贫开发办公室',
    level: 'district',
    topic: '公告公示',
    month: 4,
    docNo: '三示范扶贫〔{y}〕12号',
  },
  {
    item: 'policy.normative',
    title: '示范区扶贫小额信贷风险补偿金管理办法',
    issuer: '三门峡市城乡一体化示范区扶贫开发办公室',
    level: 'district',
    topic: '小额信贷',
    month: 5,
    docNo: '三示范扶贫〔{y}〕18号',
  },
  {
    item: 'policy.normative',
    title: '示范区贫困人口动态管理办法',
    issuer: '三门峡市城乡一体化示范区扶贫开发办公室',
    level: 'district',
    topic: '动态管理',
    month: 6,
    docNo: '三示范扶贫〔{y}〕23号',
  },
  {
    item: 'policy.normative',
    title: '示范区扶贫项目资产后续管理办法（试行）',
    issuer: '三门峡市城乡一体化示范区扶贫开发办公室',
    level: 'district',
    topic: '资产管理',
    month: 9,
    docNo: '三示范扶贫〔{y}〕31号',
  },
  {
    item: 'policy.other',
    title: '示范区年度脱贫攻坚工作要点',
    issuer: '三门峡市城乡一体化示范区脱贫攻坚领导小组',
    level: 'district',
    topic: '工作要点',
    month: 2,
    docNo: '三示范脱贫〔{y}〕2号',
  },
  {
    item: 'policy.other',
    title: '示范区消费扶贫行动实施方案',
    issuer: '三门峡市城乡一体化示范区扶贫开发办公室',
    level: 'district',
    topic: '消费扶贫',
    month: 5,
    docNo: '三示范扶贫〔{y}〕16号',
  },
  {
    item: 'policy.other',
    title: '示范区脱贫攻坚挂牌督战工作方案',
    issuer: '三门峡市城乡一体化示范区脱贫攻坚领导小组',
    level: 'district',
    topic: '挂牌督战',
    month: 3,
    docNo: '三示范脱贫〔{y}〕5号',
  },
] as const;

function policyEvents(ctx: Context): DemoEvent[] {
  const fpb = byLevel(ctx, 'county')[0] as DemoBody;
  const events = FPB_POLICIES.map((p, i) => {
    const r = ctx.rng.derive('policy', i);
    const docNo = 'docNo' in p ? p.docNo.replace('{y}', String(ctx.year)) : undefined;
    const needsInterpretation = p.level === 'district' && p.item === 'policy.normative';
    return event(
      `policy-${i + 1}`,
      p.item,
      fpb,
      workdayIn(ctx, r, p.month),
      isDecree(docNo) ? p.title : `关于印发《${p.title}》的通知`,
      {
        kind: 'policy',
        docTitle: p.title,
        issuer: p.issuer,
        ...(docNo ? { docNo } : {}),
        level: p.level,
        topic: p.topic,
        needsInterpretation,
      },
      docNo ? { refNo: docNo } : {},
    );
  });
  for (const [i, township] of byLevel(ctx, 'township').entries()) {
    const r = ctx.rng.derive('policy-township', township.id);
    const prefix = township.shortName.slice(0, 1);
    const docNo = `${prefix}政〔${ctx.year}〕${r.int(8, 40)}号`;
    const title = r.pick(['精准扶贫户档案管理办法', '扶贫公益岗位管理办法', '村级扶贫项目管理办法']);
    events.push(
      event(
        `policy-t${i + 1}`,
        'policy.normative',
        township,
        workdayIn(ctx, r, r.int(3, 9)),
        `关于印发《${township.shortName}${title}》的通知`,
        {
          kind: 'policy',
          docTitle: `${township.shortName}${title}`,
          issuer: township.name,
          docNo,
          level: 'township',
          topic: title,
          needsInterpretation: false,
        },
        { refNo: docNo },
      ),
    );
  }
  return events;
}

function householdEvents(ctx: Context): DemoEvent[] {
  return byLevel(ctx, 'village').flatMap((village) => {
    const make = (phase: 'identification' | 'exit', month: number, count: [number, number]) => {
      const r = ctx.rng.derive(phase, village.id);
      const households = Array.from({ length: r.int(...count) }, (_, k) =>
        household(r.derive(k), village.shortName),
      );
      const batch =
        phase === 'identification' ? `${ctx.year}年动态调整新识别贫困户` : `${ctx.year}年拟退出贫困户`;
      return event(
        `${phase}-${village.id}`,
        phase === 'identification' ? 'target.identification' : 'target.exit',
        village,
        workdayIn(ctx, r, month),
        `${village.shortName}${batch}`,
        {
          kind: 'households',
          village: village.shortName,
          households,
          batch,
          phase,
        },
      );
    };
    return [
      make('identification', ctx.rng.derive('id-month', village.id).int(5, 8), [1, 4]),
      make('exit', ctx.rng.derive('exit-month', village.id).int(9, 11), [3, 10]),
    ];
  });
}

const FUND_SOURCES = ['中央', '省级', '市级', '区级'] as const;

function allocationEvents(ctx: Context): DemoEvent[] {
  const [fpb, czb] = [
    ctx.district.bodies.find((b) => b.id === 'fpb'),
    ctx.district.bodies.find((b) => b.id === 'czb'),
  ] as [DemoBody, DemoBody];
  const months = [1, 3, 4, 5, 6, 8, 9, 11];
  return months.map((month, i) => {
    const r = ctx.rng.derive('allocation', i);
    const issuer = i % 2 === 0 ? czb : fpb;
    const source = FUND_SOURCES[i % 4] as string;
    const batch = ['第一批', '第二批', '第三批', '第四批'][Math.floor(i / 2)] as string;
    const lines = r
      .shuffle(ctx.projects)
      .slice(0, r.int(3, 7))
      .map((p) => ({
        unit: p.unit,
        project: p.name,
        amount: p.amount,
        purpose: `用于${p.task.replace(/，.*/, '')}`,
      }));
    const total = lines.reduce((s, l) => s + l.amount, 0);
    const fundName = `${ctx.year}年${batch}${source}财政专项扶贫资金`;
    const refNo =
      issuer.id === 'czb'
        ? `三示范财〔${ctx.year}〕${r.int(10, 90)}号`
        : `三示范扶贫〔${ctx.year}〕${r.int(40, 90)}号`;
    return event(
      `alloc-${i + 1}`,
      'funds.allocation',
      issuer,
      workdayIn(ctx, r, month),
      `${fundName}分配`,
      {
        kind: 'allocation',
        fundName,
        source: `${source}财政专项扶贫资金`,
        total,
        lines,
        principle: r.pick([
          '因素法分配与项目法分配相结合',
          '按照“资金跟着项目走”的原则',
          '向深度贫困村和贫困人口多的村倾斜',
        ]),
        phone: `0398-28${r.int(10000, 99999)}`,
      },
      { refNo, amount: total },
    );
  });
}

function loanEvents(ctx: Context): DemoEvent[] {
  const date = `${ctx.year}-11-30`;
  return bodiesFor(ctx, 'funds.loans').map((body) => {
    const r = ctx.rng.derive('loans', body.id);
    const count = body.level === 'village' ? r.int(2, 6) : r.int(6, 14);
    const borrowers = Array.from({ length: count }, (_, k) => ({
      household: household(
        r.derive(k),
        body.level === 'village' ? body.shortName : r.pick(['西村', '东村', '王庄村', '石门村']),
      ),
      amount: r.pick([10_000, 20_000, 30_000, 50_000]),
      months: r.pick([12, 24, 36]),
      rate: r.pick(['3.85%', '4.35%', '4.75%']),
      purpose: r.pick(['发展养殖', '发展种植', '购买农机', '发展乡村旅游']),
      bank: r.pick(['三门峡农商银行', '中国邮政储蓄银行', '中国农业银行']),
    }));
    const enterprises =
      body.level === 'village'
        ? []
        : Array.from({ length: r.int(1, 3) }, () => ({
            name: `${r.pick(['三门峡', '示范区'])}${r.pick(['金果', '丰源', '绿康', '惠农'])}${r.pick(['种植专业合作社', '农业开发有限公司', '食用菌专业合作社'])}`,
            amount: r.int(30, 200) * 10_000,
            months: 12,
            subsidy: r.int(8, 60) * 1000,
            mechanism: `带动${r.int(10, 40)}户贫困户务工或入股分红`,
          }));
    return event(
      `loans-${body.id}`,
      'funds.loans',
      body,
      date,
      `${body.shortName}${ctx.year}年度扶贫小额信贷及贴息贷款情况`,
      {
        kind: 'loans',
        year: ctx.year,
        scope: body.shortName,
        borrowers,
        enterprises,
      },
      { record: false, note: '标准目录规定每年底前集中公布1次当年情况' },
    );
  });
}

function sectorEvents(ctx: Context): DemoEvent[] {
  return bodiesFor(ctx, 'funds.sector').flatMap((dept) => {
    const own = ctx.projects.filter((p) => p.ownerBodyId === dept.id).slice(0, 3);
    return own.map((project, i) => {
      const r = ctx.rng.derive('sector', dept.id, i);
      return event(
        `sector-${dept.id}-${i + 1}`,
        'funds.sector',
        dept,
        workdayIn(ctx, r, r.int(3, 9)),
        `${project.name}资金安排`,
        {
          kind: 'projects',
          scope: dept.shortName,
          projects: [project],
        },
        { amount: project.amount },
      );
    });
  });
}

function projectListEvents(
  ctx: Context,
  item: ItemId,
  month: readonly [number, number],
  label: string,
  row = 'a',
): DemoEvent[] {
  return bodiesFor(ctx, item, row)
    .filter((b) => b.level !== 'department' || b.role === 'poverty_office')
    .map((body) => {
      const r = ctx.rng.derive(item, row, body.id);
      const scoped = ctx.projects.filter(
        (p) => body.level === 'county' || p.township === body.shortName || p.village === body.shortName,
      );
      const projects = scoped.length > 0 ? scoped : ctx.projects.slice(0, 3);
      const scope = body.level === 'county' ? '示范区' : body.shortName;
      return event(
        `${item}-${row}-${body.id}`,
        item,
        body,
        workdayIn(ctx, r, r.int(month[0], month[1])),
        `${scope}${ctx.year}年${label}`,
        {
          kind: 'projects',
          scope,
          projects,
          ...(row === 'b' ? { approvedBy: '三门峡市城乡一体化示范区脱贫攻坚工作指挥部' } : {}),
        },
        { row, amount: projects.reduce((s, p) => s + p.amount, 0) },
      );
    });
}

function implementationEvents(ctx: Context): DemoEvent[] {
  return ctx.projects.flatMap((project) => {
    const village = ctx.district.bodies.find(
      (b) => b.level === 'village' && b.shortName === project.village,
    ) as DemoBody;
    const r = ctx.rng.derive('implementation', project.id);
    const start = workdayIn(ctx, r, project.startMonth);
    const before = event(
      `impl-before-${project.id}`,
      'projects.implementation',
      village,
      start,
      `${project.name}实施前公示`,
      {
        kind: 'projects',
        scope: village.shortName,
        projects: [project],
        phase: 'before',
      },
      { amount: project.amount },
    );
    const endMonth = project.startMonth + project.months;
    if (endMonth > 11) return [before];
    const after = event(
      `impl-after-${project.id}`,
      'projects.implementation',
      village,
      workdayIn(ctx, r, endMonth),
      `${project.name}竣工验收公告`,
      {
        kind: 'projects',
        scope: village.shortName,
        projects: [project],
        phase: 'after',
      },
      { amount: project.amount },
    );
    return [before, after];
  });
}

// What people report, with the findings that fit each report.
const COMPLAINTS: readonly (readonly [string, readonly string[]])[] = [
  [
    '反映某村贫困户识别不精准',
    ['经核查，反映问题部分属实，已对该户重新评议并公示', '经核查，反映问题不属实，已向举报人反馈'],
  ],
  [
    '反映扶贫项目工程质量问题',
    ['经核查属实，已责令施工单位返工整改', '经核查，工程质量符合设计要求，已向举报人反馈'],
  ],
  [
    '反映小额信贷贴息未按时发放',
    ['经核查属实，贴息资金已于当月补发到户', '经核查，贴息按季度发放，已向举报人解释'],
  ],
  [
    '反映公益岗位人员不在岗',
    ['经核查属实，已解除该人员公益岗位聘用并追回相应补贴', '经核查，该人员请假有据，已向举报人反馈'],
  ],
  [
    '反映村干部优亲厚友违规享受扶贫政策',
    [
      '经核查属实，已取消不符合条件人员的享受资格，并对相关村干部进行诫勉谈话',
      '经核查，反映问题不属实，已向举报人反馈',
    ],
  ],
];

function oversightEvents(ctx: Context): DemoEvent[] {
  const hotlines = bodiesFor(ctx, 'oversight.reporting').map((body) => {
    const r = ctx.rng.derive('hotline', body.id);
    return event(
      `hotline-${body.id}`,
      'oversight.reporting',
      body,
      workdayIn(ctx, r, 1, 6, 20),
      `${body.shortName}扶贫领域监督举报电话公告`,
      {
        kind: 'hotline',
        unit: body.name,
        phone: `0398-28${r.int(10000, 99999)}`,
        address: `${body.shortName}${r.pick(['便民服务中心', '政府院内', '党群服务中心'])}`,
      },
      { record: false, note: '监督举报电话应长期公开' },
    );
  });
  const fpb = ctx.district.bodies.find((b) => b.id === 'fpb') as DemoBody;
  const complaints = [6, 10].map((month, i) => {
    const r = ctx.rng.derive('complaints', i);
    const cases = Array.from({ length: r.int(2, 4) }, () => {
      const [summary, results] = r.pick(COMPLAINTS);
      return { received: workdayIn(ctx, r, month - 1), summary, result: r.pick(results) };
    });
    return event(
      `complaints-${i + 1}`,
      'oversight.reporting',
      fpb,
      workdayIn(ctx, r, month),
      `扶贫领域信访举报受理办理情况公告（${ctx.year}年第${i + 1}期）`,
      { kind: 'complaints', cases },
    );
  });
  return [...hotlines, ...complaints];
}

/** Plans every event of the year under every catalog item, in date order. */
export function planEvents(ctx: Context): DemoEvent[] {
  const events = [
    ...policyEvents(ctx),
    ...householdEvents(ctx),
    ...allocationEvents(ctx),
    ...loanEvents(ctx),
    ...sectorEvents(ctx),
    ...projectListEvents(ctx, 'projects.library', [2, 3], '脱贫攻坚项目库入库项目'),
    ...projectListEvents(ctx, 'projects.annual-plan', [4, 5], '扶贫资金项目计划'),
    ...projectListEvents(ctx, 'projects.annual-plan', [5, 6], '上级下达扶贫资金项目计划批复', 'b'),
    ...projectListEvents(ctx, 'projects.annual-completion', [12, 12], '扶贫资金项目计划完成情况'),
    ...implementationEvents(ctx),
    ...oversightEvents(ctx),
  ];
  return events.sort((a, b) =>
    a.formed === b.formed ? a.id.localeCompare(b.id) : a.formed < b.formed ? -1 : 1,
  );
}

import type { DemoBody, DemoColumn, DemoSite, PublishingProfile } from './model.js';
import type { Rng } from './random.js';

/** The simulated district: its bodies and the sites they publish on. */
export interface District {
  name: string;
  shortName: string;
  bodies: DemoBody[];
  sites: DemoSite[];
}

const CAREFUL: PublishingProfile = {
  onTime: 9,
  late: 1,
  never: 0.2,
  lateWorkdays: [1, 4],
  omitElements: 0.05,
  shortNotice: 0.03,
  exposePersonalData: 0,
  removeEarly: 0.02,
  removeLater: 0.03,
  edit: 0.08,
  backdate: 0.03,
  skipInterpretation: 0.15,
  skipBoard: 0.03,
};

/** Named variations on the careful profile, so each body's scorecard tells a different story. */
const PROFILES: Record<string, Partial<PublishingProfile>> = {
  careful: {},
  slow: { onTime: 5, late: 4, never: 0.6, lateWorkdays: [2, 15] },
  sloppy: { onTime: 6, late: 2, never: 1, omitElements: 0.4, shortNotice: 0.3, skipBoard: 0.15 },
  careless: { onTime: 6, late: 2, never: 0.5, exposePersonalData: 0.5, omitElements: 0.2 },
  absent: { onTime: 3, late: 2, never: 5, lateWorkdays: [3, 25] },
  hasty: { onTime: 7, late: 2, never: 0.3, removeEarly: 0.35, backdate: 0.12, edit: 0.2, skipBoard: 0.3 },
};

function profile(name: keyof typeof PROFILES): PublishingProfile {
  return { ...CAREFUL, ...PROFILES[name] };
}

interface TownshipPlan {
  id: string;
  name: string;
  short: string;
  site: { kind: DemoSite['kind']; charset: DemoSite['charset'] } | null;
  feed?: 'rss' | 'atom';
  profile: keyof typeof PROFILES;
  villages: string[];
}

// Six townships, each with its own CMS, so the crawler meets every common layout.
const TOWNSHIPS: TownshipPlan[] = [
  {
    id: 't-chengcun',
    name: '城村镇人民政府',
    short: '城村镇',
    site: { kind: 'hanweb', charset: 'gbk' },
    profile: 'careful',
    villages: ['西村', '东村', '南沟村', '北岭村', '上河村'],
  },
  {
    id: 't-liuhe',
    name: '柳河镇人民政府',
    short: '柳河镇',
    site: { kind: 'gkmlpt', charset: 'utf-8' },
    profile: 'slow',
    villages: ['王庄村', '柏树村', '杨湾村', '槐树岭村', '河口村'],
  },
  {
    id: 't-dongpo',
    name: '东坡乡人民政府',
    short: '东坡乡',
    site: { kind: 'plain', charset: 'utf-8' },
    profile: 'sloppy',
    villages: ['李家坡村', '石门村', '后沟村', '前营村', '白杨村'],
  },
  {
    id: 't-taoyuan',
    name: '桃园镇人民政府',
    short: '桃园镇',
    site: { kind: 'trs', charset: 'utf-8' },
    profile: 'careless',
    villages: ['桃园村', '枣林村', '高庄村', '新店村', '马岭村'],
  },
  {
    id: 't-shiqiao',
    name: '石桥乡人民政府',
    short: '石桥乡',
    site: null,
    feed: 'rss',
    profile: 'absent',
    villages: ['石桥村', '坪头村', '寺沟村', '黄土坡村', '龙泉村'],
  },
  {
    id: 't-hexi',
    name: '河西街道办事处',
    short: '河西街道',
    site: { kind: 'boda', charset: 'utf-8' },
    feed: 'atom',
    profile: 'hasty',
    villages: ['河西社区', '滨河社区', '沙坡村', '五里村', '郭家村'],
  },
];

const VILLAGE_PROFILES: (keyof typeof PROFILES)[] = [
  'careful',
  'careful',
  'slow',
  'sloppy',
  'careless',
  'hasty',
];

const PINYIN: Record<string, string> = {
  西村: 'xicun',
  东村: 'dongcun',
  南沟村: 'nangou',
  北岭村: 'beiling',
  上河村: 'shanghe',
  王庄村: 'wangzhuang',
  柏树村: 'baishu',
  杨湾村: 'yangwan',
  槐树岭村: 'huaishuling',
  河口村: 'hekou',
  李家坡村: 'lijiapo',
  石门村: 'shimen',
  后沟村: 'hougou',
  前营村: 'qianying',
  白杨村: 'baiyang',
  桃园村: 'taoyuancun',
  枣林村: 'zaolin',
  高庄村: 'gaozhuang',
  新店村: 'xindian',
  马岭村: 'maling',
  石桥村: 'shiqiaocun',
  坪头村: 'pingtou',
  寺沟村: 'sigou',
  黄土坡村: 'huangtupo',
  龙泉村: 'longquan',
  河西社区: 'hexishequ',
  滨河社区: 'binhe',
  沙坡村: 'shapo',
  五里村: 'wuli',
  郭家村: 'guojia',
};

function column(siteId: string, id: string, name: string, code: number, path: string): DemoColumn {
  return { id: `${siteId}/${id}`, siteId, name, code, path };
}

function portal(): DemoSite {
  const c = (id: string, name: string, code: number, path: string) => column('portal', id, name, code, path);
  return {
    id: 'portal',
    kind: 'trs',
    name: '三门峡市城乡一体化示范区',
    prefix: '/',
    charset: 'utf-8',
    columns: [
      c('fpzl-zcwj', '政策文件', 101, '/fpzl/zcwj/'),
      c('fpzl-zcjd', '政策解读', 102, '/fpzl/zcjd/'),
      c('fpzl-zjxm', '资金项目公告', 103, '/fpzl/zjxm/'),
      c('fpzl-jdgl', '监督管理', 104, '/fpzl/jdgl/'),
      c('fpzl-gzdt', '工作动态', 105, '/fpzl/gzdt/'),
      c('czj-zjgs', '资金公告公示', 201, '/czj/zjgs/'),
      c('czj-gzdt', '财政动态', 202, '/czj/gzdt/'),
      c('jtj-xxgk', '信息公开', 301, '/bm/jtj/xxgk/'),
      c('slj-xxgk', '信息公开', 302, '/bm/slj/xxgk/'),
      c('jyj-xxgk', '信息公开', 303, '/bm/jyj/xxgk/'),
      c('xwzx-tzgg', '通知公告', 401, '/xwzx/tzgg/'),
    ],
  };
}

// Where a column lives under each CMS: Hanweb col<code>, TRS and 博达 folders, gkmlpt and plain lists by code.
const COLUMN_PATH: Record<string, (slug: string, id: string, code: number) => string> = {
  hanweb: (slug, _id, code) => `/${slug}/col/col${code}/`,
  trs: (slug, id) => `/${slug}/${id}/`,
  gkmlpt: (slug, _id, code) => `/${slug}/gkmlpt/api/all/${code}`,
  plain: (slug, _id, code) => `/${slug}/News.aspx?ClassID=${code}`,
  boda: (slug, id) => `/${slug}/xxgk/${id}`,
};

const TOWNSHIP_COLUMNS = [
  ['zcwj', '政策文件'],
  ['gsgg', '公示公告'],
  ['cwgk', '村务公开'],
  ['gzdt', '工作动态'],
] as const;

function townshipSite(plan: TownshipPlan, index: number): DemoSite | undefined {
  if (!plan.site) return undefined;
  const slug = plan.id.slice(2);
  const pathOf = COLUMN_PATH[plan.site.kind];
  if (!pathOf) throw new Error(`no column layout for ${plan.site.kind}`);
  return {
    id: slug,
    kind: plan.site.kind,
    name: `${plan.short}人民政府网`,
    prefix: `/${slug}/`,
    charset: plan.site.charset,
    columns: TOWNSHIP_COLUMNS.map(([id, name], k) => {
      const code = 10 + index * 10 + k + 1;
      return column(slug, id, name, code, pathOf(slug, id, code));
    }),
  };
}

function feedSite(plan: TownshipPlan): DemoSite | undefined {
  if (!plan.feed) return undefined;
  const slug = `${plan.id.slice(2)}-wx`;
  return {
    id: slug,
    kind: plan.feed,
    name: `${plan.short}发布`,
    prefix: `/feeds/${plan.id.slice(2)}.${plan.feed === 'rss' ? 'xml' : 'atom'}`,
    charset: 'utf-8',
    columns: [column(slug, 'all', `${plan.short}发布`, 1, `/feeds/${plan.id.slice(2)}`)],
  };
}

/** Builds the district: 扶贫办, 财政局, three sector departments, six townships, thirty villages. */
export function buildDistrict(rng: Rng): District {
  const county: DemoBody[] = [
    {
      id: 'fpb',
      name: '三门峡市城乡一体化示范区扶贫开发办公室',
      shortName: '区扶贫办',
      level: 'county',
      role: 'poverty_office',
      aliases: ['示范区扶贫开发办公室', '区扶贫办', '示范区扶贫办', '扶贫办'],
      siteId: 'portal',
      profile: profile('careful'),
    },
    {
      id: 'czb',
      name: '三门峡市城乡一体化示范区财政局',
      shortName: '区财政局',
      level: 'department',
      role: 'finance',
      aliases: ['示范区财政局', '区财政局'],
      siteId: 'portal',
      profile: profile('slow'),
    },
    {
      id: 'jtj',
      name: '三门峡市城乡一体化示范区交通运输局',
      shortName: '区交通运输局',
      level: 'department',
      role: 'sector',
      aliases: ['示范区交通运输局', '区交通局'],
      siteId: 'portal',
      profile: profile('careful'),
    },
    {
      id: 'slj',
      name: '三门峡市城乡一体化示范区水利局',
      shortName: '区水利局',
      level: 'department',
      role: 'sector',
      aliases: ['示范区水利局', '区水利局'],
      siteId: 'portal',
      profile: profile('absent'),
    },
    {
      id: 'jyj',
      name: '三门峡市城乡一体化示范区教育局',
      shortName: '区教育局',
      level: 'department',
      role: 'sector',
      aliases: ['示范区教育局', '区教育局'],
      siteId: 'portal',
      profile: profile('sloppy'),
    },
  ];
  const sites: DemoSite[] = [portal()];
  const bodies = [...county];
  TOWNSHIPS.forEach((plan, index) => {
    const site = townshipSite(plan, index);
    const feed = feedSite(plan);
    if (site) sites.push(site);
    if (feed) sites.push(feed);
    bodies.push({
      id: plan.id,
      name: plan.name,
      shortName: plan.short,
      level: 'township',
      aliases: [plan.short, `${plan.short}政府`],
      ...(site ? { siteId: site.id } : {}),
      ...(feed ? { feedSiteId: feed.id } : {}),
      profile: profile(plan.profile),
    });
    for (const village of plan.villages) {
      const committee = village.endsWith('社区') ? '居民委员会' : '村民委员会';
      bodies.push({
        id: `v-${PINYIN[village] ?? village}`,
        name: `${plan.short}${village}${committee}`,
        shortName: village,
        level: 'village',
        parentId: plan.id,
        aliases: [
          `${village}${committee === '村民委员会' ? '村委会' : '居委会'}`,
          village,
          `${plan.short}${village}`,
        ],
        profile: profile(rng.pick(VILLAGE_PROFILES)),
      });
    }
  });
  return { name: '三门峡市城乡一体化示范区', shortName: '示范区', bodies, sites };
}

/** Finds a body by id, failing loudly on a generator bug. */
export function bodyById(district: District, id: string): DemoBody {
  const body = district.bodies.find((b) => b.id === id);
  if (!body) throw new Error(`no demo body ${id}`);
  return body;
}

/** The site a body's website posts appear on: its own, or its township's for a village. */
export function websiteOf(district: District, body: DemoBody): DemoSite | undefined {
  const owner = body.level === 'village' && body.parentId ? bodyById(district, body.parentId) : body;
  return owner.siteId ? district.sites.find((s) => s.id === owner.siteId) : undefined;
}

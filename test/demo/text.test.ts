import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  ITEM_IDS,
  type ItemId,
  loadCalendar,
  loadCatalog,
} from '../../src/catalog/index.js';
import { buildDistrict } from '../../src/demo/district.js';
import { elementKeys } from '../../src/demo/elements.js';
import { planEvents } from '../../src/demo/events.js';
import type { DemoEvent, Project } from '../../src/demo/model.js';
import { buildProjects } from '../../src/demo/projects.js';
import { createRng } from '../../src/demo/random.js';
import {
  COMPOSERS,
  type ComposedPost,
  type ComposeInput,
  composeDistractor,
  composeInterpretation,
  DISTRACTOR_TOPICS,
  type Exposure,
  OMITTABLE,
} from '../../src/demo/text/index.js';

const { catalog } = loadCatalog('shifanqu-2020', {
  dir: path.resolve(import.meta.dirname, '../../data/catalog'),
});
const world = createRng(2020);
const district = buildDistrict(world.derive('district'));
const projects = buildProjects(district, world.derive('projects'));
const events = planEvents({
  district,
  catalog,
  calendar: loadCalendar(),
  year: 2020,
  projects,
  rng: world.derive('events'),
});
const body = (e: DemoEvent) =>
  district.bodies.find((b) => b.id === e.bodyId) ?? (district.bodies[0] as never);

/** A compose input as the planner would make it: some omittable keys left out, a notice or not, exposures. */
function anInput(
  event: DemoEvent,
  seed: number,
  options: { full?: boolean; add?: boolean } = {},
): ComposeInput {
  const r = createRng(seed);
  const keys = elementKeys(catalog, event);
  const omittable = OMITTABLE[event.item].filter((k) => keys.includes(k));
  const omitted = options.full ? [] : r.shuffle(omittable).slice(0, r.int(0, Math.min(3, omittable.length)));
  const kept = options.add ? omitted.slice(1) : omitted;
  const days = r.pick([5, 7, 10, 15]);
  const exposure = () => r.pick<Exposure>(['full', 'masked', 'omitted']);
  return {
    rng: createRng(seed * 7919 + 1),
    district,
    body: body(event),
    event,
    publishedAt: event.formed,
    include: new Set(keys.filter((k) => !kept.includes(k))),
    keys,
    notice: r.chance(0.5)
      ? {
          start: event.formed,
          end: addCalendarDays(event.formed, days - 1),
          days,
          unit: r.pick(['calendar', 'workdays'] as const),
        }
      : null,
    idNumbers: exposure(),
    bankCards: exposure(),
    phones: exposure(),
    version: options.add ? 1 : 0,
  };
}

const cells = (rows: string[][]) => rows.map((r) => r.join(' | ')).join('\n');
const bodyText = (post: ComposedPost) =>
  [
    ...post.blocks.map((b) => (b.kind === 'table' ? cells(b.rows) : b.text)),
    ...post.attachments.flatMap((a) => [a.name, cells(a.rows)]),
  ].join('\n');
const fullText = (post: ComposedPost) => `${post.title}\n${bodyText(post)}`;

/** The layout as a reader sees it: attached list, table, numbered parts, headings. */
const layoutOf = (post: ComposedPost) =>
  [
    post.attachments.length > 0 ? 'attachment' : '',
    post.blocks.some((b) => b.kind === 'table') ? 'table' : '',
    post.blocks.some((b) => b.kind !== 'table' && /^(（?[一二三四五六七八九十]+[、）])/.test(b.text))
      ? 'numbered'
      : '',
    post.blocks.some((b) => b.kind === 'h') ? 'heading' : '',
  ].join('+');

// The groups a composer writes differently; each is tested on its own.
const GROUPS: [string, (e: DemoEvent) => boolean, 'item' | 'interpretation'][] = [
  ...ITEM_IDS.filter(
    (i) => !['projects.annual-plan', 'projects.implementation', 'oversight.reporting'].includes(i),
  ).map((i) => [i, (e: DemoEvent) => e.item === i, 'item'] as [string, (e: DemoEvent) => boolean, 'item']),
  ['plan a', (e) => e.item === 'projects.annual-plan' && e.row === 'a', 'item'],
  ['plan b', (e) => e.item === 'projects.annual-plan' && e.row === 'b', 'item'],
  ['implementation before', (e) => e.payload.kind === 'projects' && e.payload.phase === 'before', 'item'],
  ['implementation after', (e) => e.payload.kind === 'projects' && e.payload.phase === 'after', 'item'],
  ['hotline', (e) => e.payload.kind === 'hotline', 'item'],
  ['complaints', (e) => e.payload.kind === 'complaints', 'item'],
  ['interpretation', (e) => e.payload.kind === 'policy' && e.payload.needsInterpretation, 'interpretation'],
];

const compose = (kind: 'item' | 'interpretation', input: ComposeInput) =>
  kind === 'interpretation' ? composeInterpretation(input) : COMPOSERS[input.event.item](input);

// Detectors a district evaluator's eye would use: a label, a characteristic phrase, or the value itself.
type Detector = RegExp | ((text: string, e: DemoEvent) => boolean);
const projectsOf = (e: DemoEvent): Project[] => (e.payload.kind === 'projects' ? e.payload.projects : []);
const value =
  (re: RegExp, pick: (p: Project) => string): Detector =>
  (text, e) =>
    re.test(text) || projectsOf(e).some((p) => text.includes(pick(p)));
const names: Detector = (text, e) =>
  e.payload.kind === 'households' && e.payload.households.some((h) => text.includes(h.name));
const PERIOD = /\d{4}年\d+月(至|—)|\d{4}\.\d+-\d{4}|\d+月开工/;
const PROJECT = {
  项目名称: value(/项目名称/, (p) => p.name),
  实施地点: value(/实施地点|建设地点|项目地点|位于/, (p) => `${p.township}${p.village}`),
  // 按建设内容定额补助 is a subsidy standard, not the works.
  建设任务: value(/建设任务|建设内容(?!定额)/, (p) => p.task),
  绩效目标: value(/绩效目标|预期效益/, (p) => p.target),
  带贫减贫机制: value(/带贫|减贫机制/, (p) => p.mechanism),
};
const DETECTORS: Partial<Record<ItemId, Record<string, Detector>>> = {
  'target.identification': {
    国定标准: /国定|国家(现行)?扶贫标准|2300元/,
    省定标准: /省定/,
    农户申请: /农户.{0,12}申请|自愿申请/,
    民主评议公示公告: /评议/,
    逐级审核: /审核|复核|审定/,
    贫困户名单: names,
    数量: /\d+户\d+人|共\d+户/,
  },
  'target.exit': {
    退出计划: /退出计划|脱贫计划|计划(脱贫)?退出/,
    人均纯收入稳定超过国定标准: /人均纯收入|稳定超过|国定标准|国家扶贫标准/,
    '实现“两不愁、三保障”': /两不愁|三保障|不愁吃|住房安全有保障/,
    民主评议: /评议/,
    村两委和驻村工作队核实: /村两委|村“两委”|驻村工作队|核实|核查/,
    贫困户认可: /认可|签字确认/,
    公示公告: /公示公告|公示无异议|村内公示|(乡镇|乡|镇)(人民政府)?公告/,
    退出销号: /销号|标注脱贫/,
    脱贫名单: names,
  },
  'funds.allocation': {
    资金规模: /资金规模|共计?[\d.]+万?元/,
    资金用途: /资金用途|建设内容|主要用途/,
    使用单位: /使用单位|实施单位/,
    分配原则: /分配原则|因素法|资金跟着项目走|倾斜/,
    监督方式: /12317|监督.{0,4}电话|举报电话/,
  },
  'funds.loans': {
    贷款对象: /贷款对象/,
    用途: /用途/,
    额度: /(?<!贷款)额度|(贷款|借款)金额/,
    期限: /期限|\d+个月|（月）/,
    利率: /利率|\d\.\d+%/,
    '享受扶贫贴息贷款的企业、专业合作社等经营主体的名称': /经营主体名称|有限公司|专业合作社(?!等)/,
    贷款额度: /贷款额度/,
    贴息规模: /贴息(金额|资金|规模)/,
    带贫减贫机制: /带贫|减贫|带动.{0,6}贫困户/,
  },
  'funds.sector': {
    ...PROJECT,
    资金规模: /资金规模|投资|万元|\d{5,}元/,
    实施单位: /实施单位|建设单位|负责实施/,
    监督方式: /12317|监督.{0,4}电话|举报电话|监督方式|接受.{0,4}监督/,
  },
  'projects.library': {
    ...PROJECT,
    项目类别: /项目类[别型]/,
    建设性质: /建设性质/,
    时间进度: value(/时间进度|进度安排/, () => '\u0000'),
    责任单位: /责任单位/,
    资金规模和筹资方式: /资金规模|投资|筹资|万元/,
    受益对象: /受益/,
    群众参与和带贫减贫机制: value(/群众参与|带贫|减贫机制/, (p) => p.mechanism),
    项目库规模: /入库项目\d+个|项目库规模/,
  },
  'projects.annual-plan': {
    ...PROJECT,
    补助标准: /补助标准|按.{0,12}补助|据实补助/,
    资金来源及规模: /资金来源|资金规模|投资|计划投入资金|财政专项扶贫资金|统筹整合|资金（万元）/,
    实施期限: value(/实施期限|建设期限/, () => '\u0000'),
    实施单位及责任人: value(/实施单位|责任人/, (p) => p.manager),
  },
  'projects.annual-completion': {
    项目建设完成: /建设完成|已(全部)?(完工|竣工|建成|完成)|完工率|在建|续建|项目进度/,
    资金使用: /资金使用|拨付|支付|计划资金|计划投资/,
    建设任务: PROJECT.建设任务,
    绩效目标和减贫机制实现: value(/绩效目标|减贫机制|带贫/, (p) => p.target),
  },
  'projects.implementation': {
    项目名称: PROJECT.项目名称,
    资金来源: /资金来源|资金性质|财政专项扶贫资金|统筹整合涉农资金|万元|\d{5,}元/,
    实施期限: (text) => /实施期限|工期/.test(text) || PERIOD.test(text),
    绩效目标: PROJECT.绩效目标,
    实施单位及责任人: value(/实施单位|责任人|负责人|负责实施/, (p) => p.manager),
    受益对象: /受益/,
    带贫减贫机制: PROJECT.带贫减贫机制,
    资金使用: /资金使用|拨付|结余|支付/,
    项目实施结果: /实施结果|已(全部)?(完工|建成|竣工)|实施完毕|已完成/,
    检查验收结果: /验收|检查/,
    绩效目标实现情况: value(/绩效目标|目标已实现/, (p) => p.target),
  },
  'oversight.reporting': {
    公开单位: (text, e) =>
      /公开单位|受理单位/.test(text) || (e.payload.kind === 'hotline' && text.includes(e.payload.unit)),
    单位监督举报电话: (text, e) => e.payload.kind === 'hotline' && text.includes(e.payload.phone),
    '12317监督举报电话': /12317/,
    举报受理办理结果: /办理结果|处理结果|办结|经核查/,
  },
};
// Column and period detectors that read the same way in the library and the plan.
for (const item of ['projects.library', 'projects.annual-plan'] as const) {
  const d = DETECTORS[item] as Record<string, Detector>;
  const key = item === 'projects.library' ? '时间进度' : '实施期限';
  const label = d[key] as (t: string, e: DemoEvent) => boolean;
  d[key] = (text, e) => label(text, e) || PERIOD.test(text);
}

const detect = (detector: Detector, text: string, e: DemoEvent) =>
  typeof detector === 'function' ? detector(text, e) : detector.test(text);
const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);
const sample = (match: (e: DemoEvent) => boolean, n = 12) => {
  const all = events.filter(match);
  return Array.from(
    { length: Math.min(n, all.length) },
    (_, i) => all[Math.floor((i * all.length) / n)] as DemoEvent,
  );
};

describe('COMPOSERS', () => {
  it('has a composer for every catalog item and omittable keys that are real keys', () => {
    expect(Object.keys(COMPOSERS).sort()).toEqual([...ITEM_IDS].sort());
    for (const item of catalog.items) {
      const keys = new Set(item.rows.flatMap((r) => r.elements.flatMap((e) => [e.name, ...e.parts])));
      expect(
        OMITTABLE[item.id].filter((k) => !keys.has(k)),
        item.id,
      ).toEqual([]);
    }
  });

  describe.each(GROUPS)('%s', (_name, match, kind) => {
    const group = sample(match);
    const first =
      group.find((e) => e.payload.kind !== 'policy' || Boolean(e.payload.docNo)) ?? (group[0] as DemoEvent);

    it('writes the same post from the same seed', () => {
      for (const e of group) expect(compose(kind, anInput(e, 5))).toEqual(compose(kind, anInput(e, 5)));
    });

    it('reaches at least six title patterns and three layouts', () => {
      const posts = Array.from({ length: 240 }, (_, s) => compose(kind, anInput(first, s, { full: true })));
      expect(new Set(posts.map((p) => p.title)).size).toBeGreaterThanOrEqual(6);
      expect(new Set(posts.map(layoutOf)).size).toBeGreaterThanOrEqual(3);
    });

    it('states the notice period once when given and no period otherwise', () => {
      for (const e of group) {
        for (const seed of SEEDS) {
          const input = anInput(e, seed);
          const post = compose(kind, input);
          const text = fullText(post);
          expect(text, `${e.id} ${seed}`).not.toMatch(/undefined|NaN|\[object/);
          const marked = post.blocks.filter(
            (b) => b.kind !== 'table' && /公示期(?!间)|公示时间|起公示/.test(b.text),
          );
          expect(marked.length, `${e.id} ${seed}`).toBe(input.notice ? 1 : 0);
          const rest = marked.reduce((t, b) => t.replace((b as { text: string }).text, ''), text);
          expect(rest, `${e.id} ${seed}`).not.toMatch(/公示期(?!间)|公示时间|起公示|\d+个工作日|\d+天/);
        }
      }
    });

    it('counts exactly the unmasked personal numbers it writes, as the exposure allows', () => {
      for (const e of group) {
        for (const seed of SEEDS) {
          const input = anInput(e, seed);
          const post = compose(kind, input);
          expect(post.exposed, `${e.id} ${seed}`).toEqual(scan(bodyText(post)));
          if (input.idNumbers !== 'full') expect(post.exposed.id_number).toBe(0);
          if (input.bankCards !== 'full') expect(post.exposed.bank_card).toBe(0);
          if (input.phones !== 'full') expect(post.exposed.mobile).toBe(0);
        }
      }
    });

    it('keeps its layout, and its title unless the title names the key an edit adds back', () => {
      for (const e of group) {
        for (const seed of SEEDS) {
          const [before, after] = [anInput(e, seed), anInput(e, seed, { add: true })];
          const [a, b] = [compose(kind, before), compose(kind, after)];
          expect(layoutOf(b), `${e.id} ${seed}`).toBe(layoutOf(a));
          const added = [...after.include].find((k) => !before.include.has(k));
          const detector = added === undefined ? undefined : DETECTORS[e.item]?.[added];
          if (a.title !== b.title)
            expect(detector && detect(detector, b.title, e), `${e.id} ${seed}: ${a.title} → ${b.title}`).toBe(
              true,
            );
        }
      }
    });

    if (kind === 'item' && !_name.startsWith('policy')) {
      it('states every included key and no excluded one, not even in the title', () => {
        for (const e of group) {
          const detectors = DETECTORS[e.item] ?? {};
          for (const seed of SEEDS) {
            const input = anInput(e, seed);
            const post = compose(kind, input);
            for (const key of input.keys) {
              const detector = detectors[key];
              // A village's loans list has no enterprise to state (the planner still lists the keys).
              const none =
                e.payload.kind === 'loans' &&
                e.payload.enterprises.length === 0 &&
                !['贷款对象', '用途', '额度', '期限', '利率'].includes(key);
              if (!detector || none) continue;
              const found = detect(detector, input.include.has(key) ? bodyText(post) : fullText(post), e);
              expect(
                found,
                `${e.id} seed ${seed}: ${key} ${input.include.has(key) ? 'missing' : 'stated'}\n${fullText(post)}`,
              ).toBe(input.include.has(key));
            }
          }
        }
      });
    }
  });
});

describe('composePolicy', () => {
  it('writes the document text only when the post includes the document', () => {
    for (const e of sample((x) => x.payload.kind === 'policy')) {
      const input = anInput(e, 3);
      expect(bodyText(COMPOSERS[e.item](input))).toMatch(/第一条|一、总体要求/);
      expect(bodyText(COMPOSERS[e.item]({ ...anInput(e, 3), include: new Set() }))).not.toMatch(
        /第一条|一、总体要求/,
      );
    }
  });
});

describe('composeInterpretation', () => {
  it('explains a document without reproducing its articles', () => {
    for (const e of sample((x) => x.payload.kind === 'policy')) {
      for (const seed of SEEDS)
        expect(fullText(composeInterpretation(anInput(e, seed)))).not.toMatch(
          /第[一二三四五六七八九十]+条　/,
        );
    }
  });
});

const ITEM_PHRASING =
  /分配结果|资金分配(方案|明细)|拟退出|脱贫名单|退出销号|退出计划|新识别|识别结果|贫困户名单|小额信贷.{0,6}(发放|名单)|贴息(金额|资金|规模)|行业扶贫(相关)?(财政)?资金|项目库.{0,6}(公示|公告)|入库项目|项目计划(公告|公示)|计划批复|计划完成情况|实施前公示|实施后公[告示]|竣工验收(公告|公示)|监督举报电话|12317|办理结果|带贫减贫机制|绩效目标|关于印发《|政策解读|第[一二三四五六七八九十]+条/;

describe('composeDistractor', () => {
  it('offers at least twenty topics', () => {
    expect(DISTRACTOR_TOPICS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(DISTRACTOR_TOPICS)(
    'writes %s in the shared vocabulary without any item phrasing or personal number',
    (topic) => {
      const bodies = district.bodies.filter((_, i) => i % 5 === 0);
      for (const [i, b] of bodies.entries()) {
        const input = () => ({ rng: createRng(i + 1), district, body: b, publishedAt: '2020-06-15', topic });
        const post = composeDistractor(input());
        expect(composeDistractor(input())).toEqual(post);
        const text = fullText({ ...post, exposed: { id_number: 0, bank_card: 0, mobile: 0 } });
        expect(text).not.toMatch(ITEM_PHRASING);
        expect(scan(text)).toEqual({ id_number: 0, bank_card: 0, mobile: 0 });
      }
    },
  );

  it('shares the items’ vocabulary across its topics', () => {
    const text = DISTRACTOR_TOPICS.map((topic) =>
      fullText({
        ...composeDistractor({
          rng: createRng(1),
          district,
          body: district.bodies[0] as never,
          publishedAt: '2020-06-15',
          topic,
        }),
        exposed: { id_number: 0, bank_card: 0, mobile: 0 },
      }),
    ).join('\n');
    for (const word of ['扶贫资金', '项目', '公示', '贫困户']) expect(text).toContain(word);
  });
});

// An independent reading of personal numbers: GB 11643 IDs, Luhn cards, mainland mobiles.
function scan(text: string): ComposedPost['exposed'] {
  const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const id = (s: string) =>
    /^\d{17}[\dX]$/.test(s) &&
    '10X98765432'[[...s.slice(0, 17)].reduce((a, d, i) => a + Number(d) * (W[i] as number), 0) % 11] ===
      s[17];
  const luhn = (s: string) =>
    /^\d{16,19}$/.test(s) &&
    [...s]
      .reverse()
      .reduce(
        (a, d, i) => a + (i % 2 ? ([0, 2, 4, 6, 8, 1, 3, 5, 7, 9][Number(d)] as number) : Number(d)),
        0,
      ) %
      10 ===
      0;
  const out = { id_number: 0, bank_card: 0, mobile: 0 };
  for (const [run] of text.matchAll(/(?<![\d*])\d[\dX]*(?![\d*])/g)) {
    if (id(run)) out.id_number += 1;
    else if (luhn(run)) out.bank_card += 1;
    else if (/^1[3-9]\d{9}$/.test(run)) out.mobile += 1;
  }
  return out;
}

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHANNEL_NAMES,
  DataFileError,
  dueDate,
  findItem,
  ITEM_IDS,
  loadCalendar,
  loadCatalog,
  noticeRuleFor,
  subjectCovers,
  summarizeCatalog,
} from '../../src/catalog/index.js';

const DIR = path.resolve(import.meta.dirname, '../../data/catalog');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/catalogs');
const base = loadCatalog('shifanqu-2020', { dir: DIR }).catalog;

// CATALOG-READING.md's table, checked against the seed: id → time rule, subjects, ticked channels, levels.
const SEED: Record<string, [string, string[], string[], string[]]> = {
  'policy.regulations': [
    'workdays(20) from formed',
    ['区级扶贫部门', '乡镇人民政府'],
    ['政府网站', '政务服务中心', '村公示栏'],
    ['县级', '乡、村级'],
  ],
  'policy.normative': [
    'workdays(20) from formed',
    ['区级扶贫部门', '乡镇人民政府'],
    ['政府网站', '政务服务中心', '村公示栏'],
    ['县级', '乡、村级'],
  ],
  'policy.other': [
    'workdays(20) from formed',
    ['区级扶贫部门', '乡镇人民政府'],
    ['政府网站', '政务服务中心', '村公示栏'],
    ['县级', '乡、村级'],
  ],
  'target.identification': ['workdays(20) from formed', ['贫困人口所在行政村'], ['村公示栏'], ['乡、村级']],
  'target.exit': ['workdays(20) from formed', ['贫困退出人口所在行政村'], ['村公示栏'], ['乡、村级']],
  'funds.allocation': ['workdays(15) from issued', ['财政局', '扶贫办'], ['政府网站'], ['县级', '乡、村级']],
  'funds.loans': [
    'annual(by 12-31)',
    ['财政局', '扶贫办', '乡镇人民政府', '村委会'],
    ['村公示栏'],
    ['县级', '乡、村级'],
  ],
  'funds.sector': [
    'workdays(20) from formed',
    ['各行业扶贫财政资金主管部门'],
    ['政府网站', '村公示栏'],
    ['县级', '乡、村级'],
  ],
  'projects.library': [
    'workdays(20) from formed',
    ['财政局', '扶贫办', '乡镇人民政府', '村委会'],
    ['政府网站', '政务服务中心', '村公示栏'],
    ['县级', '乡、村级'],
  ],
  'projects.annual-plan': [
    'workdays(20) from formed',
    ['财政局', '扶贫办', '乡镇人民政府', '村委会'],
    ['政府网站', '村公示栏'],
    ['县级', '乡、村级'],
  ],
  'projects.annual-completion': [
    'workdays(20) from formed',
    ['财政局', '扶贫办', '乡镇人民政府', '村委会'],
    ['政府网站', '村公示栏'],
    ['县级', '乡、村级'],
  ],
  'projects.implementation': [
    'workdays(20) from formed',
    ['乡镇人民政府', '村委会'],
    ['政府网站', '政务服务中心', '村公示栏'],
    ['县级', '乡、村级'],
  ],
  'oversight.reporting': [
    'workdays(20) from formed',
    ['区级扶贫部门', '乡镇人民政府', '村委会'],
    ['政府网站', '村公示栏'],
    ['县级', '乡、村级'],
  ],
};

describe('the district catalog (shifanqu-2020)', () => {
  const summary = summarizeCatalog(base);

  it('has the 13 items in the seed order, in 4 categories', () => {
    expect(summary.items.map((i) => i.id)).toEqual([...ITEM_IDS]);
    expect(summary.items.map((i) => i.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(new Set(summary.items.map((i) => i.category))).toEqual(
      new Set(['政策文件', '扶贫对象', '扶贫资金项目', '监督管理']),
    );
  });

  it.each(Object.entries(SEED))(
    'encodes %s as the seed table does',
    (id, [rule, subjects, channels, levels]) => {
      const item = summary.items.find((i) => i.id === id);
      expect(item).toMatchObject({ rule, subjects, channels, levels });
    },
  );

  it('gives item 10 two rows with different subjects and channels', () => {
    const item = findItem(base, 'projects.annual-plan');
    expect(item?.rows.map((r) => [r.content, r.subjects, r.channels])).toEqual([
      ['年度区级扶贫资金项目计划', ['财政局', '扶贫办', '乡镇人民政府', '村委会'], ['政府网站']],
      ['上级下达扶贫资金项目计划批复', ['乡镇人民政府', '村委会'], ['村公示栏']],
    ]);
  });

  it('keeps elements with their sub-elements', () => {
    const item = findItem(base, '6');
    expect(item?.rows[0]?.elements).toEqual([
      { name: '资金名称', parts: [], etc: false },
      {
        name: '分配结果',
        parts: ['资金来源', '资金规模', '资金用途', '使用单位', '分配原则', '分配结果', '监督方式'],
        etc: true,
      },
    ]);
  });

  it('keeps every row 全社会 and 主动, with its basis', () => {
    for (const item of base.items) {
      for (const row of item.rows) {
        expect(row.audience).toEqual(['全社会']);
        expect(row.method).toEqual(['主动']);
        expect(row.basis.length).toBeGreaterThan(0);
      }
    }
    expect(findItem(base, 'projects.library')?.rows[0]?.basis).toHaveLength(2);
  });

  it('states the general rules: county notices online long-term, township and village at least 10 days', () => {
    const row = findItem(base, 'projects.implementation')?.rows[0];
    if (!row) throw new Error('no row');
    expect(noticeRuleFor(base, row, 'county')).toMatchObject({ keepOnline: true });
    expect(noticeRuleFor(base, row, 'township')).toMatchObject({ minDays: 10 });
    expect(noticeRuleFor(base, row, 'village')).toMatchObject({ minDays: 10 });
    expect(base.general.time.due).toEqual({ kind: 'workdays', days: 20, from: 'formed' });
  });

  it('uses only the 13 channels', () => {
    const used = base.items.flatMap((i) => i.rows.flatMap((r) => r.channels));
    for (const channel of used) expect(CHANNEL_NAMES).toContain(channel);
  });

  it('maps each 公开主体 to registry bodies by role and level', () => {
    const subject = (name: string) => base.subjects.find((s) => s.name === name) ?? { name };
    const fpb = { level: 'county', role: 'poverty_office' } as const;
    const czb = { level: 'department', role: 'finance' } as const;
    const jtj = { level: 'department', role: 'sector' } as const;
    expect(subjectCovers(subject('扶贫办') as never, fpb)).toBe(true);
    expect(subjectCovers(subject('扶贫办') as never, czb)).toBe(false);
    expect(subjectCovers(subject('财政局') as never, czb)).toBe(true);
    expect(subjectCovers(subject('各行业扶贫财政资金主管部门') as never, jtj)).toBe(true);
    expect(subjectCovers(subject('村委会') as never, { level: 'village' })).toBe(true);
    expect(subjectCovers(subject('乡镇人民政府') as never, { level: 'village' })).toBe(false);
  });

  it('finds an item by id, number or name', () => {
    expect(findItem(base, 'funds.loans')?.no).toBe(7);
    expect(findItem(base, '7')?.id).toBe('funds.loans');
    expect(findItem(base, '精准扶贫贷款')?.id).toBe('funds.loans');
    expect(findItem(base, 'funds.nothing')).toBeUndefined();
  });
});

describe('dueDate', () => {
  const calendar = loadCalendar();
  const rule = (id: string) =>
    findItem(base, id)?.rows[0]?.time.due ?? { kind: 'annual' as const, by: '01-01' };

  it('counts 15 working days from 下达 for a fund allocation', () => {
    expect(dueDate(rule('funds.allocation'), '2020-04-24', calendar)).toBe('2020-05-18');
  });

  it('makes loans due by the end of the same year', () => {
    expect(dueDate(rule('funds.loans'), '2020-05-08', calendar)).toBe('2020-12-31');
    expect(dueDate(rule('funds.loans'), '2020-12-31', calendar)).toBe('2020-12-31');
  });

  it('moves an annual rule to next year once its date has passed', () => {
    expect(dueDate({ kind: 'annual', by: '03-31' }, '2020-05-08', calendar)).toBe('2021-03-31');
  });
});

describe('catalog variants', () => {
  it('loads the 2021+ 乡村振兴 wording as an extension of the 2020 catalog', () => {
    const { catalog, files } = loadCatalog('shifanqu-2021-xczx', { dir: DIR });
    expect(files.map((f) => path.basename(f))).toEqual(['shifanqu-2021-xczx.yaml', 'shifanqu-2020.yaml']);
    expect(catalog.items).toHaveLength(13);
    expect(findItem(catalog, 'funds.allocation')?.name).toBe('财政衔接推进乡村振兴补助资金分配结果');
    expect(findItem(catalog, 'funds.loans')?.name).toBe('脱贫人口小额信贷');
    expect(findItem(catalog, 'funds.allocation')?.rows[0]?.subjects).toEqual(['财政局', '乡村振兴局']);
    expect(findItem(catalog, 'target.exit')?.name).toBe('监测对象风险消除');
    // Unpatched fields are inherited.
    expect(findItem(catalog, 'funds.allocation')?.rows[0]?.time.due).toEqual({
      kind: 'workdays',
      days: 15,
      from: 'issued',
    });
    expect(findItem(catalog, 'projects.annual-plan')?.rows).toHaveLength(2);
    expect(catalog.subjects.find((s) => s.name === '乡村振兴局')?.roles).toEqual(['poverty_office']);
  });

  it('applies a 3-working-day variant to every row, and its own item patch on top', () => {
    const { catalog } = loadCatalog(path.join(FIXTURES, 'county-3wd.yaml'), { dir: DIR });
    const rules = summarizeCatalog(catalog).items.map((i) => [i.id, i.rule]);
    expect(rules).toContainEqual(['policy.normative', 'workdays(3) from formed']);
    expect(rules).toContainEqual(['funds.loans', 'annual(by 12-31)']);
    expect(findItem(catalog, 'funds.allocation')?.rows[0]?.time.due).toEqual({
      kind: 'workdays',
      days: 3,
      from: 'issued',
    });
  });

  it('counts from receipt in a township variant (下发至本单位)', () => {
    const { catalog } = loadCatalog(path.join(FIXTURES, 'township-received.yaml'), { dir: DIR });
    expect(findItem(catalog, 'policy.normative')?.rows[0]?.time.due).toEqual({
      kind: 'workdays',
      days: 20,
      from: 'received',
    });
  });
});

describe('loadCatalog on a bad catalog', () => {
  const problemsOf = (file: string): string => {
    try {
      loadCatalog(path.join(FIXTURES, file), { dir: DIR });
    } catch (error) {
      if (error instanceof DataFileError)
        return error.message.replaceAll(FIXTURES, '<fixtures>').replaceAll(DIR, '<data>');
      throw error;
    }
    throw new Error(`${file} loaded without error`);
  };

  it('names the file, line, path and reason of each problem', () => {
    expect(problemsOf('bad-base.yaml')).toMatchInlineSnapshot(`
      "<fixtures>/bad-base.yaml 有 5 处错误：
        <fixtures>/bad-base.yaml:23: items[policy.normative].rows[a].time.due：时限规则“workdays(twenty)”无法识别，应写作 workdays(N) from formed|issued|received 或 annual(by MM-DD)
        <fixtures>/bad-base.yaml:24: items[policy.normative].rows[a].channels[1]：“微信群”不是标准目录的 13 种公开渠道之一（政府网站、政府公报、两微一端、发布会/听证会、广播电视、纸质媒体、公开查阅点、政务服务中心、便民服务站、入户/现场、村公示栏、精准推送、其他）
        <fixtures>/bad-base.yaml:28: items[policy.normative].rows[a].levels[0]：无效选项：期望以下之一 "县级"|"乡、村级"
        <fixtures>/bad-base.yaml:29: items[policy.normative].rows[a].colour：未知的键“colour”（可能拼写有误）
        <fixtures>/bad-base.yaml:30: items[policy.unknown].id：无效选项：期望以下之一 "policy.regulations"|"policy.normative"|"policy.other"|"target.identification"|"target.exit"|"funds.allocation"|"funds.loans"|"funds.sector"|"projects.library"|"projects.annual-plan"|"projects.annual-completion"|"projects.implementation"|"oversight.reporting""
    `);
  });

  it('reports a reference to an undefined subject with its line', () => {
    expect(problemsOf('bad-subject.yaml')).toMatchInlineSnapshot(`
      "<fixtures>/bad-subject.yaml 有 3 处错误：
        <fixtures>/bad-subject.yaml:9: subjects[无主体]：公开主体须写明 roles（职能）或 levels（层级），否则无法确定由哪些主体公开
        <fixtures>/bad-subject.yaml:15: items[policy.normative].category：一级事项“policies”未在 categories 中定义
        <fixtures>/bad-subject.yaml:22: items[policy.normative].rows[a].subjects[1]：公开主体“区扶贫办”未在 subjects 中定义"
    `);
  });

  it('locates a variant problem in the variant file, by item and row id', () => {
    expect(problemsOf('bad-variant.yaml')).toMatchInlineSnapshot(`
      "<fixtures>/bad-variant.yaml 有 8 处错误：
        <fixtures>/bad-variant.yaml:8: items[projects.annual-plan].rows[c].elements：缺少此项
        <fixtures>/bad-variant.yaml:8: items[projects.annual-plan].rows[c].basis：缺少此项
        <fixtures>/bad-variant.yaml:8: items[projects.annual-plan].rows[c].time：缺少此项
        <fixtures>/bad-variant.yaml:8: items[projects.annual-plan].rows[c].subjects：缺少此项
        <fixtures>/bad-variant.yaml:8: items[projects.annual-plan].rows[c].channels：缺少此项
        <fixtures>/bad-variant.yaml:8: items[projects.annual-plan].rows[c].audience：缺少此项
        <fixtures>/bad-variant.yaml:8: items[projects.annual-plan].rows[c].method：缺少此项
        <fixtures>/bad-variant.yaml:8: items[projects.annual-plan].rows[c].levels：缺少此项"
    `);
    expect(problemsOf('bad-variant-subject.yaml')).toMatchInlineSnapshot(`
      "<fixtures>/bad-variant-subject.yaml 有 1 处错误：
        <fixtures>/bad-variant-subject.yaml:9: items[funds.allocation].rows[a].subjects[1]：公开主体“县乡村振兴局”未在 subjects 中定义"
    `);
  });

  it('reports an unknown parent and a missing file', () => {
    expect(problemsOf('bad-parent.yaml')).toMatchInlineSnapshot(`
      "<fixtures>/bad-parent.yaml 有 1 处错误：
        <fixtures>/bad-parent.yaml:2: extends：未知的标准目录“shifanqu-2019”，可用的有：bad-base、bad-parent、bad-subject、bad-syntax、bad-variant-subject、bad-variant、county-3wd、township-received、shifanqu-2020、shifanqu-2021-xczx"
    `);
    expect(problemsOf('no-such-file.yaml')).toMatchInlineSnapshot(`
      "<fixtures>/no-such-file.yaml 有 1 处错误：
        <fixtures>/no-such-file.yaml: 文件不存在"
    `);
  });

  it('reports a YAML syntax error with its line', () => {
    expect(problemsOf('bad-syntax.yaml')).toMatchInlineSnapshot(`
      "<fixtures>/bad-syntax.yaml 有 1 处错误：
        <fixtures>/bad-syntax.yaml:3: YAML 语法错误：Flow sequence in block collection must be sufficiently indented and end with a ] at line 3, column 1:"
    `);
  });
});

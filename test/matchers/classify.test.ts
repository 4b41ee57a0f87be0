import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/matchers/index.js';
import { aPost, calendar, catalog2020, catalog2021 } from './builders.js';

const analyze2020 = createAnalyzer({ catalog: catalog2020, calendar });
const analyze2021 = createAnalyzer({ catalog: catalog2021, calendar });
const itemsOf = (title: string, text = '', analyze = analyze2020) =>
  analyze(aPost({ title, text })).items.map((i) => i.id);

describe('classifyItems: the smoke tests of DOMAIN.md', () => {
  it.each([
    ['关于下达2020年第二批中央财政专项扶贫资金的通知', 'funds.allocation'],
    ['XX县2021年脱贫攻坚项目库公示', 'projects.library'],
    ['2020年度扶贫资金项目计划完成情况公告', 'projects.annual-completion'],
    ['XX村道路硬化项目实施前公示', 'projects.implementation'],
    ['扶贫小额信贷贴息名单公示', 'funds.loans'],
    ['12317扶贫监督举报电话公告', 'oversight.reporting'],
  ])('reads “%s” as %s', (title, item) => {
    expect(itemsOf(title)[0]).toBe(item);
  });

  it('reads “县2022年衔接推进乡村振兴补助资金项目计划” as the annual plan under the 2021+ vocabulary', () => {
    expect(itemsOf('县2022年衔接推进乡村振兴补助资金项目计划', '', analyze2021)[0]).toBe(
      'projects.annual-plan',
    );
    expect(itemsOf('县2022年衔接推进乡村振兴补助资金项目计划')[0]).toBe('projects.annual-plan');
  });
});

describe('classifyItems: hard cases', () => {
  it('does not take work news that mentions funds for a disclosure', () => {
    const text =
      '6月10日，县长带队调研乡村振兴重点项目。该项目使用衔接资金130万元，建成后可带动脱贫户增收。\n调研强调，要用好衔接资金。';
    expect(itemsOf('县长调研衔接资金项目建设', text)).toEqual([]);
  });

  it('does not take a meeting that agreed an allocation for the allocation', () => {
    const text = '会议审议并原则通过了2020年项目库和第三批扶贫资金安排建议，要求县扶贫办按程序公告公示。';
    expect(itemsOf('县召开扶贫开发领导小组全体会议', text)).toEqual([]);
  });

  it('takes a 下达 notice of funds for the allocation result', () => {
    expect(itemsOf('关于提前下达2021年中央财政衔接推进乡村振兴补助资金的通知')[0]).toBe('funds.allocation');
  });

  it('takes 监测对象纳入 for identification and 风险消除 for exit', () => {
    expect(itemsOf('杨林村防止返贫监测对象纳入公示（2022年第二批）', '', analyze2021)[0]).toBe(
      'target.identification',
    );
    expect(itemsOf('高峰村2022年防止返贫监测对象风险消除公示', '', analyze2021)[0]).toBe('target.exit');
  });

  it('gives a 解读 the item of the document it explains', () => {
    const analysis = analyze2020(
      aPost({ title: '《桐岭县扶贫小额信贷管理办法》政策解读', text: '现就有关内容解读如下。' }),
    );
    expect(analysis.items[0]?.id).toBe('policy.normative');
    expect(analysis.interpretationOf).toBe('桐岭县扶贫小额信贷管理办法');
  });

  it('can find two items in one post', () => {
    expect(itemsOf('示范区2021年度脱贫攻坚项目库及年度项目计划公示')).toEqual([
      'projects.library',
      'projects.annual-plan',
    ]);
    expect(itemsOf('石坑村2019年贫困户动态调整（新识别及脱贫退出）公示').sort()).toEqual([
      'target.exit',
      'target.identification',
    ]);
  });

  it('tells a policy document from a disclosure by its form', () => {
    expect(itemsOf('县人民政府办公室关于印发《县扶贫小额信贷管理办法》的通知')[0]).toBe('policy.normative');
    expect(itemsOf('县2019年扶贫小额信贷发放情况公告')[0]).toBe('funds.loans');
    expect(itemsOf('河南省农村扶贫开发条例')[0]).toBe('policy.regulations');
    expect(itemsOf('县2020年决战决胜脱贫攻坚实施方案')[0]).toBe('policy.other');
  });

  it('leaves lists of other programmes, tenders and recruitment out', () => {
    expect(itemsOf('后川村2021年农村低保动态调整公示')).toEqual([]);
    expect(itemsOf('县2019年贫困村通组公路建设项目招标公告')).toEqual([]);
    expect(itemsOf('县2021年乡村振兴协理员招聘公告')).toEqual([]);
  });

  it('reads a title with the site’s name after it, spaces and full-width digits', () => {
    expect(itemsOf('西村道路硬化项目实施前公示_城村镇人民政府网')[0]).toBe('projects.implementation');
    expect(itemsOf('２０２０年 财政专项扶贫资金 分配结果公告')[0]).toBe('funds.allocation');
  });

  it('lets the body decide under a title that names nothing', () => {
    const text = [
      '项目名称：西村食用菌大棚扩建项目',
      '资金来源：2020年第二批财政专项扶贫资金126万元',
      '实施期限：2020年6月—2020年10月',
      '实施单位：城村镇人民政府，项目负责人：刘志强',
      '受益对象：西村建档立卡贫困户47户',
      '带贫机制：租金收入用于贫困户分红',
      '公示时间：2020年5月25日至2020年6月3日',
    ].join('\n');
    expect(itemsOf('公示', text)[0]).toBe('projects.implementation');
    const exit =
      '以下农户家庭人均纯收入稳定超过国家扶贫标准，实现两不愁三保障，经村民代表大会民主评议、驻村工作队入户核实、' +
      '本人签字认可，现将拟退出贫困户名单公示如下：\n户主\t人口\n张三\t3';
    expect(itemsOf('公示', exit)[0]).toBe('target.exit');
  });

  it('gives confidences in 0..1 and the evidence that decided', () => {
    const [item] = analyze2020(aPost({ title: '宁川县2017年第一批财政专项扶贫资金分配结果公告' })).items;
    expect(item?.confidence).toBeGreaterThan(0.5);
    expect(item?.confidence).toBeLessThanOrEqual(1);
    expect(item?.evidence.some((e) => e.kind === 'title' && e.phrase === '分配结果')).toBe(true);
  });

  it('reads a catalog without match rules as matching nothing', () => {
    const bare = {
      ...catalog2020,
      match: undefined,
      items: catalog2020.items.map(({ match: _m, ...i }) => i),
    };
    const analyze = createAnalyzer({ catalog: bare, calendar });
    expect(analyze(aPost({ title: '2020年财政专项扶贫资金分配结果公告' })).items).toEqual([]);
  });
});

describe('classifyItems: plans and project notices', () => {
  it('reads a village’s notice of its approved projects as the annual plan (上级下达计划批复)', () => {
    const text = [
      '县脱贫攻坚领导小组《关于2020年扶贫资金项目计划的批复》已下达，现将涉及杨林村的批复项目公示如下。',
      '序号\t项目名称\t建设内容\t资金来源\t投资（万元）\t实施期限\t实施单位',
      '1\t杨林村茶叶加工厂房\t新建厂房600平方米\t中央财政专项扶贫资金\t90\t2020年5月—10月\t龙门镇人民政府',
    ].join('\n');
    expect(itemsOf('杨林村2020年已批复扶贫项目公示', text)[0]).toBe('projects.annual-plan');
  });

  it('lets the body decide under a title that only says a project is noticed (…项目公示)', () => {
    const text = [
      '县住建局安排行业扶贫资金共计45万元，用于杨林村危房改造项目，项目位于龙门镇杨林村，由县住建局负责实施。',
      '绩效目标：保障15户贫困户住房安全。',
      '带贫减贫机制：实现贫困户住房安全有保障。',
      '监督电话：0730-4216688。',
      '宁川县住房和城乡建设局',
      '2020年6月3日',
    ].join('\n');
    expect(itemsOf('杨林村危房改造项目公示', text)[0]).toBe('funds.sector');
  });
});

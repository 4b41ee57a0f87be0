import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/matchers/index.js';
import { aPost, calendar, catalog2020 } from './builders.js';

const analyze = createAnalyzer({ catalog: catalog2020, calendar });

describe('elements of the matched item', () => {
  it('lists the keys a 实施前公示 states, with the words that show them, and the ones it lacks', () => {
    const text = [
      '项目名称：西村食用菌大棚扩建项目',
      '资金来源：2020年第二批财政专项扶贫资金126万元',
      '实施期限：2020年6月—2020年10月',
      '实施单位：城村镇人民政府，项目负责人：刘志强',
      '受益对象：西村建档立卡贫困户47户',
      '公示时间：2020年5月25日至2020年6月3日',
    ].join('\n');
    const { elements } = analyze(aPost({ title: '西村食用菌大棚扩建项目实施前公示', text }));
    expect(elements.present.map((p) => p.key)).toEqual([
      '项目名称',
      '资金来源',
      '实施期限',
      '实施单位及责任人',
      '受益对象',
    ]);
    expect(elements.missing).toEqual(['绩效目标', '带贫减贫机制']);
    const span = elements.present[1]?.span;
    expect(span && text.slice(span.start, span.end)).toBe(span?.text);
  });

  it('counts only the phase the post is about (实施后)', () => {
    const text =
      '项目已完工。\n1、项目实施结果：建成滴灌系统320亩。\n2、资金使用情况：实际使用63.1万元。\n3、验收情况：验收合格。';
    const { elements } = analyze(aPost({ title: '五星村猕猴桃园滴灌项目实施后公示', text }));
    expect(elements.present.map((p) => p.key)).toEqual(['资金使用', '项目实施结果', '检查验收结果']);
    expect(elements.missing).toEqual(['绩效目标实现情况']);
  });

  it('takes a list as stated when an attachment link names it', () => {
    const post = aPost({
      title: '花园村2017年新识别贫困户公告',
      text: '经农户申请、民主评议、乡镇审核，新识别贫困户12户38人，名单见附件。',
      attachments: [{ name: '附件：花园村新识别贫困户名单.xls' }],
    });
    const present = analyze(post).elements.present;
    expect(present.find((p) => p.key === '贫困户名单')?.span.where).toMatch(/^(body|attachment-name:0)$/);
  });

  it('gives a policy document its one element and nothing missing', () => {
    const { elements } = analyze(aPost({ title: '关于印发《县扶贫项目资金管理办法》的通知' }));
    expect(elements.present.map((p) => p.key)).toEqual(['各级政府及部门涉及扶贫领域的规范性文件']);
    expect(elements.missing).toEqual([]);
  });

  it('gives a 政府令 the 规章 element and a 条例 the 行政法规 element', () => {
    const rule = analyze(aPost({ title: '湖南省扶贫项目资金监督管理办法', text: '湖南省人民政府令第294号' }));
    const law = analyze(aPost({ title: '河南省农村扶贫开发条例' }));
    expect(rule.elements.present.map((p) => p.key)).toEqual(['中央及地方政府涉及扶贫领域的规章']);
    expect(law.elements.present.map((p) => p.key)).toEqual(['中央及地方政府涉及扶贫领域的行政法规']);
  });

  it('has no elements for a post that is no item', () => {
    expect(analyze(aPost({ title: '县召开脱贫攻坚推进会' })).elements).toEqual({
      present: [],
      missing: [],
      byItem: [],
    });
  });
});

describe('which element groups a post is held to', () => {
  it('does not hold a handling report that names the hotline once to the hotline’s elements', () => {
    const text = [
      '2020年第三季度，镇纪委共受理扶贫领域信访举报5件，已全部办结，其中反映属实2件，均已整改到位。',
      '欢迎社会各界继续监督，扶贫监督举报电话：12317。',
      '龙门镇纪委',
    ].join('\n');
    const { elements } = analyze(aPost({ title: '龙门镇2020年第三季度扶贫领域举报办理结果公开', text }));
    expect(elements.missing).toEqual([]);
    expect(elements.present.map((p) => p.key)).toContain('举报受理办理结果');
  });

  it('holds a household loans list to the household group only', () => {
    const text =
      '根据县金融扶贫工作安排，杨林村2020年扶贫小额信贷共向6户建档立卡贫困户放贷28万元，用于发展茶叶种植和生猪养殖；单户额度5万元以下，期限不超过3年，执行基准利率，由财政全额贴息。';
    const { elements } = analyze(aPost({ title: '杨林村2020年精准扶贫贷款公告', text }));
    expect(elements.missing).toEqual([]);
    expect(elements.present.map((p) => p.key)).toEqual(
      expect.arrayContaining(['贷款对象', '用途', '额度', '期限', '利率']),
    );
  });

  it('takes a term in years for a loan’s 期限, never the year the loans were made', () => {
    const loans = (text: string) => analyze(aPost({ title: '杨林村2020年精准扶贫贷款公告', text })).elements;
    const without = loans(
      '杨林村2020年扶贫小额信贷共向6户建档立卡贫困户放贷28万元，用于发展茶叶种植，单户额度5万元以下，执行基准利率。',
    );
    expect(without.missing).toEqual(['期限']);
    for (const term of ['最长3年', '1—3年内还清', '一般为2年'])
      expect(
        loans(
          `杨林村2020年扶贫小额信贷共向6户建档立卡贫困户放贷28万元，用于发展茶叶种植，单户额度5万元以下，${term}，执行基准利率。`,
        ).missing,
      ).toEqual([]);
  });

  it('reads a 实施后公示 by its title even when the body says only that the project was built', () => {
    const text = '杨林村茶叶加工厂房建设项目已建成投产。\n资金使用：项目资金90万元，已全部拨付。';
    const { elements } = analyze(aPost({ title: '杨林村扶贫项目实施后公示（茶叶加工厂房建设项目）', text }));
    expect(elements.missing).toEqual(['检查验收结果', '绩效目标实现情况']);
  });
});

describe('what a post states', () => {
  const plan = (lines: string[]) =>
    analyze(aPost({ title: '杨林村通组道路硬化项目实施前公示', text: lines.join('\n') })).elements;

  it('does not take a value written under another element’s label for this one', () => {
    const { missing } = plan([
      '项目名称：杨林村通组道路硬化项目',
      '资金来源：市级财政专项扶贫资金96万元',
      '实施期限：2020年8月—12月',
      '实施单位、责任人：县交通运输局，责任人周建军',
      '带贫减贫机制：改善出行条件，带动贫困户增收',
    ]);
    expect(missing).toEqual(['绩效目标', '受益对象']);
  });

  it('takes a span of months for the 实施期限, not the notice’s first day', () => {
    expect(plan(['项目名称：杨林村通组道路硬化项目', '自2020年5月13日起公示10天。']).missing).toContain(
      '实施期限',
    );
    expect(plan(['杨林村通组道路硬化项目计划于5月至9月建设。']).missing).not.toContain('实施期限');
    expect(plan(['项目名称\t起止时间', '杨林村通组道路\t2020.5—2020.9']).missing).not.toContain('实施期限');
  });

  it('reads an application written out (农户本人提出书面申请) as 农户申请', () => {
    const text =
      '经农户本人向村委会提出书面申请，村民代表大会民主评议，乡镇审核、县级审定，本村新识别贫困户2户7人，名单如下。';
    const { present } = analyze(aPost({ title: '杨林村2020年新识别贫困户公示', text })).elements;
    expect(present.map((p) => p.key)).toContain('农户申请');
  });

  it('reads the committee that takes reports as the 公开单位 of a hotline', () => {
    const text =
      '龙门镇杨林村村民委员会负责受理本村扶贫领域问题的举报；举报电话：0730-4108213；也可拨打12317。';
    const { present, missing } = analyze(aPost({ title: '杨林村扶贫监督举报电话公示', text })).elements;
    expect(missing).toEqual([]);
    expect(present.find((p) => p.key === '公开单位')?.span.text).toBe('负责受理');
  });

  it('reads a leaning towards poorer villages as the 分配原则', () => {
    const text = '本批资金向深度贫困村和贫困人口多的村倾斜，分配结果如下：';
    const { present } = analyze(aPost({ title: '2020年第三批财政专项扶贫资金分配结果公告', text })).elements;
    expect(present.map((p) => p.key)).toContain('分配原则');
  });
});

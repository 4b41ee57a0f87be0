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

import { describe, expect, it } from 'vitest';
import { createAnalyzer, type RegistryBody } from '../../src/matchers/index.js';
import { aPost, calendar, catalog2020 } from './builders.js';

const bodies: RegistryBody[] = [
  { id: 'jtj', name: '宁川县交通运输局', level: 'department', aliases: ['县交通运输局'], role: 'sector' },
  { id: 'czb', name: '宁川县财政局', level: 'department', aliases: [] },
  { id: 't-longmen', name: '龙门镇人民政府', level: 'township', aliases: ['龙门镇'] },
  { id: 'v-yanglin', name: '杨林村村民委员会', level: 'village', aliases: ['杨林村村委会'] },
];
const analyze = createAnalyzer({ catalog: catalog2020, calendar, bodies });

/** The same project notice, told by whoever signs it. */
const roadNotice = (signer: string) =>
  [
    '杨林村至石门组道路硬化项目已实施完毕，现将有关情况公示如下：',
    '一、项目名称：杨林村至石门组道路硬化项目',
    '二、实施结果：硬化道路1.8公里，于2020年9月完工',
    '三、资金使用情况：项目资金96万元，已全部拨付',
    '四、验收情况：经县交通运输局验收合格',
    '公示期10天。监督电话：0730-4108213',
    signer,
    '2020年10月12日',
  ].join('\n');

describe('the publisher as a prior of the item', () => {
  it('reads a village committee’s fund-use notice of a project as the project’s 实施后 notice', () => {
    const post = aPost({ title: '杨林村道路硬化项目资金使用情况公示', text: roadNotice('杨林村村民委员会') });
    const [best] = analyze(post).items;
    expect(best?.id).toBe('projects.implementation');
  });

  it('reads a sector department’s project notice that names its sector fund as the sector item', () => {
    const text = [
      '2020年4月，县交通运输局安排行业扶贫资金共计96万元，用于杨林村至石门组道路硬化项目。',
      '项目位于龙门镇杨林村，由县交通运输局负责实施。',
      '绩效目标：解决312名群众出行难问题。',
      '带贫减贫机制：改善贫困村出行条件，降低农产品运输成本。',
      '监督电话：0730-4216688，全国扶贫监督举报电话12317。',
      '宁川县交通运输局',
      '2020年4月20日',
    ].join('\n');
    const [best] = analyze(aPost({ title: '杨林村至石门组道路硬化项目公示', text })).items;
    expect(best?.id).toBe('funds.sector');
  });

  const allocation = (signer: string) =>
    aPost({
      title: '关于下达2020年第二批财政专项扶贫资金的通知',
      text: `现将2020年第二批财政专项扶贫资金128万元下达给你们，分配结果如下。\n${signer}\n2020年5月8日`,
    });
  const against = (post: ReturnType<typeof aPost>) =>
    analyze(post)
      .items.find((c) => c.id === 'funds.allocation')
      ?.evidence.find((e) => e.kind === 'not-subject');

  it('weighs a disclosure against a body its 公开主体 cannot include, as a prior and not a veto', () => {
    const [best] = analyze(allocation('杨林村村民委员会')).items;
    expect(best?.id).toBe('funds.allocation');
    expect(against(allocation('杨林村村民委员会'))?.weight).toBe(-2);
    expect(against(allocation('宁川县财政局'))).toBeUndefined();
  });

  it('takes the source’s body as half the hint when the page names no publisher', () => {
    expect(against({ ...allocation(''), sourceBody: 'v-yanglin' })?.weight).toBe(-1);
    expect(against({ ...allocation(''), sourceBody: 'czb' })).toBeUndefined();
  });

  it('lets a township post its villages’ lists', () => {
    const text = [
      '经村级民主评议和公示、镇级审核，龙门镇2021年第二季度拟消除风险监测对象3户9人：',
      '村\t户主\t人口\t风险消除原因',
      '杨林村\t周小军\t4\t务工收入稳定',
      '公示期7天。',
      '龙门镇人民政府',
    ].join('\n');
    const [best] = analyze(aPost({ title: '龙门镇2021年第二季度监测对象风险消除情况公示', text })).items;
    expect(best?.id).toBe('target.exit');
    expect(best?.evidence.some((e) => e.kind === 'not-subject')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { linkInterpretations, linkRecords, type PostFacts } from '../../src/matchers/index.js';

describe('linkInterpretations', () => {
  it('links a 解读 to the document whose title it quotes', () => {
    const links = linkInterpretations([
      { id: 'doc', title: '桐岭县人民政府办公室关于印发《桐岭县扶贫小额信贷管理办法》的通知' },
      { id: 'reading', title: '《桐岭县扶贫小额信贷管理办法》政策解读' },
      { id: 'other', title: '关于印发《桐岭县扶贫公益岗位管理办法》的通知' },
    ]);
    expect(links).toEqual([{ interpretation: 'reading', document: 'doc', score: 1, via: 'quoted-title' }]);
  });

  it('links through a cited 文号 and through a similar title', () => {
    const links = linkInterpretations([
      { id: 'doc', title: '茂源县防止返贫动态监测和帮扶工作实施细则', docNumbers: ['茂农组办〔2021〕9号'] },
      { id: 'a', title: '一图读懂防返贫监测', docNumbers: ['茂农组办〔2021〕9号'] },
      { id: 'b', title: '《茂源县防止返贫动态监测和帮扶实施细则》解读' },
    ]);
    expect(links.map((l) => [l.interpretation, l.document, l.via])).toEqual([
      ['a', 'doc', 'doc-number'],
      ['b', 'doc', 'similar-title'],
    ]);
  });
});

describe('linkRecords', () => {
  const post: PostFacts = {
    id: 'p1',
    items: ['funds.allocation', 'projects.annual-plan'],
    title: '关于下达2020年第二批财政专项扶贫资金的通知',
    text: '现将2020年第二批财政专项扶贫资金128万元下达给你们（示财〔2020〕21号）。西村食用菌大棚扩建项目安排126万元。',
    docNumbers: ['示财〔2020〕21号'],
    amounts: [1_280_000, 1_260_000],
    formed: '2020-05-08',
    published: '2020-05-12',
  };

  it('keeps a plan and its superior approval apart, unless the approval’s 文号 is cited', () => {
    const records = [
      {
        id: 'plan',
        item: 'projects.annual-plan' as const,
        title: '后沟村2020年扶贫资金项目计划',
        formed: '2020-03-02',
      },
      {
        id: 'approval',
        item: 'projects.annual-plan' as const,
        title: '后沟村2020年上级下达扶贫资金项目计划批复',
        refNo: '示扶〔2020〕7号',
        formed: '2020-04-10',
      },
    ];
    const notice = (title: string, text: string, docNumbers: string[] = []): PostFacts => ({
      id: title,
      items: ['projects.annual-plan'],
      title,
      text,
      docNumbers,
      amounts: [],
      formed: null,
      published: '2020-04-15',
    });
    const linked = (p: PostFacts) => linkRecords([p], records).map((l) => l.record);
    expect(
      linked(
        notice(
          '后沟村2020年扶贫资金项目计划批复公告',
          '后沟村2020年扶贫资金项目计划已经区扶贫办批复，上级下达扶贫资金项目计划批复如下。',
        ),
      ),
    ).toEqual(['approval']);
    // A plan handed down is the approval's announcement, without the word 批复.
    expect(
      linked(
        notice(
          '关于后沟村2020年度扶贫资金项目计划下达情况的公告',
          '后沟村2020年扶贫资金项目计划已下达，上级下达扶贫资金项目计划批复如下。',
        ),
      ),
    ).toEqual(['approval']);
    expect(
      linked(
        notice(
          '后沟村2020年扶贫资金项目计划公示',
          '后沟村2020年扶贫资金项目计划经村民代表会议通过，现公示如下。',
        ),
      ),
    ).toEqual(['plan']);
    expect(
      linked(
        notice(
          '后沟村2020年扶贫资金项目计划公示',
          '依据示扶〔2020〕7号，后沟村2020年扶贫资金项目计划如下。',
          ['示扶〔2020〕7号'],
        ),
      ),
    ).toEqual(expect.arrayContaining(['plan', 'approval']));
  });

  it('links by exact 文号, by name in the text and by amount, many to many', () => {
    const links = linkRecords(
      [post],
      [
        {
          id: 'r1',
          item: 'funds.allocation',
          title: '2020年第二批财政专项扶贫资金分配',
          refNo: '示财[2020]21号',
          formed: '2020-05-08',
          amount: 1_280_000,
        },
        {
          id: 'r2',
          item: 'projects.annual-plan',
          title: '西村食用菌大棚扩建项目',
          formed: '2020-05-01',
          amount: 1_260_000,
        },
        { id: 'r3', item: 'funds.loans', title: '2020年扶贫小额信贷', formed: '2020-12-01' },
      ],
    );
    expect(links.map((l) => l.record)).toEqual(['r1', 'r2']);
    expect(links[0]?.score).toBe(1);
    expect(links[0]?.reasons[0]).toBe('文号 示财〔2020〕21号');
  });

  it('returns nothing for records the post does not mention', () => {
    expect(
      linkRecords(
        [post],
        [{ id: 'x', item: 'target.exit', title: '东村2020年脱贫名单', formed: '2020-11-01' }],
      ),
    ).toEqual([]);
  });

  const village = (title: string, text: string): PostFacts => ({
    id: 'v1',
    items: ['projects.implementation'],
    title,
    text,
    docNumbers: [],
    amounts: [],
    formed: null,
    published: '2020-10-20',
  });
  const before = {
    id: 'r-before',
    item: 'projects.implementation' as const,
    title: '杨林村通组道路硬化项目实施前公示',
    formed: '2020-05-20',
  };
  const after = {
    id: 'r-after',
    item: 'projects.implementation' as const,
    title: '杨林村通组道路硬化项目竣工验收公告',
    formed: '2020-10-16',
  };

  it('links a post that names the project without the record’s disclosure form, in the same phase only', () => {
    const post = village(
      '杨林村扶贫项目实施后公告',
      '杨林村通组道路硬化项目现已实施完毕，经镇人民政府组织验收合格，现将有关情况公告如下。',
    );
    const links = linkRecords([post], [before, after]);
    expect(links.map((l) => l.record)).toEqual(['r-after']);
    expect(links[0]?.reasons[0]).toBe('正文提及“杨林村通组道路硬化项目”');
  });

  it('does not link a 实施前 notice to the completion record that a similar title and amount suggest', () => {
    const post = {
      ...village('杨林村通组道路硬化项目实施前公示', '拟实施杨林村通组道路硬化项目。'),
      amounts: [960_000],
    };
    const links = linkRecords(
      [post],
      [
        { ...before, amount: 960_000 },
        { ...after, amount: 960_000 },
      ],
    );
    expect(links.map((l) => l.record)).toEqual(['r-before']);
  });

  it('links a policy post to the 印发 notice whose quoted document it names', () => {
    const post: PostFacts = {
      ...village(
        '一图读懂《宁川县扶贫项目资产后续管理办法》',
        '图解：宁川县扶贫项目资产后续管理办法的五个要点',
      ),
      items: ['policy.normative'],
    };
    const record = {
      id: 'r-doc',
      item: 'policy.normative' as const,
      title: '关于印发《宁川县扶贫项目资产后续管理办法》的通知',
      formed: '2020-10-09',
    };
    expect(linkRecords([post], [record]).map((l) => l.record)).toEqual(['r-doc']);
  });

  it('links through most of the name when the post writes the rest otherwise', () => {
    const post = village('杨林村扶贫项目实施后公告', '附表：杨林村通组道路硬化工程完成情况');
    expect(linkRecords([post], [after]).map((l) => l.record)).toEqual(['r-after']);
  });
});

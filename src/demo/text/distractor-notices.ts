import { type DistractorContext, type DistractorWriter, p, t } from './distractor-context.js';

// Lists and procurement notices: 公示 of people or 中标 of a 扶贫 project, close to the catalog items but none of them.

function relief(kind: string, d: DistractorContext) {
  const names = d.people(d.rng.int(2, 5));
  const withId = d.rng.chance(0.4);
  const header = ['序号', '姓名', ...(withId ? ['身份证号'] : []), '家庭人口', '所在村'];
  const rows = names.map((n, i) => [
    String(i + 1),
    n,
    ...(withId ? [d.maskedId()] : []),
    String(d.rng.int(1, 5)),
    d.village,
  ]);
  return {
    title: d.rng.pick([
      `${d.township}${d.year}年${kind}对象公示`,
      `关于${d.year}年第${d.rng.int(1, 4)}季度${kind}对象的公示`,
    ]),
    blocks: [
      p(`根据社会救助有关规定，经本人申请、入户调查、民主评议，现将${d.village}${kind}对象公示如下：`),
      t([header, ...rows]),
      p(`如有异议，请向${d.township}民政所反映。`),
    ],
    signed: true,
  };
}

export const NOTICES: Record<string, DistractorWriter> = {
  低保名单: (d) => relief('农村低保新增', d),
  特困供养名单: (d) => relief('特困人员供养', d),
  临时救助名单: (d) => relief('临时救助', d),
  扶贫公益岗位招聘: (d) => ({
    title: d.rng.pick([`${d.township}${d.year}年扶贫公益岗位招聘公告`, `${d.place}公开招聘扶贫专干公告`]),
    blocks: [
      p('一、招聘岗位：保洁员、护路员、护林员等公益岗位。'),
      p('二、招聘条件：本辖区建档立卡贫困劳动力，身体健康，能胜任岗位工作。'),
      p(`三、报名方式：符合条件的人员携带身份证、户口簿到${d.township}便民服务中心报名。`),
    ],
    signed: true,
  }),
  春风行动招聘会: (d) => ({
    title: '“春风行动”暨扶贫专场招聘会成功举办',
    blocks: [
      p(
        `${d.day()}，${d.place}“春风行动”暨扶贫专场招聘会举办，40余家企业提供就业岗位1200余个，优先吸纳贫困劳动力就业。`,
      ),
    ],
    signed: false,
  }),
  征地公告: (d) => ({
    title: `关于${d.project}征收集体土地的公告`,
    blocks: [
      p(`因${d.project}建设需要，拟征收${d.village}集体土地${d.rng.int(5, 40)}亩，现将有关事项公告如下：`),
      p('一、被征收土地的权属、地类、面积以实地勘测定界结果为准。'),
      p('二、补偿标准按照河南省人民政府公布的区片综合地价执行。'),
      p('三、自本公告发布之日起，在拟征收范围内不得抢栽抢建。'),
    ],
    signed: true,
  }),
  招标公告: (d) => ({
    title: d.rng.pick([`${d.project}招标公告`, `${d.project}（施工）公开招标公告`]),
    blocks: [
      p(
        `1.招标条件：本招标项目${d.project}已由有关部门批准建设，建设资金来自财政扶贫资金，招标人为${d.township}人民政府。`,
      ),
      p(`2.项目概况与招标范围：建设地点${d.township}${d.village}，招标范围为施工图纸范围内的全部内容。`),
      p('3.投标人资格要求：具备市政公用工程施工总承包三级及以上资质。'),
      p('4.招标文件的获取：请于三门峡市公共资源交易中心网站下载招标文件。'),
    ],
    signed: true,
  }),
  中标公告: (d) => ({
    title: d.rng.pick([`${d.project}中标结果公告`, `${d.project}中标候选人公示`]),
    blocks: [
      t([
        ['项目名称', d.project],
        ['招标人', `${d.township}人民政府`],
        ['中标单位', `三门峡${d.rng.pick(['宏达', '永安', '盛源'])}建筑工程有限公司`],
        ['中标价', `${d.rng.int(30, 200) * 10_000}元`],
        ['项目经理', d.people(1)[0] ?? ''],
      ]),
      p('各有关当事人对中标结果有异议的，可向招标人提出。'),
    ],
    signed: true,
  }),
  政府采购公告: (d) => ({
    title: `${d.place}扶贫产品采购项目竞争性磋商公告`,
    blocks: [
      p('项目名称：扶贫产品集中采购项目。'),
      p(`采购人：${d.body.name}。`),
      p('采购内容：采购扶贫产品（农副产品）一批，用于职工食堂。'),
      p('供应商资格：具有独立承担民事责任的能力，所供产品已列入扶贫产品目录。'),
    ],
    signed: true,
  }),
  扶贫产品认定: (d) => ({
    title: d.rng.pick([
      `关于${d.place}第${d.rng.int(2, 5)}批扶贫产品认定名单的公示`,
      '扶贫产品认定申报结果公示',
    ]),
    blocks: [
      p('根据扶贫产品认定工作安排，经供应商申报、乡镇审核，现将拟认定的扶贫产品公示如下：'),
      t([
        ['序号', '产品名称', '供应商'],
        ['1', '香菇', `${d.village}食用菌专业合作社`],
        ['2', '灵宝苹果', '示范区惠农农业开发有限公司'],
      ]),
    ],
    signed: true,
  }),
  作风专项治理: (d) => ({
    title: '关于开展扶贫领域腐败和作风问题专项治理的通知',
    blocks: [
      p('各乡镇人民政府、区直有关单位：'),
      p(
        `为深入推进扶贫领域作风建设，决定在全区开展扶贫领域腐败和作风问题专项治理，重点整治虚报冒领、截留挪用扶贫资金等问题。${d.place}各单位要认真开展自查自纠。`,
      ),
    ],
    signed: true,
  }),
  脱贫攻坚普查: (d) => ({
    title: d.rng.pick(['关于做好脱贫攻坚普查工作的通告', `${d.place}脱贫攻坚普查工作有序开展`]),
    blocks: [
      p('国家脱贫攻坚普查是一项重大国情国力调查。普查对象为建档立卡户、国家扶贫开发工作重点县和贫困村。'),
      p('请广大群众积极支持、配合普查工作，如实提供普查所需资料。'),
    ],
    signed: true,
  }),
};

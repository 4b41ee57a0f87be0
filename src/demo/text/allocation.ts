import type { DemoEvent } from '../model.js';
import { formatDate, formatMoney, noticeSentence } from './format.js';
import type { Block, ComposedPost, ComposeInput, Composer } from './types.js';

type Allocation = Extract<DemoEvent['payload'], { kind: 'allocation' }>;

const TITLES: ((a: Allocation, input: ComposeInput) => string)[] = [
  (a) => `关于下达${a.fundName}的通知`,
  (a, i) => `${i.district.shortName}${a.fundName}分配结果公告`,
  (a) => `关于${a.fundName}分配结果的公示`,
  (a) => `${a.fundName}分配方案公告`,
  (a, i) => `${i.body.shortName}关于${a.fundName}安排情况的公告`,
  (a) => `${a.fundName.replace('财政专项扶贫资金', '')}财政专项扶贫资金分配结果公开`,
];

function linesTable(a: Allocation, input: ComposeInput): Block {
  const { include, rng } = input;
  const header = ['序号'];
  if (include.has('使用单位')) header.push(rng.pick(['使用单位', '资金使用单位', '项目实施单位']));
  header.push('项目名称');
  if (include.has('分配结果'))
    header.push(rng.pick(['分配金额（万元）', '下达资金（万元）', '安排资金（万元）']));
  if (include.has('资金用途')) header.push(rng.pick(['资金用途', '建设内容', '主要用途']));
  const rows = a.lines.map((line, k) => {
    const row = [String(k + 1)];
    if (include.has('使用单位')) row.push(line.unit);
    row.push(line.project);
    if (include.has('分配结果')) row.push((line.amount / 10_000).toFixed(2));
    if (include.has('资金用途')) row.push(line.purpose);
    return row;
  });
  return { kind: 'table', rows: [header, ...rows] };
}

function statements(a: Allocation, input: ComposeInput): Map<string, string> {
  const { rng } = input;
  return new Map([
    ['资金名称', `资金名称：${a.fundName}`],
    ['资金来源', `资金来源：${a.source}${rng.pick(['', '，由上级财政下达', '（上级补助）'])}`],
    ['资金规模', `资金规模：共计${formatMoney(a.total, rng)}`],
    ['分配原则', `分配原则：${a.principle}，重点支持贫困村基础设施和产业发展项目`],
    ['监督方式', `监督方式：接受社会监督，监督举报电话${a.phone}，全国扶贫监督举报电话12317`],
  ]);
}

// Structure 1: a numbered announcement; 2: narrative and table; 3: short notice with the table attached.
function numbered(a: Allocation, input: ComposeInput): Block[] {
  const parts = statements(a, input);
  const blocks: Block[] = [
    {
      kind: 'p',
      text: `根据${input.rng.pick(['上级有关文件精神', '《扶贫资金项目公告公示制度》要求', '区脱贫攻坚领导小组研究意见'])}，现将${a.fundName}分配结果公告如下：`,
    },
  ];
  const order = ['资金名称', '资金来源', '资金规模', '分配原则'];
  const numerals = ['一', '二', '三', '四', '五', '六', '七'];
  let n = 0;
  for (const key of order) {
    const text = parts.get(key);
    if (input.include.has(key) && text) blocks.push({ kind: 'p', text: `${numerals[n++]}、${text}。` });
  }
  if (input.include.has('分配结果') || input.include.has('使用单位')) {
    const label = input.include.has('使用单位') ? '分配结果及使用单位' : '分配结果';
    blocks.push({ kind: 'p', text: `${numerals[n++]}、${label}：` }, linesTable(a, input));
  }
  if (input.include.has('监督方式'))
    blocks.push({ kind: 'p', text: `${numerals[n++]}、${parts.get('监督方式')}。` });
  return blocks;
}

function narrative(a: Allocation, input: ComposeInput): Block[] {
  const { include, rng } = input;
  const bits = [`${formatDate(input.event.formed, 'zh')}，${input.body.shortName}下达${a.fundName}`];
  if (include.has('资金规模')) bits.push(`共${formatMoney(a.total, rng)}`);
  if (include.has('资金来源')) bits.push(`资金来源为${a.source}`);
  const blocks: Block[] = [{ kind: 'p', text: `${bits.join('，')}。` }];
  if (include.has('分配原则')) blocks.push({ kind: 'p', text: `本批资金按照${a.principle}进行分配。` });
  blocks.push({ kind: 'p', text: '具体分配情况如下：' }, linesTable(a, input));
  if (include.has('监督方式')) {
    blocks.push({ kind: 'p', text: `欢迎社会各界监督。监督电话：${a.phone}；扶贫监督举报电话：12317。` });
  }
  return blocks;
}

function attached(a: Allocation, input: ComposeInput): Block[] {
  return numbered(a, input).map((b) =>
    b.kind === 'table' ? { kind: 'p', text: `（详见附件：${a.fundName}分配明细表）` } : b,
  );
}

/** funds.allocation: 财政专项扶贫资金分配结果. */
export const composeAllocation: Composer = (input): ComposedPost => {
  const a = input.event.payload as Allocation;
  const { rng } = input;
  // Layout and title come from their own sources, so an edit that adds a key keeps them.
  const structure = rng.derive('layout').int(0, 2);
  const blocks = [numbered, narrative, attached][structure]?.(a, input) ?? [];
  const title = (rng.derive('title').pick(TITLES) as (typeof TITLES)[number])(a, input);
  if (input.notice)
    blocks.push({
      kind: 'p',
      text: `${noticeSentence(input.notice, rng, `向${input.body.shortName}反映`)}。`,
    });
  return {
    title,
    blocks,
    signature: {
      name: input.body.name,
      date: input.event.formed,
      style: rng.pick(['zh', 'cn-numeral', 'zh-padded'] as const),
    },
    attachments:
      structure === 2
        ? [
            {
              name: `${a.fundName}分配明细表`,
              format: rng.pick(['xlsx', 'pdf'] as const),
              rows: (linesTable(a, input) as { rows: string[][] }).rows,
            },
          ]
        : [],
    exposed: { id_number: 0, bank_card: 0, mobile: 0 },
  };
};

import {
  attachment,
  bodyLabel,
  closing,
  contactPhrase,
  dateText,
  enumerate,
  finish,
  free,
  para,
  pickStable,
  signatureOf,
  table,
  yearOf,
} from './common.js';
import type { Block, ComposedAttachment, ComposedPost, ComposeInput, Composer } from './types.js';

type Payload = ComposeInput['event']['payload'];
type Hotline = Extract<Payload, { kind: 'hotline' }>;
type Complaints = Extract<Payload, { kind: 'complaints' }>;

const UNIT = '公开单位';
const PHONE = '单位监督举报电话';
const NATIONAL = '12317监督举报电话';

type Title = { needs?: string; make: (input: ComposeInput, year: number) => string };

const HOTLINE_TITLES: Title[] = [
  { make: (i) => `${i.body.shortName}扶贫领域监督举报电话公告` },
  { make: () => '关于公布扶贫领域监督举报电话的公告' },
  { make: (i) => `${i.body.shortName}扶贫监督举报电话公示` },
  { make: (i, y) => `${y}年${i.body.shortName}扶贫领域监督举报方式公告` },
  { make: () => '扶贫领域问题线索举报电话' },
  { needs: NATIONAL, make: () => '12317扶贫监督举报电话公告' },
  { make: (i) => `${i.body.shortName}关于设立扶贫领域监督举报电话的通告` },
];

const SCOPE = '扶贫资金使用、项目实施、对象识别退出、惠民政策落实等方面的问题';

function hotlineLines(input: ComposeInput, h: Hotline): [string, string][] {
  const { rng } = input;
  const lines: [string, string][] = [];
  if (input.include.has(UNIT))
    lines.push([rng.pick(['公开单位', '受理单位']), `${h.unit}（地址：${h.address}）`]);
  if (input.include.has(PHONE)) lines.push([rng.pick(['监督举报电话', '本单位监督举报电话']), h.phone]);
  if (input.include.has(NATIONAL)) lines.push(['全国扶贫监督举报电话', '12317']);
  lines.push(['受理范围', SCOPE]);
  return lines;
}

function composeHotline(input: ComposeInput, h: Hotline): ComposedPost {
  const { rng } = input;
  const year = yearOf(input.event.formed);
  const eligible = (t: Title) => !t.needs || input.include.has(t.needs);
  const title = pickStable(rng.derive('title'), HOTLINE_TITLES, eligible).make(input, year);
  const lines = hotlineLines(input, h);
  const lead = rng.pick([
    '为进一步加强扶贫领域监督，畅通群众反映问题渠道，现将扶贫领域监督举报方式公告如下：',
    '为推进扶贫领域作风建设，广泛接受社会监督，现公布监督举报电话如下：',
  ]);
  const attachments: ComposedAttachment[] = [];
  let blocks: Block[];
  switch (rng.derive('layout').pick(['numbered', 'table', 'prose', 'attached'] as const)) {
    case 'numbered':
      blocks = [para(lead), ...enumerate(lines.map(([label, value]) => `${label}：${value}`))];
      break;
    case 'table':
      blocks = [para(lead), table([['项目', '内容'], ...lines])];
      break;
    case 'prose': {
      const bits: string[] = [];
      if (input.include.has(UNIT)) bits.push(`${h.unit}负责受理本辖区${SCOPE.replace(/的问题$/, '')}的举报`);
      if (input.include.has(PHONE)) bits.push(`举报电话：${h.phone}`);
      if (input.include.has(NATIONAL)) bits.push('也可拨打全国扶贫监督举报电话12317');
      blocks = [
        para(lead.replace(/如下：$/, '。')),
        para(`${bits.join('；') || `群众可就${SCOPE}进行举报`}。`),
      ];
      break;
    }
    case 'attached':
      blocks = [para(lead.replace(/如下：$/, '，详见附件。'))];
      attachments.push(
        attachment(`${h.unit}扶贫领域监督举报方式`, [['项目', '内容'], ...lines], rng, ['docx', 'pdf']),
      );
      break;
  }
  blocks.push(
    para(
      rng.pick([
        '受理时间：工作日上午8:30—12:00，下午14:30—17:30。',
        '对实名举报的，将及时向举报人反馈。',
        '举报人应据实反映问题，不得捏造、歪曲事实。',
      ]),
    ),
  );
  const contact = input.include.has(UNIT) ? `向${h.unit}反映` : contactPhrase(input, { phone: false });
  blocks.push(...closing(input, contact));
  return finish(input, { title, blocks, signature: signatureOf(input), attachments });
}

const COMPLAINT_TITLES: ((input: ComposeInput, year: number, issue: number) => string)[] = [
  (_i, y, n) => `扶贫领域信访举报受理办理情况公告（${y}年第${n}期）`,
  (i) => `${i.body.shortName}关于扶贫领域举报事项办理结果的公告`,
  (_i, y, n) => `${y}年第${n}期扶贫领域监督举报受理情况通报`,
  () => '扶贫领域群众举报问题办理结果公示',
  (_i, y, n) => `关于${y}年${n === 1 ? '上半年' : '下半年'}扶贫领域信访举报办理情况的公告`,
  () => '12317扶贫监督举报受理办理情况公开',
  (i, y) => `${i.body.shortName}${y}年扶贫监督举报件办理结果公告`,
];

function composeComplaints(input: ComposeInput, k: Complaints): ComposedPost {
  const { rng } = input;
  const year = yearOf(input.event.formed);
  const issue = Number(/第(\d+)期/.exec(input.event.title)?.[1] ?? 1);
  const title = rng.derive('title').pick(COMPLAINT_TITLES)(input, year, issue);
  const stated = input.include.has('举报受理办理结果');
  const cases = k.cases.map((c) => ({ date: dateText(c.received, rng), ...c }));
  const rows = [
    ['序号', '受理时间', '反映问题', '办理结果'],
    ...cases.map((c, i) => [String(i + 1), c.date, c.summary, c.result]),
  ];
  const lead = `${bodyLabel(input.body, rng)}${rng.pick(['本期', '近期'])}共受理扶贫领域信访举报${k.cases.length}件${stated ? '，已全部办结' : ''}。`;
  const attachments: ComposedAttachment[] = [];
  let blocks: Block[] = [para(lead)];
  if (stated) {
    switch (rng.derive('layout').pick(['numbered', 'table', 'attached'] as const)) {
      case 'numbered':
        blocks.push(...enumerate(cases.map((c) => `${c.date}，群众${c.summary}。办理结果：${c.result}。`)));
        break;
      case 'table':
        blocks.push(para('现将办理结果公告如下：'), table(rows));
        break;
      case 'attached':
        blocks = [para(`${lead}现将办理结果予以公开，详见附件。`)];
        attachments.push(
          attachment(`${year}年第${issue}期扶贫领域举报件办理结果`, rows, rng, ['xlsx', 'pdf']),
        );
        break;
    }
  }
  if (free(input, NATIONAL)) blocks.push(para('欢迎社会各界继续监督，全国扶贫监督举报电话：12317。'));
  blocks.push(...closing(input, contactPhrase(input, { phone: free(input, PHONE) })));
  return finish(input, { title, blocks, signature: signatureOf(input), attachments });
}

/** oversight.reporting: the 监督举报电话 notice (hotline) or a notice of complaints handled (complaints). */
export const composeOversight: Composer = (input): ComposedPost => {
  const payload = input.event.payload;
  if (payload.kind === 'hotline') return composeHotline(input, payload);
  if (payload.kind === 'complaints') return composeComplaints(input, payload);
  throw new Error(`oversight.reporting has no composer for payload ${payload.kind}`);
};

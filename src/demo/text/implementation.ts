import type { Project } from '../model.js';
import {
  attachment,
  bodyLabel,
  closing,
  dateText,
  enumerate,
  finish,
  para,
  pickStable,
  signatureOf,
  table,
  townshipOf,
  yearOf,
} from './common.js';
import {
  amountText,
  beneficiariesOf,
  endMonth,
  LABELS,
  periodOf,
  styleOf,
  unitAndManager,
} from './project-fields.js';
import type { Block, ComposedAttachment, ComposedPost, ComposeInput, Composer } from './types.js';

type Projects = Extract<ComposeInput['event']['payload'], { kind: 'projects' }>;

interface Ctx {
  input: ComposeInput;
  p: Project;
  year: number;
  before: boolean;
  has: (key: string) => boolean;
}

type Title = { needs?: string; make: (c: Ctx) => string };

const BEFORE_TITLES: Title[] = [
  { needs: '项目名称', make: (c) => `${c.p.name}实施前公示` },
  { needs: '项目名称', make: (c) => `关于${c.p.name}的公示` },
  { make: (c) => `${c.p.village}${c.year}年扶贫项目实施前公示` },
  { needs: '项目名称', make: (c) => `${c.p.township}${c.p.name}开工前公示` },
  { make: (c) => `${c.p.village}关于实施${c.year}年扶贫项目的公示` },
  { needs: '项目名称', make: (c) => `${c.year}年${c.p.name}建设公示` },
  { make: (c) => `${c.p.village}扶贫项目公示牌（实施前）` },
];

const AFTER_TITLES: Title[] = [
  { needs: '检查验收结果', make: (c) => `${c.p.name}竣工验收公告` },
  { make: (c) => `${c.p.name}实施后公告` },
  { make: (c) => `关于${c.p.name}实施情况的公示` },
  { make: (c) => `${c.p.village}${c.year}年扶贫项目完工后公告` },
  { needs: '检查验收结果', make: (c) => `${c.p.name}验收结果公示` },
  { needs: '资金使用', make: (c) => `${c.p.name}资金使用情况公示` },
  { needs: '项目实施结果', make: (c) => `${c.p.name}实施结果公告` },
  { make: (c) => `${c.p.village}扶贫项目实施后公示（${c.p.name}）` },
];

// [key, label, value]; the before list also states the works (建设内容), which is no key of the row.
function facts(c: Ctx): [string, string, string][] {
  const { rng } = c.input;
  const { p } = c;
  const township = townshipOf(c.input)?.shortName ?? p.township;
  const all: [string, string, string][] = c.before
    ? [
        ['项目名称', '项目名称', p.name],
        ['', rng.pick(LABELS.task), p.task],
        ['资金来源', rng.pick(['资金来源', '资金来源及金额']), `${p.fundSource}${amountText(p, rng)}`],
        ['实施期限', rng.pick(['实施期限', '建设工期']), periodOf(p, c.year, styleOf(rng))],
        ['实施单位及责任人', rng.pick(['实施单位及责任人', '实施单位、责任人']), unitAndManager(p, rng)],
        ['受益对象', '受益对象', beneficiariesOf(p, styleOf(rng))],
        ['绩效目标', rng.pick(LABELS.target), p.target],
        ['带贫减贫机制', rng.pick(LABELS.mechanism), p.mechanism],
      ]
    : [
        ['', '项目名称', p.name],
        [
          '项目实施结果',
          rng.pick(['项目实施结果', '实施情况']),
          `已完成${p.task}，于${c.year}年${endMonth(p)}月完工`,
        ],
        [
          '资金使用',
          rng.pick(['资金使用情况', '资金使用']),
          `项目资金${amountText(p, rng)}，已全部拨付到位，无结余`,
        ],
        [
          '检查验收结果',
          rng.pick(['检查验收结果', '验收情况']),
          `经${township}人民政府组织${p.unit}等单位联合验收，质量合格，同意交付使用`,
        ],
        ['绩效目标实现情况', '绩效目标实现情况', `项目已投入使用，${p.target}，绩效目标已实现`],
      ];
  return all.filter(([key]) => key === '' || c.has(key));
}

function intro(c: Ctx): string {
  const { rng, body } = c.input;
  if (c.before) {
    const name = c.has('项目名称') ? c.p.name : `${c.year}年扶贫项目`;
    return `为接受群众监督，确保扶贫项目公开透明，${bodyLabel(body, rng)}拟实施${name}，现将项目有关情况公示如下：`;
  }
  const state = c.has('项目实施结果')
    ? rng.pick(['已按计划实施完毕', '现已实施完毕', '已建成'])
    : '有关工作已结束';
  return `${c.p.name}${state}，根据扶贫资金项目公告公示制度要求，现将有关情况公告如下：`;
}

function narrative(c: Ctx): Block[] {
  const { p, has } = c;
  const { rng } = c.input;
  if (c.before) {
    const s: string[] = [`${c.has('项目名称') ? p.name : '本项目'}主要建设内容为${p.task}`];
    if (has('资金来源')) s.push(`使用${p.fundSource}${amountText(p, rng)}`);
    if (has('实施单位及责任人')) s.push(`由${p.unit}负责实施，项目负责人${p.manager}`);
    if (has('实施期限')) s.push(`计划实施期限为${periodOf(p, c.year, styleOf(rng))}`);
    const out = [para(`${s.join('，')}。`)];
    if (has('受益对象')) out.push(para(`项目${beneficiariesOf(p, styleOf(rng))}。`));
    if (has('绩效目标')) out.push(para(`绩效目标：${p.target}。`));
    if (has('带贫减贫机制')) out.push(para(`带贫减贫机制：${p.mechanism}。`));
    return out;
  }
  return facts(c)
    .filter(([key]) => key !== '')
    .map(([, label, value]) => para(`${label}：${value}。`));
}

/** projects.implementation: 实施前公示 (phase before) or 实施后公告 (phase after) of one project. */
export const composeImplementation: Composer = (input): ComposedPost => {
  const { rng } = input;
  const payload = input.event.payload as Projects;
  const p = payload.projects[0] as Project;
  const c: Ctx = {
    input,
    p,
    year: yearOf(input.event.formed),
    before: payload.phase !== 'after',
    has: (key) => input.include.has(key),
  };
  const eligible = (t: Title) => !t.needs || c.has(t.needs);
  const title = pickStable(rng.derive('title'), c.before ? BEFORE_TITLES : AFTER_TITLES, eligible).make(c);
  const rows = facts(c).map(([, label, value]) => [label, value]);
  const attachments: ComposedAttachment[] = [];
  let blocks: Block[];
  switch (rng.derive('layout').pick(['numbered', 'board', 'narrative', 'attached', 'chatty'] as const)) {
    case 'numbered':
      blocks = [para(intro(c)), ...enumerate(rows.map(([label, value]) => `${label}：${value}。`))];
      break;
    case 'board':
      blocks = [para(intro(c)), table([['项目', '内容'], ...rows])];
      break;
    case 'narrative':
      blocks = [para(intro(c).replace(/，现将.*$/, '。')), ...narrative(c)];
      break;
    case 'attached':
      blocks = [para(intro(c).replace(/如下：$/, '，详见附件。'))];
      attachments.push(attachment(`${title}表`, [['项目', '内容'], ...rows], rng, ['docx', 'pdf', 'xlsx']));
      break;
    case 'chatty':
      blocks = [
        para(rng.pick(['各位父老乡亲：', '各位村民：', '乡亲们：'])),
        para(intro(c).replace(/^为接受群众监督，确保扶贫项目公开透明，/, '')),
        ...rows.map(([label, value]) => para(`▶${label}：${value}`)),
        para(`时间：${dateText(input.publishedAt, rng)}`),
      ];
      break;
  }
  blocks.push(...closing(input));
  return finish(input, { title, blocks, signature: signatureOf(input), attachments });
};

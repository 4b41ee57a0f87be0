import type { Project } from '../model.js';
import {
  attachment,
  bodyLabel,
  closing,
  contactPhrase,
  dateText,
  enumerate,
  finish,
  officePhone,
  para,
  pickStable,
  signatureOf,
  table,
  wan,
  yearOf,
} from './common.js';
import { amountText, LABELS, placeOf } from './project-fields.js';
import type { Block, ComposedPost, ComposeInput, Composer } from './types.js';

type Projects = Extract<ComposeInput['event']['payload'], { kind: 'projects' }>;

const SECTOR_WORD: Record<string, string> = { jtj: '交通', slj: '水利', jyj: '教育' };

interface Ctx {
  input: ComposeInput;
  p: Project;
  year: number;
  phone: string;
}

type Title = { needs?: string; make: (c: Ctx) => string };

const TITLES: Title[] = [
  { needs: '项目名称', make: (c) => `${c.input.body.shortName}关于${c.p.name}资金安排情况的公告` },
  { make: (c) => `${c.year}年${c.input.body.shortName}行业扶贫资金项目公示` },
  { needs: '项目名称', make: (c) => `${c.p.name}公示` },
  {
    make: (c) =>
      `${c.input.district.shortName}${c.year}年${SECTOR_WORD[c.input.body.id] ?? '行业'}行业扶贫项目资金安排公告`,
  },
  { needs: '项目名称', make: (c) => `关于下达${c.year}年${c.p.name}资金的公示` },
  { make: (c) => `${c.input.body.shortName}${c.year}年度扶贫项目资金信息公开` },
  { make: (c) => `${c.input.body.shortName}${c.year}年行业扶贫相关财政资金公告公示` },
];

// Each fact as a labelled statement; the order is the catalog's.
function facts(c: Ctx): [string, string, string][] {
  const { rng } = c.input;
  const { p } = c;
  const all: [string, string, string][] = [
    ['项目名称', rng.pick(LABELS.name), p.name],
    ['实施地点', rng.pick(LABELS.place), placeOf(p)],
    ['资金规模', '资金规模', `${amountText(p, rng)}（${p.fundSource}）`],
    ['实施单位', rng.pick(LABELS.unit), p.unit],
    ['带贫减贫机制', rng.pick(LABELS.mechanism), p.mechanism],
    ['绩效目标', rng.pick(LABELS.target), p.target],
    ['监督方式', '监督方式', `接受社会监督，监督电话${c.phone}，全国扶贫监督举报电话12317`],
  ];
  return all.filter(([key]) => c.input.include.has(key));
}

function intro(c: Ctx): string {
  const { rng } = c.input;
  const basis = rng.pick([
    '根据《国务院扶贫办 财政部关于完善扶贫资金项目公告公示制度的指导意见》要求',
    '按照扶贫领域基层政务公开标准指引要求',
    '为进一步加强行业扶贫资金管理，提高资金使用透明度',
  ]);
  return `${basis}，现将${bodyLabel(c.input.body, rng)}${c.year}年行业扶贫相关财政资金项目情况公告如下：`;
}

function numbered(c: Ctx): Block[] {
  return [para(intro(c)), ...enumerate(facts(c).map(([, label, value]) => `${label}：${value}。`))];
}

function keyValueTable(c: Ctx): Block[] {
  return [para(intro(c)), table([['内容', '情况'], ...facts(c).map(([, label, value]) => [label, value])])];
}

function rowTable(c: Ctx): string[][] {
  const f = facts(c).map(([key, label, value]) =>
    key === '资金规模' ? ['资金规模（万元）', wan(c.p.amount)] : [label, value],
  );
  return [
    ['序号', ...f.map(([label]) => label as string)],
    ['1', ...f.map(([, value]) => value as string)],
  ];
}

function narrative(c: Ctx): Block[] {
  const { include, rng } = c.input;
  const has = (k: string) => include.has(k);
  const { p } = c;
  const first = [`${dateText(c.input.event.formed, rng)}，${c.input.body.shortName}安排行业扶贫资金`];
  if (has('资金规模')) first.push(`共计${amountText(p, rng)}`);
  first.push(has('项目名称') ? `用于${p.name}` : '用于贫困村基础设施建设');
  const blocks: Block[] = [para(`${first.join('，')}。`)];
  const second: string[] = [];
  if (has('实施地点')) second.push(`项目位于${placeOf(p)}`);
  if (has('实施单位')) second.push(`由${p.unit}负责实施`);
  if (second.length > 0) blocks.push(para(`${second.join('，')}。`));
  if (has('绩效目标')) blocks.push(para(`项目绩效目标：${p.target}。`));
  if (has('带贫减贫机制')) blocks.push(para(`带贫减贫机制：${p.mechanism}。`));
  if (has('监督方式')) {
    blocks.push(para(`欢迎社会各界监督，监督举报电话：${c.phone}，也可拨打全国扶贫监督举报电话12317。`));
  }
  return blocks;
}

/** funds.sector: 行业扶贫相关财政资金, one project of a sector department. */
export const composeSector: Composer = (input): ComposedPost => {
  const payload = input.event.payload as Projects;
  const p = payload.projects[0] as Project;
  const { rng } = input;
  const c: Ctx = {
    input,
    p,
    year: yearOf(input.event.formed),
    phone: officePhone(rng.derive('phone', input.body.id)),
  };
  const title = pickStable(rng.derive('title'), TITLES, (t) => !t.needs || input.include.has(t.needs)).make(
    c,
  );
  const structure = rng.derive('layout').pick(['numbered', 'kv', 'row', 'attached', 'narrative'] as const);
  let blocks: Block[];
  const attachments = [];
  if (structure === 'numbered') blocks = numbered(c);
  else if (structure === 'kv') blocks = keyValueTable(c);
  else if (structure === 'row') blocks = [para(intro(c)), table(rowTable(c))];
  else if (structure === 'narrative') blocks = narrative(c);
  else {
    blocks = [para(`${intro(c).replace(/如下：$/, '')}，具体见附件。`)];
    attachments.push(attachment(`${c.year}年行业扶贫资金项目公示表`, rowTable(c), rng));
  }
  // Without a 监督方式 the objection line names no phone, so it cannot read as one.
  const contact = input.include.has('监督方式')
    ? `向${input.body.shortName}反映（联系电话：${c.phone}）`
    : contactPhrase(input, { phone: false });
  blocks.push(...closing(input, contact));
  return finish(input, { title, blocks, signature: signatureOf(input), attachments });
};

import {
  attachment,
  bodyLabel,
  closing,
  enumerate,
  finish,
  heading,
  para,
  pickStable,
  signatureOf,
  table,
  townshipOf,
  yearOf,
} from './common.js';
import {
  countText,
  EXIT_ORDER,
  exitClauses,
  householdRows,
  IDENTIFICATION_ORDER,
  identificationClauses,
} from './household-text.js';
import type { Block, ComposedAttachment, ComposedPost, ComposeInput, Composer } from './types.js';

type Households = Extract<ComposeInput['event']['payload'], { kind: 'households' }>;

interface Ctx {
  input: ComposeInput;
  h: Households;
  year: number;
  exit: boolean;
  listKey: string;
  has: (key: string) => boolean;
  clauses: Record<string, string>;
  rows: string[][];
}

type Title = { needs?: string; make: (c: Ctx) => string };

const IDENTIFICATION_TITLES: Title[] = [
  { make: (c) => `${c.h.village}${c.year}年新识别贫困户公示` },
  { make: (c) => `关于${c.h.village}${c.h.batch}的公示` },
  { make: (c) => `${townshipOf(c.input)?.shortName ?? ''}${c.h.village}贫困户识别结果公示` },
  { make: (c) => `${c.h.village}${c.year}年贫困人口动态调整（新增）公示` },
  { make: (c) => `${c.input.body.aliases[0] ?? c.h.village}关于新识别建档立卡贫困户的公示` },
  { needs: '贫困户名单', make: (c) => `${c.year}年${c.h.village}新纳入建档立卡贫困户名单公示` },
  { make: (c) => `${c.h.village}贫困户识别公告` },
];

const EXIT_TITLES: Title[] = [
  { make: (c) => `${c.h.village}${c.year}年拟退出贫困户公示` },
  { make: (c) => `关于${c.h.village}${c.year}年贫困户脱贫退出的公示` },
  { make: (c) => `${c.h.village}${c.year}年度贫困人口退出公示` },
  {
    needs: '脱贫名单',
    make: (c) => `${townshipOf(c.input)?.shortName ?? ''}${c.h.village}${c.year}年脱贫户名单公示`,
  },
  { make: (c) => `${c.h.village}关于${c.year}年拟脱贫户的公告` },
  { make: (c) => `${c.h.village}${c.year}年贫困户脱贫退出公告` },
  { make: (c) => `关于${c.year}年度拟退出贫困户的公示` },
];

const stated = (c: Ctx, keys: readonly string[]) =>
  keys.filter((k) => c.has(k)).map((k) => c.clauses[k] as string);

// The result sentence: how many, and where the names are.
function result(c: Ctx, where: 'below' | 'attached' | 'appended'): string {
  const { h } = c;
  const count = c.exit || c.has('数量') ? countText(h.households) : '';
  const what = c.exit ? `${c.year}年拟退出贫困户${count}` : `${c.year}年新识别贫困户${count}`;
  if (!c.has(c.listKey)) return `本村${what}，现予以公示。`;
  const list = { below: '名单如下', attached: '名单见附件', appended: '名单附后' }[where];
  return `本村${what}，现将${c.exit ? '脱贫名单' : '名单'}予以公示，${list}。`;
}

function numbered(c: Ctx): Block[] {
  const lines: string[] = [];
  const groups = c.exit
    ? [
        ['退出计划', EXIT_ORDER.plan],
        ['退出标准', EXIT_ORDER.standard],
        ['退出程序', EXIT_ORDER.procedure],
      ]
    : [
        ['识别标准', IDENTIFICATION_ORDER.standard],
        ['识别程序', IDENTIFICATION_ORDER.procedure],
      ];
  for (const [label, keys] of groups as [string, readonly string[]][]) {
    const parts = stated(c, keys);
    if (parts.length > 0) lines.push(`${label}：${parts.join('；')}。`);
  }
  lines.push(`${c.exit ? '退出结果' : '识别结果'}：${result(c, 'below')}`);
  const blocks = [para(basis(c)), ...enumerate(lines)];
  return c.has(c.listKey) ? [...blocks, table(c.rows)] : blocks;
}

function basis(c: Ctx): string {
  const { rng } = c.input;
  return c.exit
    ? rng.pick([
        '根据《关于建立贫困退出机制的意见》和区脱贫攻坚工作安排，现将本村贫困户退出有关情况公示如下：',
        `按照${c.year}年贫困人口退出工作要求，现将有关情况公示如下：`,
      ])
    : rng.pick([
        '根据《国务院扶贫办关于进一步完善贫困人口动态管理工作的通知》要求，现将本村贫困人口识别情况公示如下：',
        `按照${c.year}年扶贫对象动态管理工作安排，现将有关情况公示如下：`,
      ]);
}

function prose(c: Ctx, where: 'below' | 'attached' | 'appended'): string[] {
  const out: string[] = [];
  const [standard, procedure] = c.exit
    ? [stated(c, [...EXIT_ORDER.plan, ...EXIT_ORDER.standard]), stated(c, EXIT_ORDER.procedure)]
    : [stated(c, IDENTIFICATION_ORDER.standard), stated(c, IDENTIFICATION_ORDER.procedure)];
  if (standard.length > 0) out.push(`${c.exit ? '' : '识别依据：'}${standard.join('，')}。`);
  if (procedure.length > 0) out.push(`经${procedure.join('，')}，${result(c, where)}`);
  else out.push(result(c, where));
  return out;
}

/** target.identification and target.exit: a village's notice of new or exiting poor households. */
export const composeHouseholds: Composer = (input): ComposedPost => {
  const { rng } = input;
  const h = input.event.payload as Households;
  const exit = input.event.item === 'target.exit';
  const year = yearOf(input.event.formed);
  const has = (key: string) => input.include.has(key);
  const planned = h.households.length + rng.int(0, 2);
  const c: Ctx = {
    input,
    h,
    year,
    exit,
    listKey: exit ? '脱贫名单' : '贫困户名单',
    has,
    clauses: exit ? exitClauses(rng, year, planned) : identificationClauses(rng, year),
    rows: householdRows(input, h.households, exit && has('人均纯收入稳定超过国定标准')),
  };
  const eligible = (t: Title) => !t.needs || has(t.needs);
  const title = pickStable(rng.derive('title'), exit ? EXIT_TITLES : IDENTIFICATION_TITLES, eligible).make(c);
  const listed = has(c.listKey);
  const listName = `${h.village}${exit ? `${year}年拟退出贫困户名单` : `${year}年新识别贫困户名单`}`;
  const attachments: ComposedAttachment[] = [];
  let blocks: Block[];
  switch (rng.derive('layout').pick(['numbered', 'prose', 'attached', 'appended', 'chatty'] as const)) {
    case 'numbered':
      blocks = [...numbered(c), ...closing(input)];
      break;
    case 'prose':
      blocks = [...prose(c, 'below').map(para), ...(listed ? [table(c.rows)] : []), ...closing(input)];
      break;
    case 'attached':
      blocks = [...prose(c, 'attached').map(para), ...closing(input)];
      if (listed) attachments.push(attachment(listName, c.rows, rng));
      break;
    case 'appended':
      blocks = [...prose(c, 'appended').map(para), ...closing(input)];
      if (listed) blocks.push(heading(`附：${listName}`), table(c.rows));
      break;
    case 'chatty':
      blocks = [
        para(rng.pick(['各位村民：', '各位父老乡亲：', '全体村民：'])),
        para(`${bodyLabel(input.body, rng)}${rng.pick(['发布', '通知'])}：`),
        ...prose(c, 'below').map(para),
        ...(listed ? [table(c.rows)] : []),
        ...closing(input),
      ];
      break;
  }
  return finish(input, { title, blocks, signature: signatureOf(input), attachments });
};

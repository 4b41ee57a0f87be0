import { attachment, closing, finish, heading, para, pickStable, signatureOf } from './common.js';
import { documentLines, isDecree, type Policy } from './policy-text.js';
import type { Block, ComposedAttachment, ComposedPost, ComposeInput, Composer } from './types.js';

type Title = { when?: (p: Policy) => boolean; make: (p: Policy, input: ComposeInput) => string };

const upper = (p: Policy) => p.level === 'central' || p.level === 'province' || p.level === 'city';

const printed = (p: Policy) => !isDecree(p.docNo);

const TITLES: Title[] = [
  { when: printed, make: (p) => `关于印发《${p.docTitle}》的通知` },
  { when: (p) => printed(p) && Boolean(p.docNo), make: (p) => `${p.docNo} 关于印发《${p.docTitle}》的通知` },
  { make: (p) => p.docTitle },
  { make: (p) => `《${p.docTitle}》全文` },
  { when: printed, make: (p) => `${p.issuer.split(' ')[0]}关于印发《${p.docTitle}》的通知` },
  {
    when: (p) => upper(p) && printed(p),
    make: (p, i) => `${i.body.shortName}转发${p.issuer.split(' ')[0]}关于印发《${p.docTitle}》的通知`,
  },
  {
    when: (p) => !printed(p),
    make: (p) => `${p.issuer}令（${p.docNo?.replace(p.issuer, '').replace(/^令/, '')}）`,
  },
  { make: (p) => `【政策文件】${p.docTitle}` },
  { when: (p) => Boolean(p.docNo), make: (p) => `${p.docTitle}（${p.docNo}）` },
];

const ADDRESSEES: Record<Policy['level'], string> = {
  central: '各乡镇人民政府、街道办事处，区直各部门：',
  province: '各乡镇人民政府、街道办事处，区直各部门：',
  city: '各乡镇人民政府、街道办事处，区直各部门：',
  district: '各乡镇人民政府、街道办事处，区直有关单位：',
  township: '各村（社区）党支部、村（居）委会，镇直各单位：',
};

// A government's 规章 is promulgated by 令: its number, and the sentence that it was adopted and is published.
function decree(p: Policy, input: ComposeInput): Block[] {
  const year = input.event.formed.slice(0, 4);
  const month = Number(input.event.formed.slice(5, 7));
  return [
    para(p.docNo ?? ''),
    para(
      `《${p.docTitle}》已经${year}年${month}月省政府第${input.rng.int(60, 99)}次常务会议通过，现予公布，自公布之日起施行。`,
    ),
  ];
}

function cover(p: Policy, input: ComposeInput, attached: boolean): Block[] {
  const { rng } = input;
  if (isDecree(p.docNo)) return [...decree(p, input), ...(attached ? [para(`附件：${p.docTitle}`)] : [])];
  const verb = upper(p) ? '转发' : '印发';
  const tail = rng.pick([
    '请结合实际，认真贯彻执行。',
    '请认真遵照执行。',
    '请各单位结合工作实际，抓好贯彻落实。',
  ]);
  const blocks: Block[] = [];
  if (p.docNo && rng.chance(0.6)) blocks.push(para(p.docNo));
  blocks.push(para(ADDRESSEES[p.level]), para(`现将《${p.docTitle}》${verb}给你们，${tail}`));
  if (attached) blocks.push(para(`附件：${p.docTitle}`));
  return blocks;
}

// A post about the document that carries none of its text (the planner left the document out).
function stub(p: Policy, input: ComposeInput): Block[] {
  return [
    para(
      `《${p.docTitle}》已于${input.event.formed.slice(0, 4)}年由${p.issuer}${isDecree(p.docNo) ? '公布' : '印发'}，请各单位遵照执行。`,
    ),
  ];
}

/** policy.*: a policy document, in full, attached, or reposted with its cover notice. */
export const composePolicy: Composer = (input): ComposedPost => {
  const { rng } = input;
  const p = input.event.payload as Policy;
  const title = pickStable(rng.derive('title'), TITLES, (t) => !t.when || t.when(p)).make(p, input);
  const lines = documentLines(p, input.district.shortName);
  const signature = signatureOf(input, input.event.formed, p.issuer);
  const attachments: ComposedAttachment[] = [];
  const stated = input.keys.some((k) => input.include.has(k)) || input.keys.length === 0;
  let blocks: Block[];
  if (!stated) {
    blocks = stub(p, input);
  } else {
    switch (rng.derive('layout').pick(['cover-full', 'attached', 'bare', 'source'] as const)) {
      case 'cover-full':
        blocks = [...cover(p, input, false), heading(p.docTitle), ...lines.map(para)];
        break;
      case 'attached':
        blocks = cover(p, input, true);
        attachments.push(
          attachment(p.docTitle, [[p.docTitle], ...lines.map((l) => [l])], rng, ['docx', 'pdf']),
        );
        break;
      case 'bare':
        blocks = [...(isDecree(p.docNo) ? decree(p, input) : []), ...lines.map(para)];
        break;
      case 'source':
        blocks = [
          para(`来源：${upper(p) ? `${p.issuer.split(' ')[0]}网站` : input.body.name}`),
          heading(p.docTitle),
          ...(p.docNo ? [para(`（${p.docNo}）`)] : []),
          ...lines.map(para),
        ];
        break;
    }
  }
  blocks.push(...(input.notice ? closing(input) : []));
  return finish(input, { title, blocks, signature, attachments });
};

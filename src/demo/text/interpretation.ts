import {
  attachment,
  bodyLabel,
  closing,
  enumerate,
  finish,
  heading,
  officePhone,
  para,
  signatureOf,
} from './common.js';
import { kindWord, type Policy, topicOf } from './policy-text.js';
import type { Block, ComposedAttachment, ComposedPost, ComposeInput, Composer } from './types.js';

const TITLES: ((p: Policy, input: ComposeInput) => string)[] = [
  (p) => `《${p.docTitle}》政策解读`,
  (p) => `一图读懂《${p.docTitle}》`,
  (p) => `《${p.docTitle}》解读`,
  (p) => `关于《${p.docTitle}》的政策解读`,
  (p) => `图解：${p.docTitle}`,
  (p) => `【政策解读】${p.docTitle}`,
  (p) => `解读《${p.docTitle}》：这些要点要知道`,
  (p, i) => `${i.body.shortName}负责人就《${p.docTitle}》答记者问`,
];

interface Ctx {
  input: ComposeInput;
  p: Policy;
  word: string;
  short: string;
}

function background(c: Ctx): string {
  const own = c.p.level === 'district' || c.p.level === 'township';
  const who = own
    ? `${bodyLabel(c.input.body, c.input.rng)}在深入调研、广泛征求意见的基础上，起草了`
    : `${c.p.issuer}印发了`;
  return `为${topicOf(c.p).purpose}，${who}《${c.p.docTitle}》（以下简称《${c.short}》）。`;
}

function basis(c: Ctx): string {
  return `《${c.short}》依据国家和省关于脱贫攻坚的有关政策规定，结合${c.input.district.shortName}实际制定。`;
}

function contents(c: Ctx): string[] {
  return topicOf(c.p).points.map((point) => `${point}。`);
}

function contact(c: Ctx): string {
  return `解读机关：${c.input.body.name}；联系电话：${officePhone(c.input.rng)}。`;
}

function numbered(c: Ctx): Block[] {
  return [
    ...enumerate([
      `起草背景。${background(c)}`,
      `制定依据。${basis(c)}`,
      `主要内容。《${c.short}》共分以下几个方面：`,
    ]),
    ...enumerate(contents(c), 'paren'),
    para(`四、${contact(c)}`),
  ];
}

function questions(c: Ctx): Block[] {
  const points = contents(c);
  return [
    para(`问：为什么要制定《${c.p.docTitle}》？`),
    para(`答：${background(c)}`),
    para(`问：《${c.short}》的适用范围是什么？`),
    para(`答：适用于${topicOf(c.p).scope}。`),
    para(`问：《${c.short}》有哪些主要内容？`),
    para(`答：主要有以下几点：${points.join('')}`),
    para(contact(c)),
  ];
}

function interview(c: Ctx): Block[] {
  const points = contents(c);
  return [
    para(
      `近日，《${c.p.docTitle}》正式印发。就${c.word}出台的背景和主要内容，记者采访了${c.input.body.shortName}有关负责人。`,
    ),
    para(`记者：请介绍一下${c.word}出台的背景。`),
    para(`负责人：${background(c)}`),
    para(`记者：${c.word}有哪些亮点？`),
    para(`负责人：一是${points[0] ?? ''}二是${points[1] ?? ''}三是${points[2] ?? ''}`),
  ];
}

function graphic(c: Ctx): { blocks: Block[]; attachments: ComposedAttachment[] } {
  const slides = [
    `一图读懂《${c.p.docTitle}》`,
    `▶ 目的：${topicOf(c.p).purpose}`,
    ...contents(c).map((p) => `▶ ${p}`),
  ];
  const blocks: Block[] = [heading(slides[0] as string), ...slides.slice(1).map(para)];
  if (c.input.rng.chance(0.5)) {
    return {
      blocks: [para(`（图文）一图读懂《${c.p.docTitle}》，详见附件。`)],
      attachments: [
        attachment(
          `一图读懂《${c.p.docTitle}》`,
          slides.map((s) => [s]),
          c.input.rng,
          ['pdf'],
        ),
      ],
    };
  }
  return { blocks, attachments: [] };
}

/** A 政策解读 of a policy document: the same items as the document, but never its text. */
export const composeInterpretation: Composer = (input): ComposedPost => {
  const { rng } = input;
  const p = input.event.payload as Policy;
  const word = kindWord(p);
  // Interpretations name the document by its kind after the first mention: 以下简称《办法》.
  const short = word === '规定' ? p.docTitle : word;
  const c: Ctx = { input, p, word: word === '规定' ? '该文件' : `该${word}`, short };
  const title = rng.derive('title').pick(TITLES)(p, input);
  let blocks: Block[];
  let attachments: ComposedAttachment[] = [];
  switch (rng.derive('layout').pick(['numbered', 'questions', 'interview', 'graphic'] as const)) {
    case 'numbered':
      blocks = numbered(c);
      break;
    case 'questions':
      blocks = questions(c);
      break;
    case 'interview':
      blocks = interview(c);
      break;
    case 'graphic':
      ({ blocks, attachments } = graphic(c));
      break;
  }
  // A 解读 states no period of its own; should the planner give one, it is said once like any other.
  if (input.notice) blocks.push(...closing(input));
  return finish(input, { title, blocks, signature: signatureOf(input), attachments });
};

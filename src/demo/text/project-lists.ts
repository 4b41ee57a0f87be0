import type { Project } from '../model.js';
import {
  attachment,
  bodyLabel,
  closing,
  enumerate,
  finish,
  heading,
  numeral,
  para,
  signatureOf,
  table,
  wan,
  yearOf,
} from './common.js';
import { type Column, columnsFor, progressOf, projectTable } from './project-columns.js';
import { totalWan } from './project-fields.js';
import { listTitle } from './project-titles.js';
import type { Block, ComposedAttachment, ComposedPost, ComposeInput, Composer } from './types.js';

type Projects = Extract<ComposeInput['event']['payload'], { kind: 'projects' }>;
type Kind = 'library' | 'plan' | 'approval' | 'completion';

interface Ctx {
  input: ComposeInput;
  kind: Kind;
  payload: Projects;
  projects: readonly Project[];
  year: number;
  columns: Column[];
  has: (key: string) => boolean;
}

function kindOf(input: ComposeInput): Kind {
  if (input.event.item === 'projects.library') return 'library';
  if (input.event.item === 'projects.annual-completion') return 'completion';
  return input.event.row === 'b' ? 'approval' : 'plan';
}

const DECIDED_BY: Record<ComposeInput['body']['level'], string> = {
  county: '区脱贫攻坚领导小组研究',
  department: '局党组研究',
  township: '乡镇党委政府研究',
  village: '村“两委”会议研究并经村民代表大会通过',
};

function intro(c: Ctx): string {
  const { rng, body } = c.input;
  const scope = c.payload.scope;
  switch (c.kind) {
    case 'library':
      return `${rng.pick(['根据《国务院扶贫办关于完善县级脱贫攻坚项目库建设的指导意见》要求', '按照项目库建设工作安排'])}，经村级申报、乡镇初审、区级审定，现将${scope}${c.year}年脱贫攻坚项目库入库项目予以公告。`;
    case 'plan':
      return `根据${c.year}年脱贫攻坚工作安排，经${DECIDED_BY[body.level]}，现将${scope}${c.year}年扶贫资金项目计划公告如下。`;
    case 'approval': {
      const approver = c.payload.approvedBy ?? '区脱贫攻坚工作指挥部';
      return `${approver}《关于${c.year}年扶贫资金项目计划的批复》（三示范脱贫指〔${c.year}〕${rng.int(3, 30)}号）已下达，现将涉及${scope}的批复项目公示如下。`;
    }
    case 'completion':
      return rng.pick([
        `根据扶贫资金项目公告公示制度要求，现将${scope}${c.year}年度扶贫资金项目计划完成情况公告如下。`,
        `${c.year}年度扶贫资金项目计划已执行至年底，${bodyLabel(body, rng)}现将完成情况公告如下。`,
      ]);
  }
}

// Sentences about the whole list, one per summary key stated.
function summary(c: Ctx): string[] {
  const n = c.projects.length;
  const total = totalWan(c.projects);
  const out: string[] = [];
  if (c.kind === 'library' && c.has('项目库规模')) {
    out.push(
      `经区脱贫攻坚工作指挥部审定，共入库项目${n}个${c.has('资金规模和筹资方式') ? `，总投资${total}万元` : ''}。`,
    );
  }
  if ((c.kind === 'plan' || c.kind === 'approval') && c.has('资金来源及规模')) {
    out.push(`本批计划共安排项目${n}个，计划投入资金${total}万元。`);
  }
  if (c.kind === 'completion') {
    const progress = c.projects.map((p) => progressOf(p, c.input.rng));
    const done = progress.filter((g) => g.done).length;
    if (c.has('项目建设完成'))
      out.push(`全年计划实施项目${n}个，已完工${done}个，完工率${Math.round((done * 100) / n)}%。`);
    if (c.has('资金使用')) {
      const paid = progress.reduce((s, g) => s + g.paid, 0);
      const all = c.projects.reduce((s, p) => s + p.amount, 0);
      out.push(
        `计划投入资金${total}万元，已拨付${Number(wan(paid))}万元，资金支付率${Math.round((paid * 100) / all)}%。`,
      );
    }
    if (c.has('绩效目标和减贫机制实现')) {
      const poor = c.projects.reduce((s, p) => s + p.poorBeneficiaries, 0);
      out.push(`通过项目实施，带动贫困人口${poor}人增收，年度绩效目标和减贫机制基本实现。`);
    }
  }
  return out;
}

function perProject(c: Ctx): Block[] {
  const lines = c.projects.map((p) => {
    const named = c.columns.find((col) => col.key === '项目名称' || col.header === '项目名称');
    const rest = c.columns
      .filter((col) => col !== named)
      .map(
        (col) =>
          `${col.header.replace(/（万元）/, '')}：${col.cell(p)}${/万元/.test(col.header) ? '万元' : ''}`,
      );
    return named ? `${named.cell(p)}。${rest.join('；')}。` : `${rest.join('；')}。`;
  });
  return [
    para(intro(c)),
    ...summary(c).map(para),
    ...enumerate(lines, c.input.rng.pick(['dun', 'paren'] as const)),
  ];
}

function sections(c: Ctx): Block[] {
  const parts: Block[] = [para(intro(c))];
  let n = 0;
  const facts = summary(c);
  if (facts.length > 0) parts.push(heading(`${numeral(n++)}、基本情况`), para(facts.join('')));
  parts.push(heading(`${numeral(n++)}、项目明细`), table(projectTable(c.projects, c.columns)));
  return parts;
}

/** Composes a list of projects: library (9), annual plan rows a and b (10), completion (11). */
export const composeProjectList: Composer = (input): ComposedPost => {
  const { rng } = input;
  const payload = input.event.payload as Projects;
  const year = yearOf(input.event.formed);
  const kind = kindOf(input);
  const has = (key: string) => input.include.has(key);
  const c: Ctx = {
    input,
    kind,
    payload,
    projects: payload.projects,
    year,
    columns: columnsFor(input.event.item, input.include, year, rng),
    has,
  };
  const title = listTitle(kind, { scope: payload.scope, year, has }, rng.derive('title'));
  const rows = projectTable(c.projects, c.columns);
  const attachments: ComposedAttachment[] = [];
  let blocks: Block[];
  switch (rng.derive('layout').pick(['per-project', 'table', 'attached', 'appendix', 'sections'] as const)) {
    case 'per-project':
      blocks = [...perProject(c), ...closing(input)];
      break;
    case 'table':
      blocks = [para(intro(c)), ...summary(c).map(para), table(rows), ...closing(input)];
      break;
    case 'attached':
      blocks = [
        para(`${intro(c).replace(/如下。$|。$/, '')}（详见附件）。`),
        ...summary(c).map(para),
        ...closing(input),
      ];
      attachments.push(attachment(title.replace(/^关于|的(公示|公告)$/g, ''), rows, rng));
      break;
    case 'appendix':
      blocks = [
        para(intro(c)),
        ...summary(c).map(para),
        ...closing(input),
        heading(`附表：${payload.scope}${year}年项目明细表`),
        table(rows),
      ];
      break;
    case 'sections':
      blocks = [...sections(c), ...closing(input)];
      break;
  }
  return finish(input, { title, blocks, signature: signatureOf(input), attachments });
};

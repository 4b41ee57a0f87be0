import type { ItemId } from '../../catalog/index.js';
import type { Project } from '../model.js';
import type { Rng } from '../random.js';
import { wan } from './common.js';
import {
  beneficiariesOf,
  endMonth,
  LABELS,
  participationOf,
  periodOf,
  placeOf,
  styleOf,
} from './project-fields.js';

/** A table column that states one element key of a project list. */
export interface Column {
  key: string;
  header: string;
  cell: (p: Project) => string;
}

/** How far a project got by the end of the year; drawn per project so all columns agree. */
export interface Progress {
  done: boolean;
  paid: number;
}

export function progressOf(p: Project, rng: Rng): Progress {
  const r = rng.derive('progress', p.id);
  const done = endMonth(p) <= 11 || r.chance(0.6);
  return { done, paid: done ? p.amount : Math.round((p.amount * r.int(50, 90)) / 100_000) * 1000 };
}

type Spec = [key: string, header: string, cell: (p: Project) => string];

function library(year: number, rng: Rng): Spec[] {
  const [period, benefit] = [styleOf(rng), styleOf(rng)];
  return [
    ['项目名称', '项目名称', (p) => p.name],
    ['项目类别', '项目类别', (p) => p.category],
    ['建设性质', '建设性质', (p) => p.nature],
    ['实施地点', rng.pick(LABELS.place), placeOf],
    ['时间进度', rng.pick(['时间进度', '进度安排']), (p) => periodOf(p, year, period)],
    ['责任单位', '责任单位', (p) => p.unit],
    ['建设任务', rng.pick(LABELS.task), (p) => p.task],
    ['资金规模和筹资方式', rng.pick(LABELS.amount), (p) => wan(p.amount)],
    ['资金规模和筹资方式', '筹资方式', (p) => p.fundSource],
    ['受益对象', '受益对象', (p) => beneficiariesOf(p, benefit)],
    ['绩效目标', rng.pick(LABELS.target), (p) => p.target],
    ['群众参与和带贫减贫机制', '群众参与和带贫减贫机制', (p) => participationOf(p, rng)],
  ];
}

function plan(year: number, rng: Rng): Spec[] {
  const period = styleOf(rng);
  return [
    ['项目名称', '项目名称', (p) => p.name],
    ['实施地点', rng.pick(LABELS.place), placeOf],
    ['建设任务', rng.pick(LABELS.task), (p) => p.task],
    ['补助标准', '补助标准', (p) => p.subsidyStandard],
    ['资金来源及规模', '资金来源', (p) => p.fundSource],
    ['资金来源及规模', rng.pick(LABELS.amount), (p) => wan(p.amount)],
    ['实施期限', rng.pick(['实施期限', '建设期限']), (p) => periodOf(p, year, period)],
    ['实施单位及责任人', '实施单位', (p) => p.unit],
    ['实施单位及责任人', '责任人', (p) => p.manager],
    ['绩效目标', rng.pick(LABELS.target), (p) => p.target],
    ['带贫减贫机制', rng.pick(LABELS.mechanism), (p) => p.mechanism],
  ];
}

function completion(rng: Rng): Spec[] {
  const status = (p: Project) => {
    const { done } = progressOf(p, rng);
    return done
      ? rng.pick(['已完工', '已竣工', '已建成投用', '已全部完成'])
      : rng.pick(['主体工程已完工', '在建，完成工程量约七成', '续建']);
  };
  const achieved = (p: Project) =>
    progressOf(p, rng).done ? `${p.target}；${p.mechanism}` : `预计${p.target}`;
  return [
    ['项目名称', '项目名称', (p) => p.name],
    ['建设任务', rng.pick(LABELS.task), (p) => p.task],
    ['项目建设完成', rng.pick(['完成情况', '建设完成情况', '项目进度']), status],
    ['资金使用', rng.pick(['计划资金（万元）', '计划投资（万元）']), (p) => wan(p.amount)],
    ['资金使用', rng.pick(['已拨付资金（万元）', '资金支付（万元）']), (p) => wan(progressOf(p, rng).paid)],
    ['绩效目标和减贫机制实现', '绩效目标和减贫机制实现情况', achieved],
  ];
}

/** The columns a list of projects has for the item, one or two per included key (the name always). */
export function columnsFor(item: ItemId, include: ReadonlySet<string>, year: number, rng: Rng): Column[] {
  const specs =
    item === 'projects.library'
      ? library(year, rng)
      : item === 'projects.annual-plan'
        ? plan(year, rng)
        : completion(rng);
  // A completion list names its projects (the name is no key there); in the library the names are also its 项目名单.
  const named = (key: string) =>
    key === '项目名称' && (item === 'projects.annual-completion' || include.has('项目名单'));
  return specs
    .filter(([key]) => include.has(key) || named(key))
    .map(([key, header, cell]) => ({ key, header, cell }));
}

/** A table of projects: 序号 and the columns. */
export function projectTable(projects: readonly Project[], columns: readonly Column[]): string[][] {
  return [
    ['序号', ...columns.map((c) => c.header)],
    ...projects.map((p, i) => [String(i + 1), ...columns.map((c) => c.cell(p))]),
  ];
}

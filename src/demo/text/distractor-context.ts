import type { IsoDate } from '../../catalog/index.js';
import type { District } from '../district.js';
import type { DemoBody } from '../model.js';
import { mask, personName } from '../people.js';
import type { Rng } from '../random.js';
import { formatDate, pickDateStyle } from './format.js';
import type { Block, ComposedAttachment } from './types.js';

/** What a distractor writer gets: the body, the date, and names drawn from the district. */
export interface DistractorContext {
  rng: Rng;
  district: District;
  body: DemoBody;
  date: IsoDate;
  year: number;
  /** Where the post is about: the township or village, or the district. */
  place: string;
  village: string;
  township: string;
  /** A project name of the kind the district builds. */
  project: string;
  day: (date?: IsoDate) => string;
  people: (count: number) => string[];
  maskedId: () => string;
}

/** A distractor as written: signed or not, perhaps with an attachment. */
export interface DistractorDraft {
  title: string;
  blocks: Block[];
  signed: boolean;
  attachments?: ComposedAttachment[];
}

export type DistractorWriter = (d: DistractorContext) => DistractorDraft;

const PROJECT_KINDS = [
  '通组道路硬化',
  '安全饮水巩固提升',
  '扶贫车间建设',
  '香菇种植大棚建设',
  '光伏电站建设',
];

/** Builds the context of one distractor from the composer's input. */
export function distractorContext(input: {
  rng: Rng;
  district: District;
  body: DemoBody;
  publishedAt: IsoDate;
}): DistractorContext {
  const { rng, district, body } = input;
  const villages = district.bodies.filter(
    (b) =>
      b.level === 'village' &&
      (body.level !== 'township' || b.parentId === body.id) &&
      (body.level !== 'village' || b.id === body.id),
  );
  const village = rng.pick(
    villages.length > 0 ? villages : district.bodies.filter((b) => b.level === 'village'),
  );
  const township = district.bodies.find((b) => b.id === village.parentId)?.shortName ?? '';
  const place = body.level === 'county' || body.level === 'department' ? district.shortName : body.shortName;
  return {
    rng,
    district,
    body,
    date: input.publishedAt,
    year: Number(input.publishedAt.slice(0, 4)),
    place,
    village: village.shortName,
    township,
    project: `${village.shortName}${rng.pick(PROJECT_KINDS)}项目`,
    day: (date = input.publishedAt) => formatDate(date, pickDateStyle(rng)),
    people: (count) => Array.from({ length: count }, () => personName(rng)),
    maskedId: () => {
      const digits = Array.from({ length: 18 }, () => String(rng.int(0, 9))).join('');
      return mask(`4112${digits.slice(4)}`, 'stars');
    },
  };
}

export const p = (text: string): Block => ({ kind: 'p', text });
export const h = (text: string): Block => ({ kind: 'h', text });
export const t = (rows: string[][]): Block => ({ kind: 'table', rows });

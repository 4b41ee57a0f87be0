import type { IsoDate } from '../../catalog/index.js';
import type { DemoBody } from '../model.js';
import type { Rng } from '../random.js';
import { countExposed } from './exposure.js';
import { formatDate, noticeSentence, pickDateStyle } from './format.js';
import type { Block, ComposedAttachment, ComposedPost, ComposeInput, DateStyle } from './types.js';

const DIGITS = '〇一二三四五六七八九';

/** The Chinese numeral of the i-th entry (0 → 一, 10 → 十一, 46 → 四十七), for numbered announcements. */
export function numeral(i: number): string {
  const n = i + 1;
  const [tens, ones] = [Math.floor(n / 10), n % 10];
  if (tens === 0) return DIGITS[ones] as string;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

export const para = (text: string): Block => ({ kind: 'p', text });
export const heading = (text: string): Block => ({ kind: 'h', text });
export const table = (rows: string[][]): Block => ({ kind: 'table', rows });

/** Paragraphs numbered 一、二、三 … in the given style (一、 or （一）). */
export function enumerate(lines: readonly string[], style: 'dun' | 'paren' = 'dun'): Block[] {
  return lines.map((line, i) =>
    para(style === 'dun' ? `${numeral(i)}、${line}` : `（${numeral(i)}）${line}`),
  );
}

/** A date written the way this page writes dates. */
export function dateText(date: IsoDate, rng: Rng): string {
  return formatDate(date, pickDateStyle(rng));
}

/** The year an event belongs to, as text. */
export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

/** How a body names itself in running text: full name, short name or an alias. */
export function bodyLabel(body: DemoBody, rng: Rng): string {
  return rng.weighted([[body.name, 3], [body.shortName, 2], ...body.aliases.map((a) => [a, 1] as const)]);
}

/** The township a body belongs to (itself for a township). */
export function townshipOf(input: ComposeInput): DemoBody | undefined {
  const { body, district } = input;
  if (body.level === 'township') return body;
  return district.bodies.find((b) => b.id === body.parentId);
}

/** A plausible office number of the district (not personal data). */
export function officePhone(rng: Rng): string {
  return `0398-28${rng.int(10000, 99999)}`;
}

/** Whom to contact, as the words after “请”: 与村委会联系 / 向镇扶贫办反映 / 拨打0398-28xxxxx. */
export function contactPhrase(input: ComposeInput, options: { phone?: boolean } = {}): string {
  const { body, rng } = input;
  const township = townshipOf(input)?.shortName ?? '';
  const phone = options.phone ?? true;
  const plain: string[] =
    body.level === 'village'
      ? [
          `与${body.shortName}村委会联系`,
          `向${township}扶贫办反映`,
          '及时向村党支部、村委会反映',
          `向${township}人民政府反映`,
        ]
      : body.level === 'township'
        ? [`向${township}扶贫办反映`, `与${township}扶贫工作站联系`, `与${body.shortName}党政办联系`]
        : [`向${body.shortName}反映`, `与${body.shortName}联系`, '以书面形式向我单位反映'];
  const choice = rng.pick(plain);
  return phone && rng.chance(0.5) ? `${choice}（联系电话：${officePhone(rng)}）` : choice;
}

/** The sentence with the notice period, or a plain objection line (no period) when the post states none. */
export function closing(input: ComposeInput, contact = contactPhrase(input)): Block[] {
  if (input.notice) return [para(`${noticeSentence(input.notice, input.rng, contact)}。`)];
  return input.rng.chance(0.7) ? [para(`如有异议，请${contact}。`)] : [];
}

/** The 落款: the body (or an alias) and a date in a style for signatures. */
export function signatureOf(
  input: ComposeInput,
  date: IsoDate = input.publishedAt,
  name?: string,
): NonNullable<ComposedPost['signature']> {
  const { body, rng } = input;
  const signer = name ?? rng.weighted([[body.name, 4], ...body.aliases.map((a) => [a, 1] as const)]);
  const style = rng.pick<DateStyle>(['zh', 'zh', 'cn-numeral', 'zh-padded', 'iso']);
  return { name: signer, date, style };
}

/** An attachment holding a table, in one of the formats a clerk would upload. */
export function attachment(
  name: string,
  rows: string[][],
  rng: Rng,
  formats: readonly ComposedAttachment['format'][] = ['xlsx', 'xlsx', 'docx', 'pdf'],
): ComposedAttachment {
  return { name, format: rng.pick(formats), rows };
}

/** Assembles the post and counts the unmasked numbers it actually writes. */
export function finish(
  input: ComposeInput,
  post: {
    title: string;
    blocks: Block[];
    signature: ComposedPost['signature'];
    attachments?: ComposedAttachment[];
  },
): ComposedPost {
  const attachments = post.attachments ?? [];
  const blocks = input.version > 0 ? [...post.blocks, para('（本文已更正，以此版本为准。）')] : post.blocks;
  return {
    title: post.title,
    blocks,
    signature: post.signature,
    attachments,
    exposed: countExposed(blocks, attachments),
  };
}

/**
 * Picks from all patterns with its own derived source, falling back among the eligible ones, so that a
 * later version which adds a key keeps the title and layout it had.
 */
export function pickStable<T>(rng: Rng, all: readonly T[], eligible: (t: T) => boolean = () => true): T {
  const first = rng.pick(all);
  return eligible(first) ? first : rng.pick(all.filter(eligible));
}

/** Whether a post may state a key: it is included, or it is no key of this post at all. */
export const free = (input: ComposeInput, key: string): boolean =>
  input.include.has(key) || !input.keys.includes(key);

/** Money in 万元 for table cells: 41.60. */
export const wan = (yuan: number): string => (yuan / 10_000).toFixed(2);

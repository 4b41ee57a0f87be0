import type { IsoDate, ItemId } from '../../catalog/index.js';
import { daysBetween } from '../dates/resolve.js';
import { parseDocNumber } from '../doc-number.js';
import { compact } from '../text/normalise.js';
import { diceSimilarity } from '../text/similarity.js';

/** An imported record (a fund allocation, a project, a plan …) as the linker sees it. */
export interface RecordShape {
  id: string;
  item: ItemId;
  title: string;
  refNo?: string;
  formed: IsoDate;
  amount?: number;
}

/** What the linker needs of an analysed post. */
export interface PostFacts {
  id: string;
  items: readonly ItemId[];
  title: string;
  text: string;
  /** 文号 the post carries or cites, normalised (`汉政办发〔2021〕88号`). */
  docNumbers: readonly string[];
  /** Amounts the post states, in yuan. */
  amounts: readonly number[];
  formed: IsoDate | null;
  published: IsoDate | null;
}

/** A post that discloses a record, with how sure the link is and the reasons. */
export interface RecordLink {
  post: string;
  record: string;
  score: number;
  reasons: string[];
}

const ACCEPT = 0.6;
const YEAR = /(?:19|20)\d{2}年?度?/g;

/** A name without its years and brackets, for comparing project and fund names. */
const nameCore = (name: string) =>
  compact(name)
    .replace(YEAR, '')
    .replace(/[（）()〔〕“”"《》]/g, '');

function amountMatches(amount: number, amounts: readonly number[]): boolean {
  return amounts.some((a) => Math.abs(a - amount) <= Math.max(1, amount * 0.001));
}

function scorePair(post: PostFacts, record: RecordShape): RecordLink | undefined {
  const reasons: string[] = [];
  const refNo = record.refNo ? (parseDocNumber(record.refNo)?.text ?? compact(record.refNo)) : undefined;
  const refMatch = refNo !== undefined && post.docNumbers.includes(refNo);
  if (refMatch) reasons.push(`文号 ${refNo}`);
  const core = nameCore(record.title);
  const named = core.length >= 4 && compact(post.text).includes(core);
  const similarity = diceSimilarity(nameCore(post.title), core);
  if (named) reasons.push(`正文提及“${record.title}”`);
  else if (similarity >= 0.5) reasons.push(`标题相似 ${similarity.toFixed(2)}`);
  const amount = record.amount !== undefined && amountMatches(record.amount, post.amounts);
  if (amount) reasons.push(`金额 ${record.amount}`);
  const anchor = post.formed ?? post.published;
  const timely = anchor !== null && Math.abs(daysBetween(record.formed, anchor)) <= 31;
  if (timely) reasons.push(`日期相近 ${record.formed}`);
  const sameItem = post.items.includes(record.item);
  let score = refMatch ? 0.9 : 0;
  score += named ? 0.45 : similarity >= 0.5 ? 0.4 * similarity : 0;
  score += (amount ? 0.2 : 0) + (timely ? 0.1 : 0) + (sameItem ? 0.15 : -0.2);
  if (!refMatch && !named && similarity < 0.5 && !amount) return undefined;
  const rounded = Math.round(Math.min(1, score) * 1000) / 1000;
  return rounded >= ACCEPT ? { post: post.id, record: record.id, score: rounded, reasons } : undefined;
}

/**
 * Links posts to the records they disclose: 文号 exact, the record's name in the post's text or a similar
 * title, the amount, a nearby date, and the same item. Many to many; best first per post.
 */
export function linkRecords(posts: readonly PostFacts[], records: readonly RecordShape[]): RecordLink[] {
  const links: RecordLink[] = [];
  for (const post of posts)
    for (const record of records) {
      const link = scorePair(post, record);
      if (link) links.push(link);
    }
  return links.sort((a, b) => a.post.localeCompare(b.post) || b.score - a.score);
}

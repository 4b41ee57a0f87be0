import type { IsoDate, ItemId } from '../../catalog/index.js';
import { daysBetween } from '../dates/resolve.js';
import { parseDocNumber } from '../doc-number.js';
import { compact } from '../text/normalise.js';
import { diceSimilarity } from '../text/similarity.js';
import { nameCore, type Phase, phaseOf, postPhase, recordName, sharedRun } from './record-name.js';

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
/** A run of a record's name this long (and most of the name) names it even when the rest is written otherwise. */
const MIN_RUN_CHARS = 8;
const MIN_RUN_SHARE = 0.75;

function amountMatches(amount: number, amounts: readonly number[]): boolean {
  return amounts.some((a) => Math.abs(a - amount) <= Math.max(1, amount * 0.001));
}

/** How the post names the record: its whole title, its name without the disclosure form, or most of that name. */
function naming(record: RecordShape, text: string): { score: number; reason: string } | undefined {
  const core = nameCore(record.title);
  if (core.length >= 4 && text.includes(core)) return { score: 0.45, reason: `正文提及“${record.title}”` };
  const name = recordName(record.title);
  if (!name) return undefined;
  if (text.includes(name)) return { score: 0.45, reason: `正文提及“${name}”` };
  const run = sharedRun(name, text, Math.max(MIN_RUN_CHARS, Math.ceil(MIN_RUN_SHARE * name.length)));
  return run > 0 ? { score: 0.35, reason: `正文提及“${name}”的 ${run} 字` } : undefined;
}

/**
 * A title naming a superior's approval: …计划批复, 关于…的批复, or a plan handed down (下达…计划, 计划下达情况),
 * which is how a superior issues the plan it approved.
 */
const isApproval = (title: string): boolean =>
  /批复|下达[^，。；]{0,16}计划|计划[^，。；]{0,4}下达/.test(title);

function scorePair(
  post: PostFacts & { core: string; phase?: Phase; approval: boolean },
  record: RecordShape,
): RecordLink | undefined {
  const recordPhase = phaseOf(record.title);
  // A 实施前 notice does not disclose the project's completion, nor the reverse.
  if (recordPhase && post.phase && recordPhase !== post.phase) return undefined;
  const reasons: string[] = [];
  const refNo = record.refNo ? (parseDocNumber(record.refNo)?.text ?? compact(record.refNo)) : undefined;
  const refMatch = refNo !== undefined && post.docNumbers.includes(refNo);
  // A superior's approval (批复) is a document of its own: a post announcing one does not disclose the plan it
  // approves, nor a plan's notice the approval; only the approval's 文号 links across.
  if (!refMatch && isApproval(record.title) !== post.approval) return undefined;
  if (refMatch) reasons.push(`文号 ${refNo}`);
  const named = naming(record, post.core);
  const similarity = diceSimilarity(nameCore(post.title), nameCore(record.title));
  if (named) reasons.push(named.reason);
  else if (similarity >= 0.5) reasons.push(`标题相似 ${similarity.toFixed(2)}`);
  const amount = record.amount !== undefined && amountMatches(record.amount, post.amounts);
  if (amount) reasons.push(`金额 ${record.amount}`);
  const anchor = post.formed ?? post.published;
  const timely = anchor !== null && Math.abs(daysBetween(record.formed, anchor)) <= 31;
  if (timely) reasons.push(`日期相近 ${record.formed}`);
  const sameItem = post.items.includes(record.item);
  let score = refMatch ? 0.9 : 0;
  score += named ? named.score : similarity >= 0.5 ? 0.4 * similarity : 0;
  score += (amount ? 0.2 : 0) + (timely ? 0.1 : 0) + (sameItem ? 0.15 : -0.2);
  if (!refMatch && !named && similarity < 0.5 && !amount) return undefined;
  const rounded = Math.round(Math.min(1, score) * 1000) / 1000;
  return rounded >= ACCEPT ? { post: post.id, record: record.id, score: rounded, reasons } : undefined;
}

/**
 * Links posts to the records they disclose: 文号 exact, the record's name in the post's text (whole, without its
 * disclosure form, or most of it) or a similar title, the amount, a nearby date, and the same item; never a
 * project's notice of one phase to a record of the other. Many to many; best first per post.
 */
export function linkRecords(posts: readonly PostFacts[], records: readonly RecordShape[]): RecordLink[] {
  const links: RecordLink[] = [];
  for (const post of posts) {
    const phase = postPhase(post.title, post.text);
    const facts = {
      ...post,
      core: nameCore(post.text),
      approval: isApproval(post.title),
      ...(phase ? { phase } : {}),
    };
    for (const record of records) {
      const link = scorePair(facts, record);
      if (link) links.push(link);
    }
  }
  return links.sort((a, b) => a.post.localeCompare(b.post) || b.score - a.score);
}

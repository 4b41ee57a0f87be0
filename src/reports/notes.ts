import type { Obligation } from '../scoring/index.js';
import type { Review } from '../store/index.js';
import { CLAIM_STATUS_ZH, chinaTime, dateZh } from './labels.js';

/** Names a reviewer's decision may refer to: items and bodies by id. */
export interface NoteNames {
  item: (id: string) => string;
  body: (id: string) => string;
}

/** A reviewer's decision on a post, in one Chinese sentence. */
export function reviewNote(review: Review, names: NoteNames): string {
  const d = review.decision;
  const parts: string[] = [];
  if (d.confirmed) parts.push('确认识别结果');
  if (d.items !== undefined)
    parts.push(d.items.length ? `改定事项为${d.items.map(names.item).join('、')}` : '认定不属于目录事项');
  if (d.publishedAt !== undefined) parts.push(`发布日期改定为${dateZh(d.publishedAt)}`);
  if (d.formedAt !== undefined) parts.push(`形成日期改定为${dateZh(d.formedAt)}`);
  if (d.publisherBody !== undefined)
    parts.push(d.publisherBody ? `发布主体改定为${names.body(d.publisherBody)}` : '发布主体不明');
  if (d.records !== undefined) parts.push(`关联记录 ${d.records.length} 条`);
  const what = parts.length ? parts.join('；') : '已复核';
  return `${review.by}（${chinaTime(review.at)}）：${what}${review.note ? `。备注：${review.note}` : ''}`;
}

/** A claim filed against an obligation and what became of it, in one Chinese sentence. */
export function claimNote(claim: Obligation['claims'][number]): string {
  const decided = claim.reviewedBy ? `，审核人 ${claim.reviewedBy}` : '';
  return `${claim.by}（${chinaTime(claim.at)}）提交链接 ${claim.url}：${CLAIM_STATUS_ZH[claim.status] ?? claim.status}${decided}`;
}

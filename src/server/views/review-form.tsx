import type { Catalog } from '../../catalog/index.js';
import type { Body } from '../../store/index.js';
import type { Viewer } from '../deps.js';
import { Csrf } from './layout.js';

/** What the form starts from: the matchers' reading, or the latest review's where it overrides. */
export interface ReviewStart {
  items: string[];
  publishedAt: string | null;
  formedAt: string | null;
  publisherBody: string | null;
}

/** The registry's bodies, once per page, for the publisher fields to choose from. */
export function BodyOptions(props: { bodies: Body[] }) {
  return (
    <datalist id="registry-bodies">
      {props.bodies.map((b) => (
        <option value={b.id}>{b.name}</option>
      ))}
    </datalist>
  );
}

/**
 * A person's decision on a post: confirm the matchers' reading, say it is no catalog item, or correct the items,
 * the dates and the publisher (a registry body, by id or name). Needs `BodyOptions` on the page.
 */
export function ReviewForm(props: {
  viewer: Viewer;
  postId: number;
  catalog: Catalog;
  start: ReviewStart;
  /** Where to come back to after saving. */
  back: string;
  /** Whether the matchers read anything to confirm. */
  matched: boolean;
  /** Open the corrections (the post's own review page) or leave them folded (the queue). */
  open?: boolean;
}) {
  const id = `r${props.postId}`;
  const { start } = props;
  return (
    <form class="review" method="post" action={`/review/posts/${props.postId}`}>
      <Csrf viewer={props.viewer} />
      <input type="hidden" name="back" value={props.back} />
      <div class="actions">
        <label for={`${id}-note`} class="grow">
          说明（可选）
          <input id={`${id}-note`} name="note" maxlength={500} />
        </label>
        {props.matched ? (
          <button type="submit" name="action" value="confirm">
            确认识别无误
          </button>
        ) : null}
        <button type="submit" name="action" value="none" class="secondary">
          不属于目录事项
        </button>
      </div>
      <details open={props.open === true}>
        <summary>更正识别结果</summary>
        <fieldset>
          <legend>目录事项（可多选）</legend>
          <div class="checks">
            {props.catalog.items.map((item) => (
              <label class="check">
                <input type="checkbox" name="items" value={item.id} checked={start.items.includes(item.id)} />
                {item.no}. {item.name}
              </label>
            ))}
            <label class="check">
              <input type="checkbox" name="none" value="1" />
              不属于目录事项
            </label>
          </div>
        </fieldset>
        <div class="fields">
          <label for={`${id}-published`}>
            公开日期
            <input id={`${id}-published`} type="date" name="publishedAt" value={start.publishedAt ?? ''} />
          </label>
          <label for={`${id}-formed`}>
            形成日期
            <input id={`${id}-formed`} type="date" name="formedAt" value={start.formedAt ?? ''} />
          </label>
          <label for={`${id}-publisher`}>
            发布主体（登记的主体编号或名称）
            <input
              id={`${id}-publisher`}
              name="publisherBody"
              list="registry-bodies"
              value={start.publisherBody ?? ''}
              autocomplete="off"
            />
          </label>
        </div>
        <p class="meta">日期留空表示无法确定。只有与自动识别不同的内容会作为更正记录。</p>
        <button type="submit" name="action" value="correct">
          保存更正
        </button>
      </details>
    </form>
  );
}

/** The message after a decision, from the parameters the redirect carries (saved / claim, years, failed). */
export function resultNotice(query: Record<string, string | undefined>): string | undefined {
  const years = (query.years ?? '').split(',').filter((y) => /^\d{4}$/.test(y));
  const failed = (query.failed ?? '').split(',').filter((y) => /^\d{4}$/.test(y));
  const what = /^\d+$/.test(query.saved ?? '')
    ? `已记录对信息 #${query.saved} 的复核`
    : /^\d+$/.test(query.claim ?? '') && (query.decided === 'confirmed' || query.decided === 'rejected')
      ? `已${query.decided === 'confirmed' ? '采纳' : '不采纳'}申诉 #${query.claim}`
      : undefined;
  if (!what) return undefined;
  const scored = years.length ? `，已重新评分（${years.join('、')} 年度）` : '，相关年度尚未评分';
  return failed.length
    ? `${what}，但重新评分失败（${failed.join('、')} 年度），请稍后运行 gongkai score`
    : `${what}${scored}`;
}

import { addCalendarDays, type BodyLevel, type IsoDate, noticeRuleFor } from '../catalog/index.js';
import { daysUp, type PostFacts, postEvidence, type ScoringContext } from './context.js';
import type { Draft } from './findings-obligations.js';
import type { ScoringOffline } from './types.js';

const PRIVACY_ZH = { id_number: '身份证号', bank_card: '银行卡号', mobile: '手机号' } as const;
const LOCAL: readonly BodyLevel[] = ['township', 'village'];

function draft(f: PostFacts, fields: Partial<Draft> & Pick<Draft, 'kind' | 'detail' | 'rule'>): Draft {
  return {
    bodyId: f.bodyId,
    item: f.post.items[0] ?? null,
    record: null,
    due: null,
    published: f.published,
    workdaysLate: null,
    days: null,
    url: f.post.url,
    obligationKey: null,
    evidence: postEvidence(f),
    units: 1,
    ...fields,
  };
}

function minDaysFor(
  ctx: ScoringContext,
  f: PostFacts,
): { minDays?: number; keepOnline: boolean; text?: string } {
  const item = ctx.input.catalog.items.find((i) => i.id === f.post.items[0]);
  const level = ctx.bodies.get(f.bodyId)?.level;
  const row = item?.rows[0];
  const rule = row && level ? noticeRuleFor(ctx.input.catalog, row, level) : undefined;
  return {
    keepOnline: rule?.keepOnline ?? false,
    ...(rule?.minDays ? { minDays: rule.minDays } : {}),
    ...(rule?.text ? { text: rule.text } : {}),
  };
}

// The calendar length of a stated period; a working-day period is counted through the calendar.
function calendarLength(
  ctx: ScoringContext,
  notice: NonNullable<PostFacts['post']['notice']>,
): number | undefined {
  if (notice.start && notice.end) return daysUp(notice.start, notice.end);
  if (notice.days === null) return undefined;
  if (notice.unit === 'calendar' || !notice.start)
    return notice.unit === 'calendar' ? notice.days : Math.ceil((notice.days * 7) / 5);
  const first = ctx.input.calendar.isWorkingDay(notice.start) ? 1 : 0;
  return daysUp(notice.start, ctx.input.calendar.addWorkingDays(notice.start, notice.days - first));
}

function durationFindings(ctx: ScoringContext, f: PostFacts): Draft[] {
  const level = ctx.bodies.get(f.bodyId)?.level;
  const rule = minDaysFor(ctx, f);
  const out: Draft[] = [];
  // A notice is up from its stated start, but never before the post was (a back-dated post's stated dates are not).
  const stated = f.post.notice?.start ?? f.published;
  const start = [stated, f.published].sort().at(-1) as IsoDate;
  if (level && LOCAL.includes(level) && rule.minDays) {
    const length = f.post.notice ? calendarLength(ctx, f.post.notice) : undefined;
    if (length !== undefined && length < rule.minDays) {
      out.push(
        draft(f, {
          kind: 'notice_short',
          days: length,
          rule: rule.text ?? `公示期不少于${rule.minDays}天`,
          detail: `公示期 ${length} 天，少于 ${rule.minDays} 天`,
        }),
      );
    }
    if (f.removed && daysUp(start, addCalendarDays(f.removed, -1)) < rule.minDays) {
      const up = daysUp(start, addCalendarDays(f.removed, -1));
      out.push(
        draft(f, {
          kind: 'removed_early',
          days: up,
          rule: rule.text ?? `公示期不少于${rule.minDays}天`,
          detail: `${start} 起公示，${f.removed} 已撤下，在线不足 ${rule.minDays} 天（最多 ${up} 天）`,
        }),
      );
    }
  }
  if (level && !LOCAL.includes(level) && rule.keepOnline && f.removed) {
    out.push(
      draft(f, {
        kind: 'not_kept_online',
        days: daysUp(start, addCalendarDays(f.removed, -1)),
        rule: rule.text ?? '区级公告公示信息要保持长期公开状态',
        detail: `${f.published} 公开，${f.removed} 发现已撤下`,
      }),
    );
  }
  return out;
}

function contentFindings(f: PostFacts): Draft[] {
  const out: Draft[] = [];
  if (f.post.elements.missing.length > 0) {
    out.push(
      draft(f, {
        kind: 'element_missing',
        units: f.post.elements.missing.length,
        rule: '标准目录“公开内容（要素）”',
        detail: `缺少要素：${f.post.elements.missing.join('、')}`,
      }),
    );
  }
  if (f.post.privacy.length > 0) {
    const what = f.post.privacy.map((p) => `${PRIVACY_ZH[p.kind]} ${p.count} 处`).join('、');
    const fixed = f.post.privacy.every((p) => p.fixed);
    out.push(
      draft(f, {
        kind: 'personal_data',
        rule: '不得公开个人隐私（条例第十五条；去标识化）',
        detail: `公开了未脱敏的${what}${fixed ? '（后已修改）' : ''}`,
      }),
    );
  }
  if (f.backdated) {
    out.push(
      draft(f, {
        kind: 'backdated',
        rule: '按实际公开日期计算时限',
        detail: `页面所示发布日期 ${f.post.publishedAt}，但此前的抓取未见该信息，首次发现于 ${f.firstSeen}`,
      }),
    );
  }
  if (f.post.publishedAt === null) {
    out.push(
      draft(f, {
        kind: 'undated',
        rule: '未注明发布时间的视为不更新（普查规则）',
        detail: `页面未注明发布日期，按首次发现日期 ${f.firstSeen} 计`,
      }),
    );
  }
  return out;
}

const core = (title: string) =>
  (/《([^》]+)》/.exec(title)?.[1] ?? title.replace(/^关于印发|的通知$|^关于/g, '')).replace(/\s/g, '');

function interpretationFindings(ctx: ScoringContext, posts: readonly PostFacts[]): Draft[] {
  const interpretations = posts.filter(
    (f) => f.post.interpretationOf || /解读|答记者问|图解/.test(f.post.title),
  );
  return posts
    .filter((f) => {
      const level = ctx.bodies.get(f.bodyId)?.level;
      const own = f.post.publisherBodyId === f.bodyId && f.post.docNo !== null;
      return (
        own &&
        f.post.items.includes('policy.normative') &&
        !interpretations.includes(f) &&
        (level === 'county' || level === 'department')
      );
    })
    .filter((doc) => {
      const name = core(doc.post.title);
      return !interpretations.some(
        (i) =>
          i.bodyId === doc.bodyId && (i.post.interpretationOf?.includes(name) || i.post.title.includes(name)),
      );
    })
    .map((doc) =>
      draft(doc, {
        kind: 'no_interpretation',
        rule: '重要政策文件与解读方案同步组织、同步部署',
        detail: `未见《${core(doc.post.title)}》的政策解读`,
      }),
    );
}

function offlineFindings(ctx: ScoringContext, o: ScoringOffline): Draft[] {
  const level = ctx.bodies.get(o.bodyId)?.level ?? 'village';
  const row = ctx.input.catalog.items.find((i) => i.id === o.item)?.rows[0];
  const min = row ? noticeRuleFor(ctx.input.catalog, row, level)?.minDays : undefined;
  if (!min) return [];
  const base: Omit<Draft, 'kind' | 'detail' | 'days'> = {
    bodyId: o.bodyId,
    item: o.item,
    record: null,
    due: null,
    published: o.postedFrom,
    workdaysLate: null,
    url: null,
    rule: `公示期不少于${min}天`,
    obligationKey: null,
    evidence: {
      kind: 'offline',
      id: o.id,
      title: o.title ?? '',
      published: o.postedFrom,
      statedPublished: o.postedFrom,
    },
    units: 1,
  };
  const out: Draft[] = [];
  if (o.statedDays !== null && o.statedDays < min)
    out.push({
      ...base,
      kind: 'notice_short',
      days: o.statedDays,
      detail: `${o.channel}公示期 ${o.statedDays} 天，少于 ${min} 天`,
    });
  if (o.postedTo && o.postedTo < ctx.input.today && daysUp(o.postedFrom, o.postedTo) < min) {
    out.push({
      ...base,
      kind: 'removed_early',
      days: daysUp(o.postedFrom, o.postedTo),
      detail: `${o.channel}张贴 ${o.postedFrom} 至 ${o.postedTo}，不足 ${min} 天`,
    });
  }
  return out;
}

/** Findings read from the posts and postings themselves: content, duration, personal data, dates, 解读. */
export function postFindings(ctx: ScoringContext): Draft[] {
  const { year, today } = ctx.input;
  const inYear = (d: IsoDate) => d >= `${year}-01-01` && d <= today;
  const posts = ctx.posts.filter((f) => f.post.items.length > 0 && inYear(f.published));
  return [
    ...posts.flatMap((f) => [...contentFindings(f), ...durationFindings(ctx, f)]),
    ...interpretationFindings(ctx, posts),
    ...ctx.input.offline.filter((o) => inYear(o.postedFrom)).flatMap((o) => offlineFindings(ctx, o)),
  ];
}

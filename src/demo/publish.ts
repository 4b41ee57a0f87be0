import {
  addCalendarDays,
  type Catalog,
  type ChannelName,
  dueDate,
  type IsoDate,
  isoDate,
  type WorkingCalendar,
  yearOf,
} from '../catalog/index.js';
import { bodyById, type District, websiteOf } from './district.js';
import { elementKeys } from './elements.js';
import type {
  BoardPosting,
  DemoBody,
  DemoEvent,
  DemoPost,
  DemoSite,
  Outcome,
  PublishingProfile,
} from './model.js';
import type { Rng } from './random.js';
import type { Composer, Exposure, NoticeSpec } from './text/types.js';

/** What the planner needs from the text module. */
export interface TextKit {
  composers: Record<DemoEvent['item'], Composer>;
  omittable: Record<DemoEvent['item'], readonly string[]>;
  interpretation: Composer;
}

export interface PlanContext {
  district: District;
  catalog: Catalog;
  calendar: WorkingCalendar;
  text: TextKit;
  rng: Rng;
}

/** What became of an event on each channel it had to reach. */
export interface EventOutcome {
  eventId: string;
  /** `required` when the catalog row names the channel; otherwise the body published there of its own accord. */
  website?: Outcome & { required: boolean; postIds: string[] };
  board?: Outcome & { required: boolean; postingId?: string };
}

/** A post before it has a sequence number and URL. */
export type PlannedPost = Omit<DemoPost, 'seq' | 'url'> & { compose: ComposeChoice };

/** The choices a post's text is composed from, kept so the server renders exactly what the truth says. */
export interface ComposeChoice {
  kind: 'item' | 'interpretation' | 'distractor';
  include: string[];
  keys: string[];
  notice: NoticeSpec | null;
  idNumbers: Exposure;
  bankCards: Exposure;
  phones: Exposure;
  /** Keys added back by each edit, in order. */
  editAdds: string[][];
  topic?: string;
}

// Items whose township and village posts are 公示 with a stated period.
const NOTICE_ITEMS = new Set<DemoEvent['item']>([
  'target.identification',
  'target.exit',
  'funds.loans',
  'projects.library',
  'projects.annual-plan',
  'projects.annual-completion',
  'projects.implementation',
]);

function outcomeFor(profile: PublishingProfile, rng: Rng): Outcome {
  const status = rng.weighted([
    ['on_time', profile.onTime],
    ['late', profile.late],
    ['missing', profile.never],
  ] as const);
  if (status === 'late')
    return { status, workdaysLate: rng.int(profile.lateWorkdays[0], profile.lateWorkdays[1]) };
  return { status };
}

/** The day a publication goes up under an outcome. */
function appearDate(
  ctx: PlanContext,
  event: DemoEvent,
  outcome: Outcome,
  rng: Rng,
): { date: IsoDate; due: IsoDate } {
  const row = ctx.catalog.items.find((i) => i.id === event.item)?.rows.find((r) => r.id === event.row);
  const rule = row?.time.due ?? ctx.catalog.general.time.due;
  const due = dueDate(rule, event.formed, ctx.calendar);
  if (outcome.status === 'late') return { date: ctx.calendar.addWorkingDays(due, outcome.workdaysLate), due };
  // On time: some working day within the limit (for annual rules, in December).
  if (rule.kind === 'annual')
    return { date: ctx.calendar.addWorkingDays(isoDate(yearOf(due), 11, 30), rng.int(1, 14)), due };
  return { date: ctx.calendar.addWorkingDays(event.formed, rng.int(1, Math.min(rule.days, 12))), due };
}

function noticeFor(ctx: PlanContext, body: DemoBody, start: IsoDate, rng: Rng): NoticeSpec {
  const short = rng.chance(body.profile.shortNotice);
  if (rng.chance(0.1)) {
    const days = short ? 5 : rng.pick([7, 10]);
    return {
      start,
      end: ctx.calendar.addWorkingDays(start, days - (ctx.calendar.isWorkingDay(start) ? 1 : 0)),
      days,
      unit: 'workdays',
    };
  }
  const days = short ? rng.pick([3, 5, 7]) : rng.pick([10, 10, 10, 12, 15]);
  return { start, end: addCalendarDays(start, days - 1), days, unit: 'calendar' };
}

function exposure(profile: PublishingProfile, rng: Rng, fallback: Exposure): Exposure {
  return rng.chance(profile.exposePersonalData) ? 'full' : fallback;
}

/** The column of a site a body's post of this event lands in. */
function columnFor(
  site: DemoSite,
  body: DemoBody,
  event: DemoEvent | undefined,
  kind: ComposeChoice['kind'],
): string {
  const pick = (suffix: string) =>
    site.columns.find((c) => c.id.endsWith(suffix))?.id ?? (site.columns[0]?.id as string);
  if (site.kind === 'rss' || site.kind === 'atom') return pick('all');
  if (site.id === 'portal') {
    if (body.id === 'czb') return pick(kind === 'distractor' ? 'czj-gzdt' : 'czj-zjgs');
    if (body.role === 'sector') return pick(`${body.id}-xxgk`);
    if (kind === 'distractor') return pick('fpzl-gzdt');
    if (kind === 'interpretation') return pick('fpzl-zcjd');
    if (event?.item.startsWith('policy')) return pick('fpzl-zcwj');
    if (event?.item === 'oversight.reporting') return pick('fpzl-jdgl');
    return pick('fpzl-zjxm');
  }
  if (kind === 'distractor') return pick('gzdt');
  if (body.level === 'village') return pick('cwgk');
  return pick(event?.item.startsWith('policy') ? 'zcwj' : 'gsgg');
}

/** Plans the posts and board postings of one event, drawing each body's behaviour from its profile. */
export function publishEvent(
  ctx: PlanContext,
  event: DemoEvent,
): { posts: PlannedPost[]; boards: BoardPosting[]; outcome: EventOutcome } {
  const r = ctx.rng.derive('publish', event.id);
  const body = bodyById(ctx.district, event.bodyId);
  const row = ctx.catalog.items.find((i) => i.id === event.item)?.rows.find((x) => x.id === event.row);
  const channels = new Set<ChannelName>(row?.channels ?? []);
  const outcome: EventOutcome = { eventId: event.id };
  const posts: PlannedPost[] = [];
  const boards: BoardPosting[] = [];

  const keys = elementKeys(ctx.catalog, event);
  const omittable = ctx.text.omittable[event.item].filter((k) => keys.includes(k));
  const omitted = r.chance(body.profile.omitElements)
    ? r.shuffle(omittable).slice(0, r.int(1, Math.min(2, omittable.length)))
    : [];
  const include = keys.filter((k) => !omitted.includes(k));
  const isNotice = NOTICE_ITEMS.has(event.item) && (body.level === 'township' || body.level === 'village');

  const website = websiteOf(ctx.district, body);
  const feedOwner = body.level === 'village' && body.parentId ? bodyById(ctx.district, body.parentId) : body;
  const feed = feedOwner.feedSiteId
    ? ctx.district.sites.find((s) => s.id === feedOwner.feedSiteId)
    : undefined;
  // County bodies put even board-only items on their site; villages' notices are often reposted by the township.
  const webRequired = channels.has('政府网站');
  const wantsWeb =
    webRequired ||
    body.level === 'county' ||
    body.level === 'department' ||
    r.chance(body.level === 'village' ? 0.7 : 0.5);

  let firstNotice: NoticeSpec | null = null;
  if (wantsWeb && (website || feed)) {
    const webOutcome = outcomeFor(body.profile, r);
    if (webOutcome.status === 'missing') {
      outcome.website = { ...webOutcome, required: webRequired, postIds: [] };
    } else {
      const { date: appearsAt } = appearDate(ctx, event, webOutcome, r);
      const backdated = r.chance(body.profile.backdate);
      const statedAt = backdated ? addCalendarDays(appearsAt, -r.int(5, 12)) : appearsAt;
      const notice = isNotice ? noticeFor(ctx, body, statedAt, r) : null;
      firstNotice = notice;
      const targets = website ? [website, ...(feed && r.chance(0.4) ? [feed] : [])] : feed ? [feed] : [];
      outcome.website = { ...webOutcome, required: webRequired, postIds: [] };
      targets.forEach((site, k) => {
        const post = planPost(r.derive('post', k), {
          event,
          body,
          site,
          appearsAt,
          statedAt,
          notice,
          include,
          keys,
          kind: 'item',
        });
        if (backdated) post.flags.push('backdated');
        if (site.kind === 'rss' || site.kind === 'atom') post.flags.push('feed');
        outcome.website?.postIds.push(post.id);
        posts.push(post);
      });
      if (event.payload.kind === 'policy' && event.payload.needsInterpretation && website) {
        if (r.chance(body.profile.skipInterpretation)) {
          (posts[0] as PlannedPost).flags.push('no_interpretation');
        } else {
          const at = ctx.calendar.addWorkingDays(appearsAt, r.int(0, 3));
          posts.push(
            planPost(r.derive('interpretation'), {
              event,
              body,
              site: website,
              appearsAt: at,
              statedAt: at,
              notice: null,
              include: keys,
              keys,
              kind: 'interpretation',
            }),
          );
        }
      }
    }
  }

  if (channels.has('村公示栏') && (body.level === 'village' || body.level === 'township')) {
    const skip = r.chance(body.profile.skipBoard);
    const boardOutcome: Outcome = skip
      ? { status: 'missing' }
      : outcome.website && outcome.website.status !== 'missing'
        ? outcome.website
        : outcomeFor(body.profile, r);
    if (boardOutcome.status === 'missing') {
      outcome.board = { ...boardOutcome, required: true };
    } else {
      const { date } = appearDate(ctx, event, boardOutcome, r.derive('board'));
      const posted = firstNotice?.start && boardOutcome === outcome.website ? firstNotice.start : date;
      const statedDays = firstNotice?.unit === 'calendar' ? firstNotice.days : isNotice ? 10 : 15;
      const early = r.chance(body.profile.removeEarly);
      const posting: BoardPosting = {
        id: `board-${event.id}`,
        bodyId: body.id,
        eventId: event.id,
        item: event.item,
        channel: '村公示栏',
        title: event.title,
        postedFrom: posted,
        postedTo: addCalendarDays(
          posted,
          (early ? r.int(2, Math.max(2, statedDays - 3)) : statedDays + r.int(0, 20)) - 1,
        ),
        statedDays,
      };
      boards.push(posting);
      outcome.board = { ...boardOutcome, required: true, postingId: posting.id };
    }
  }
  return { posts, boards, outcome };
}

interface PostSpec {
  event: DemoEvent;
  body: DemoBody;
  site: DemoSite;
  appearsAt: IsoDate;
  statedAt: IsoDate;
  notice: NoticeSpec | null;
  include: string[];
  keys: string[];
  kind: 'item' | 'interpretation';
}

function planPost(r: Rng, spec: PostSpec): PlannedPost {
  const { event, body, site } = spec;
  const profile = body.profile;
  const id = `${spec.kind === 'interpretation' ? 'jd' : 'p'}-${event.id}-${site.id}`;
  const isCounty = body.level === 'county' || body.level === 'department';
  const lists = event.payload.kind === 'households' || event.payload.kind === 'loans';
  const choice: ComposeChoice = {
    kind: spec.kind,
    include: spec.include,
    keys: spec.keys,
    notice: spec.notice,
    idNumbers: lists ? exposure(profile, r, r.chance(0.5) ? 'masked' : 'omitted') : 'omitted',
    bankCards: event.payload.kind === 'loans' ? exposure(profile, r, 'omitted') : 'omitted',
    phones: lists && r.chance(0.2) ? 'masked' : 'omitted',
    editAdds: [],
  };
  const flags: string[] = [];
  let removedAt: IsoDate | null = null;
  if (isCounty && r.chance(profile.removeLater)) {
    removedAt = addCalendarDays(spec.appearsAt, r.int(20, 70));
    flags.push('removed_later');
  } else if (!isCounty && spec.notice && r.chance(profile.removeEarly)) {
    removedAt = addCalendarDays(spec.appearsAt, r.int(3, Math.max(3, spec.notice.days - 4)));
    flags.push('removed_early');
  }
  const edits: DemoPost['edits'] = [];
  if (r.chance(profile.edit)) {
    const missing = spec.keys.filter((k) => !spec.include.includes(k));
    const adds = missing.slice(0, 1);
    choice.editAdds.push(adds);
    edits.push({
      at: addCalendarDays(spec.appearsAt, r.int(2, 25)),
      change: adds.length ? `补充要素：${adds.join('、')}` : '更正文字',
    });
    flags.push('edited');
  }
  return {
    id,
    siteId: site.id,
    columnId: columnFor(site, body, event, spec.kind),
    bodyId: body.id,
    eventId: event.id,
    kind: spec.kind === 'item' ? 'disclosure' : 'interpretation',
    items: [event.item],
    title: '',
    publishedAt: spec.statedAt,
    appearsAt: spec.appearsAt,
    removedAt,
    formedAt: event.formed,
    notice: spec.notice ? { start: spec.notice.start, end: spec.notice.end, days: spec.notice.days } : null,
    elements: { present: spec.include, missing: spec.keys.filter((k) => !spec.include.includes(k)) },
    privacy: [],
    edits,
    attachments: [],
    channel: site.kind === 'rss' || site.kind === 'atom' ? '两微一端' : '政府网站',
    flags,
    compose: choice,
  };
}

export { columnFor };

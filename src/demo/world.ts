import { type Catalog, type IsoDate, isoDate, type WorkingCalendar } from '../catalog/index.js';
import { bodyById, buildDistrict, type District } from './district.js';
import { planEvents } from './events.js';
import { FillerSpace } from './fillers.js';
import type { BoardPosting, DemoBody, DemoEvent, DemoPost, DemoSite, Project } from './model.js';
import { buildProjects } from './projects.js';
import {
  type ComposeChoice,
  columnFor,
  type EventOutcome,
  type PlannedPost,
  publishEvent,
  type TextKit,
} from './publish.js';
import { createRng, hashKeys } from './random.js';
import type { ComposedPost, DistractorComposer } from './text/types.js';
import { articlePath } from './urls.js';

/** The text module as the world needs it. */
export interface WorldText extends TextKit {
  distractor: DistractorComposer;
  topics: readonly string[];
}

export interface WorldOptions {
  seed: number;
  year: number;
  catalog: Catalog;
  calendar: WorkingCalendar;
  text: WorldText;
}

/** A post with its URL and the choices its text is composed from. */
export type WorldPost = DemoPost & { compose: ComposeChoice };

/** The whole simulated year: who exists, what was formed, what was published where and when. */
export interface DemoWorld {
  seed: number;
  year: number;
  catalog: Catalog;
  calendar: WorkingCalendar;
  text: WorldText;
  district: District;
  projects: Project[];
  events: DemoEvent[];
  posts: WorldPost[];
  boards: BoardPosting[];
  outcomes: EventOutcome[];
  fillers?: FillerSpace;
}

// How many distractors each kind of column carries over the year.
const DISTRACTORS_PER_COLUMN: Record<string, number> = {
  'fpzl-gzdt': 24,
  'czj-gzdt': 8,
  'xwzx-tzgg': 18,
  xxgk: 4,
  gzdt: 12,
  all: 14,
};

function distractorPosts(district: District, options: WorldOptions): PlannedPost[] {
  const posts: PlannedPost[] = [];
  for (const site of district.sites) {
    for (const column of site.columns) {
      const key = Object.keys(DISTRACTORS_PER_COLUMN).find((k) => column.id.endsWith(k));
      if (!key) continue;
      const owner = ownerOf(district, site, column.id);
      const count = DISTRACTORS_PER_COLUMN[key] ?? 0;
      for (let i = 0; i < count; i += 1) {
        const r = createRng(hashKeys(options.seed, 'distractor', column.id, i));
        const month = 1 + Math.floor((i * 12) / count);
        const day = options.calendar.addWorkingDays(isoDate(options.year, month, r.int(1, 25)), 0);
        const appearsAt = options.calendar.isWorkingDay(day) ? day : options.calendar.addWorkingDays(day, 1);
        posts.push(
          distractor(`d-${column.id}-${i}`, site, column.id, owner, appearsAt, r.pick(options.text.topics)),
        );
      }
    }
  }
  return posts;
}

function ownerOf(district: District, site: DemoSite, columnId: string): DemoBody {
  if (site.id === 'portal') {
    if (columnId.includes('czj')) return bodyById(district, 'czb');
    const dept = ['jtj', 'slj', 'jyj'].find((d) => columnId.includes(d));
    return bodyById(district, dept ?? 'fpb');
  }
  const owner = district.bodies.find((b) => b.siteId === site.id || b.feedSiteId === site.id);
  if (!owner) throw new Error(`no owner for site ${site.id}`);
  return owner;
}

function distractor(
  id: string,
  site: DemoSite,
  columnId: string,
  body: DemoBody,
  appearsAt: IsoDate,
  topic: string,
): PlannedPost {
  return {
    id,
    siteId: site.id,
    columnId,
    bodyId: body.id,
    kind: 'distractor',
    items: [],
    title: '',
    publishedAt: appearsAt,
    appearsAt,
    removedAt: null,
    formedAt: null,
    notice: null,
    elements: { present: [], missing: [] },
    privacy: [],
    edits: [],
    attachments: [],
    channel: site.kind === 'rss' || site.kind === 'atom' ? '两微一端' : '政府网站',
    flags: [],
    compose: {
      kind: 'distractor',
      include: [],
      keys: [],
      notice: null,
      idNumbers: 'omitted',
      bankCards: 'omitted',
      phones: 'omitted',
      editAdds: [],
      topic,
    },
  };
}

/** Generates the simulated district's year: deterministic from the seed. */
export function generateWorld(options: WorldOptions): DemoWorld {
  const rng = createRng(options.seed);
  const district = buildDistrict(rng.derive('district'));
  const projects = buildProjects(district, rng.derive('projects'));
  const ctx = {
    district,
    catalog: options.catalog,
    calendar: options.calendar,
    year: options.year,
    projects,
    rng: rng.derive('events'),
  };
  const events = planEvents(ctx);
  const planned: PlannedPost[] = [];
  const boards: BoardPosting[] = [];
  const outcomes: EventOutcome[] = [];
  const planCtx = {
    district,
    catalog: options.catalog,
    calendar: options.calendar,
    text: options.text,
    rng: rng.derive('publish'),
  };
  for (const event of events) {
    const result = publishEvent(planCtx, event);
    planned.push(...result.posts);
    boards.push(...result.boards);
    outcomes.push(result.outcome);
  }
  planned.push(...distractorPosts(district, options));
  const world: DemoWorld = { ...options, district, projects, events, posts: [], boards, outcomes };
  world.posts = assignUrls(world, planned);
  for (const post of world.posts) fillFromText(world, post);
  return world;
}

/** Tops the world up to `total` posts with filler news computed on demand (for benchmarks at scale). */
export function addFillers(world: DemoWorld, total: number): void {
  const count = total - world.posts.length;
  if (count > 0)
    world.fillers = new FillerSpace(world.district, world.seed, world.year, count, world.text.topics);
}

// Sequence numbers grow with time, as CMS ids do; the URL follows the site's pattern.
function assignUrls(world: DemoWorld, planned: PlannedPost[]): WorldPost[] {
  const sorted = [...planned].sort((a, b) =>
    a.appearsAt === b.appearsAt ? a.id.localeCompare(b.id) : a.appearsAt < b.appearsAt ? -1 : 1,
  );
  let seq = 10_000 + (world.seed % 5000);
  return sorted.map((post) => {
    seq += 1 + (hashKeys(post.id) % 37);
    const site = world.district.sites.find((s) => s.id === post.siteId) as DemoSite;
    const column =
      site.columns.find((c) => c.id === post.columnId) ?? (site.columns[0] as DemoSite['columns'][number]);
    return { ...post, seq, url: articlePath(site, column, { seq, appearsAt: post.appearsAt, id: post.id }) };
  });
}

/** How many edits a post has had by a day (0 = as first published). */
export function versionOn(post: DemoPost, today: IsoDate): number {
  return post.edits.filter((e) => e.at <= today).length;
}

/** Composes a post's text as it read in a given version; the server and the truth both use this. */
export function composePost(world: DemoWorld, post: WorldPost, version: number): ComposedPost {
  const body = bodyById(world.district, post.bodyId);
  const rng = createRng(hashKeys(world.seed, 'text', post.id));
  const publishedAt = post.publishedAt ?? post.appearsAt;
  if (post.compose.kind === 'distractor') {
    const composed = world.text.distractor({
      rng,
      district: world.district,
      body,
      publishedAt,
      topic: post.compose.topic ?? '',
    });
    return { ...composed, exposed: { id_number: 0, bank_card: 0, mobile: 0 } };
  }
  const event = world.events.find((e) => e.id === post.eventId) as DemoEvent;
  const include = new Set([...post.compose.include, ...post.compose.editAdds.slice(0, version).flat()]);
  const composer =
    post.compose.kind === 'interpretation' ? world.text.interpretation : world.text.composers[event.item];
  const composed = composer({
    rng,
    district: world.district,
    body,
    event,
    publishedAt,
    include,
    keys: post.compose.keys,
    notice: post.compose.notice,
    idNumbers: post.compose.idNumbers,
    bankCards: post.compose.bankCards,
    phones: post.compose.phones,
    version,
  });
  // An edit that adds no element still changes the page: the office appends a correction note.
  const corrections = post.edits
    .slice(0, version)
    .filter((_, k) => (post.compose.editAdds[k] ?? []).length === 0);
  for (const edit of corrections) {
    composed.blocks.push({
      kind: 'p',
      text: `（${Number(edit.at.slice(5, 7))}月${Number(edit.at.slice(8, 10))}日更正：对原文部分文字表述进行了修改。）`,
    });
  }
  return composed;
}

function fillFromText(world: DemoWorld, post: WorldPost): void {
  const composed = composePost(world, post, 0);
  post.title = composed.title;
  post.attachments = composed.attachments.map(({ name, format }) => ({ name, format }));
  post.edits.forEach((edit, k) => {
    const title = composePost(world, post, k + 1).title;
    if (title !== composed.title) edit.title = title;
  });
  post.privacy = (['id_number', 'bank_card', 'mobile'] as const)
    .filter((kind) => composed.exposed[kind] > 0)
    .map((kind) => ({ kind, count: composed.exposed[kind] }));
}

export { columnFor };

import { addCalendarDays, type IsoDate, isoDate, toDayNumber } from '../catalog/index.js';
import type { District } from './district.js';
import type { DemoColumn } from './model.js';
import { createRng, hashKeys } from './random.js';
import { articlePath } from './urls.js';
import type { WorldPost } from './world.js';

/** Where filler sequence numbers start, far above the year's own posts. */
export const FILLER_SEQ_BASE = 5_000_000;

/** A filler post: news that shares the vocabulary and discloses nothing, for benchmarks at scale. */
export type FillerPost = WorldPost;

/** A read-only list of posts: arrays are lists, and so are the lazily computed filler columns. */
export interface PostList {
  readonly length: number;
  slice(start?: number, end?: number): WorldPost[];
}

/**
 * `count` filler posts spread over one extra news column per site, computed from their index when asked
 * for, so that 100,000 of them are never all in memory.
 */
export class FillerSpace {
  readonly columns: DemoColumn[];
  private readonly perColumn: number[];

  constructor(
    readonly district: District,
    readonly seed: number,
    readonly year: number,
    readonly count: number,
    private readonly topics: readonly string[],
  ) {
    this.columns = district.sites
      .filter((s) => s.kind !== 'rss' && s.kind !== 'atom')
      .map((site) => {
        const code = 90 + district.sites.indexOf(site);
        const path = {
          trs: `${site.prefix === '/' ? '/xwzx/' : site.prefix}zwyw/`,
          hanweb: `${site.prefix}col/col${code}/`,
          gkmlpt: `${site.prefix}gkmlpt/api/all/${code}`,
          plain: `${site.prefix}News.aspx?ClassID=${code}`,
          boda: `${site.prefix}xxgk/zwyw`,
        }[site.kind as 'trs'];
        const column: DemoColumn = { id: `${site.id}/zwyw`, siteId: site.id, name: '政务要闻', code, path };
        site.columns.push(column);
        return column;
      });
    const c = this.columns.length;
    this.perColumn = this.columns.map((_, k) => (count > k ? Math.floor((count - k - 1) / c) + 1 : 0));
  }

  /** The i-th filler post. */
  post(i: number): FillerPost {
    const c = this.columns.length;
    const column = this.columns[i % c] as DemoColumn;
    const k = Math.floor(i / c);
    const n = this.perColumn[i % c] as number;
    const appearsAt = addCalendarDays(isoDate(this.year, 1, 1), Math.floor((k * 365) / Math.max(1, n)));
    const site = this.district.sites.find((s) => s.id === column.siteId);
    const owner =
      this.district.bodies.find((b) => b.siteId === column.siteId) ??
      (this.district.bodies[0] as District['bodies'][number]);
    const seq = FILLER_SEQ_BASE + i;
    const topic = createRng(hashKeys(this.seed, 'filler-topic', i)).pick(this.topics);
    return {
      id: `f-${i}`,
      seq,
      siteId: column.siteId,
      columnId: column.id,
      url: site ? articlePath(site, column, { seq, appearsAt, id: `f-${i}` }) : '',
      bodyId: owner.id,
      kind: 'filler',
      items: [],
      title: `${owner.shortName}${topic}（${i + 1}）`,
      publishedAt: appearsAt,
      appearsAt,
      removedAt: null,
      formedAt: null,
      notice: null,
      elements: { present: [], missing: [] },
      privacy: [],
      edits: [],
      attachments: [],
      channel: '政府网站',
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

  /** The filler column's posts online on `today`, newest first. */
  list(columnId: string, today: IsoDate): PostList & { lastChange: IsoDate } {
    const index = this.columns.findIndex((col) => col.id === columnId);
    const n = this.perColumn[index] ?? 0;
    const elapsed = toDayNumber(today) - toDayNumber(isoDate(this.year, 1, 1));
    const online = elapsed < 0 ? 0 : Math.min(n, Math.ceil(((elapsed + 1) * n) / 365));
    const c = this.columns.length;
    const at = (j: number) => this.post((online - 1 - j) * c + index);
    return {
      length: online,
      slice: (start = 0, end = online) => {
        const out: FillerPost[] = [];
        for (let j = Math.max(0, start); j < Math.min(online, end); j += 1) out.push(at(j));
        return out;
      },
      lastChange: online > 0 ? at(0).appearsAt : isoDate(this.year, 1, 1),
    };
  }

  /** The filler post at a URL path, if the path is one. */
  byPath(path: string): FillerPost | undefined {
    const m = /(\d{7,})\.s?html?$/.exec(path);
    if (!m) return undefined;
    const i = Number(m[1]) - FILLER_SEQ_BASE;
    if (i < 0 || i >= this.count) return undefined;
    const post = this.post(i);
    return post.url === path ? post : undefined;
  }

  has(columnId: string): boolean {
    return this.columns.some((c) => c.id === columnId);
  }

  /** Every filler post in order, one at a time (for writing the truth). */
  *all(): Generator<FillerPost> {
    for (let i = 0; i < this.count; i += 1) yield this.post(i);
  }
}

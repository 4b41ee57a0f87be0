/**
 * A province-sized synthetic store for the scoring benchmark: districts shaped like the demo's (a poverty
 * office, a finance bureau, three sector bureaus, six townships with five villages each), a year of daily crawl
 * runs, imported records and matched posts — written with plain SQL in large transactions, because what is
 * measured is scoring, not how the rows got there.
 */
import type { Catalog, ItemId } from '../src/catalog/index.js';
import { elementGroups, elementKeys } from '../src/matchers/index.js';
import type { Store } from '../src/store/index.js';

const keysCache = new Map<string, string[]>();
function elementKeysOf(catalog: Catalog, item: ItemId): string[] {
  let keys = keysCache.get(item);
  if (!keys) {
    const found = catalog.items.find((i) => i.id === item);
    keys = found ? elementGroups(found).flatMap(elementKeys) : [];
    keysCache.set(item, keys);
  }
  return keys;
}

export interface ProvinceShape {
  districts: number;
  /** Posts per district (disclosures of the records, on a website and a feed, plus news). */
  postsPerDistrict: number;
  /** Records per district. */
  recordsPerDistrict: number;
  year: number;
  seed: number;
}

export interface ProvinceCounts {
  bodies: number;
  sources: number;
  runs: number;
  records: number;
  posts: number;
  links: number;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface BodyRow {
  id: string;
  name: string;
  level: 'county' | 'department' | 'township' | 'village';
  parent: string | null;
  role: 'poverty_office' | 'finance' | 'sector' | null;
  /** The website source that carries its posts (a village's is its township's). */
  web: string;
  feed: string | null;
}

// Which bodies form which records, and how many per district out of 100.
const RECORD_MIX: {
  item: ItemId;
  row: string;
  who: 'fpb' | 'czb' | 'sector' | 'township' | 'village';
  share: number;
}[] = [
  { item: 'funds.allocation', row: 'a', who: 'czb', share: 3 },
  { item: 'funds.sector', row: 'a', who: 'sector', share: 5 },
  { item: 'policy.normative', row: 'a', who: 'fpb', share: 1 },
  { item: 'policy.other', row: 'a', who: 'fpb', share: 1 },
  { item: 'projects.library', row: 'a', who: 'village', share: 3 },
  { item: 'projects.annual-plan', row: 'a', who: 'village', share: 3 },
  { item: 'projects.annual-plan', row: 'b', who: 'township', share: 2 },
  { item: 'projects.implementation', row: 'a', who: 'village', share: 55 },
  { item: 'projects.annual-completion', row: 'a', who: 'township', share: 3 },
  { item: 'target.identification', row: 'a', who: 'village', share: 12 },
  { item: 'target.exit', row: 'a', who: 'village', share: 12 },
];

function districtBodies(d: number): BodyRow[] {
  const p = `d${String(d).padStart(3, '0')}`;
  const bodies: BodyRow[] = [
    {
      id: `${p}-fpb`,
      name: `${p}区扶贫开发办公室`,
      level: 'county',
      parent: null,
      role: 'poverty_office',
      web: `${p}-fpb-web`,
      feed: null,
    },
    {
      id: `${p}-czb`,
      name: `${p}区财政局`,
      level: 'department',
      parent: null,
      role: 'finance',
      web: `${p}-czb-web`,
      feed: null,
    },
  ];
  for (const s of ['jtj', 'slj', 'jyj'])
    bodies.push({
      id: `${p}-${s}`,
      name: `${p}区${s}`,
      level: 'department',
      parent: null,
      role: 'sector',
      web: `${p}-${s}-web`,
      feed: null,
    });
  for (let t = 1; t <= 6; t += 1) {
    const tid = `${p}-t${t}`;
    bodies.push({
      id: tid,
      name: `${p}第${t}镇人民政府`,
      level: 'township',
      parent: null,
      role: null,
      web: `${tid}-web`,
      feed: `${tid}-wx`,
    });
    for (let v = 1; v <= 5; v += 1)
      bodies.push({
        id: `${tid}-v${v}`,
        name: `${p}第${t}镇第${v}村村民委员会`,
        level: 'village',
        parent: tid,
        role: null,
        web: `${tid}-web`,
        feed: `${tid}-wx`,
      });
  }
  return bodies;
}

/** Writes the province into an empty, migrated store. */
export function writeProvince(store: Store, catalog: Catalog, shape: ProvinceShape): ProvinceCounts {
  const { db } = store;
  const rand = random(shape.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const now = new Date().toISOString();
  const yearStart = Date.parse(`${shape.year}-01-01T00:00:00Z`);
  const counts: ProvinceCounts = { bodies: 0, sources: 0, runs: 0, records: 0, posts: 0, links: 0 };
  const blob = 'b'.repeat(64);
  db.prepare(
    `INSERT INTO blobs (sha256, size, encoding, data, created_at) VALUES (?, 0, 'identity', x'', ?)`,
  ).run(blob, now);
  const insertBody = db.prepare(
    `INSERT INTO bodies (id, name, level, parent_id, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSource = db.prepare(
    `INSERT INTO sources (id, body_id, kind, channel, config, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRun = db.prepare(
    `INSERT INTO crawl_runs (source_id, trigger, started_at, finished_at, status) VALUES (?, 'schedule', ?, ?, ?)`,
  );
  const insertRecord = db.prepare(
    `INSERT INTO records (key, item, row, body_id, title, ref_no, formed, amount, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFetch = db.prepare(
    `INSERT INTO fetches (id, source_id, url, purpose, at, status, outcome, body_sha256)
     VALUES (?, ?, ?, 'article', ?, 200, 'fetched', ?)`,
  );
  const insertPost = db.prepare(
    `INSERT INTO posts (id, source_id, url, title, published_at, first_seen, last_seen, removed_at, current_version_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertVersion = db.prepare(
    `INSERT INTO post_versions (id, post_id, content_sha256, body_sha256, fetch_id, seen_at, title, published_at, extracted)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}')`,
  );
  const insertMatch = db.prepare(
    `INSERT INTO matches (version_id, matcher_version, catalog, items, published_at, formed_at, notice, publisher_body,
       publisher_name, elements, privacy, interpretation_of, doc_no, analysis, matched_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, ?, '{}', ?)`,
  );
  const insertLink = db.prepare(
    `INSERT INTO match_records (version_id, record_id, score, reasons) VALUES (?, ?, 0.8, '[]')`,
  );
  const config = (kind: string) =>
    JSON.stringify({
      start: kind === 'offline' ? [] : ['https://example.gov.cn/'],
      scope: kind === 'offline' ? [] : ['https://example.gov.cn/'],
      render: 'static',
      schedule: kind === 'offline' ? null : '0 6 * * *',
      concurrency: 2,
      delayMs: 1000,
      allowPrivate: false,
      selectors: {},
      extra: {},
    });
  const matcherVersion = 'bench';
  let postId = 0;
  let recordId = 0;

  const writeDistrict = db.transaction((d: number) => {
    const bodies = districtBodies(d);
    for (const b of bodies) insertBody.run(b.id, b.name, b.level, b.parent, b.role, now, now);
    counts.bodies += bodies.length;
    const sources: { id: string; bodyId: string; kind: string; channel: string }[] = [];
    for (const b of bodies) {
      if (b.level !== 'village')
        sources.push({ id: b.web, bodyId: b.id, kind: 'website', channel: '政府网站' });
      if (b.level === 'township' && b.feed)
        sources.push({ id: b.feed, bodyId: b.id, kind: 'feed', channel: '两微一端' });
      if (b.level === 'village' || b.level === 'township')
        sources.push({ id: `${b.id}-board`, bodyId: b.id, kind: 'offline', channel: '村公示栏' });
    }
    for (const s of sources) insertSource.run(s.id, s.bodyId, s.kind, s.channel, config(s.kind), now, now);
    counts.sources += sources.length;
    // A crawl every morning all year; now and then a source is down for a few days.
    for (const s of sources) {
      if (s.kind === 'offline') continue;
      let downUntil = -1;
      for (let day = 0; day < 366; day += 1) {
        if (downUntil < day && rand() < 0.004) downUntil = day + 1 + Math.floor(rand() * 6);
        const at = new Date(yearStart + day * DAY - 2 * 3_600_000).toISOString();
        insertRun.run(s.id, at, at, day <= downUntil ? 'failed' : 'ok');
        counts.runs += 1;
      }
    }
    const byWho = {
      fpb: bodies.filter((b) => b.role === 'poverty_office'),
      czb: bodies.filter((b) => b.role === 'finance'),
      sector: bodies.filter((b) => b.role === 'sector'),
      township: bodies.filter((b) => b.level === 'township'),
      village: bodies.filter((b) => b.level === 'village'),
    };
    const total = RECORD_MIX.reduce((s, m) => s + m.share, 0);
    const records: { id: number; item: ItemId; body: BodyRow; formed: number; title: string }[] = [];
    for (const mix of RECORD_MIX) {
      const n = Math.round((shape.recordsPerDistrict * mix.share) / total);
      for (let i = 0; i < n; i += 1) {
        recordId += 1;
        const body = pick(byWho[mix.who]);
        const formed = yearStart + Math.floor(rand() * 330) * DAY;
        const title = `${body.name}${mix.item}第${i + 1}项`;
        insertRecord.run(
          `bench-${recordId}`,
          mix.item,
          mix.row,
          body.id,
          title,
          mix.item.startsWith('policy') || mix.item.startsWith('funds')
            ? `示${d}〔${shape.year}〕${i + 1}号`
            : null,
          isoDay(formed),
          Math.round(rand() * 2_000_000),
          now,
          now,
        );
        records.push({ id: recordId, item: mix.item, body, formed, title });
      }
    }
    counts.records += records.length;

    const addPost = (p: {
      source: string;
      body: BodyRow;
      title: string;
      items: ItemId[];
      published: number;
      formed: number | null;
      record: number | null;
    }) => {
      postId += 1;
      const id = postId;
      const url = `https://${p.source}.example.gov.cn/art/${id}.html`;
      const published = isoDay(p.published);
      // Seen by the next morning's crawl, now and then weeks later (a back-dated post).
      const seenMs = p.published + (rand() < 0.02 ? 20 : 1) * DAY;
      const seen = new Date(seenMs).toISOString();
      const removed = rand() < 0.03 ? new Date(seenMs + Math.floor(rand() * 20) * DAY).toISOString() : null;
      const keys = p.items.flatMap((item) => elementKeysOf(catalog, item));
      const missing = keys.filter(() => rand() < 0.05);
      const village = p.body.level === 'village';
      const notice =
        village && p.items.length > 0
          ? JSON.stringify({
              start: published,
              end: isoDay(p.published + 9 * DAY),
              days: rand() < 0.1 ? 7 : 10,
              unit: 'calendar',
            })
          : null;
      const privacy = rand() < 0.002 ? JSON.stringify([{ kind: 'id_number', count: 3 }]) : '[]';
      insertFetch.run(id, p.source, url, seen, blob);
      insertPost.run(id, p.source, url, p.title, published, seen, seen, removed, id);
      insertVersion.run(id, id, `c${id}`, blob, id, seen, p.title, published);
      insertMatch.run(
        id,
        matcherVersion,
        catalog.id,
        JSON.stringify(p.items.map((item) => ({ id: item, confidence: 0.9 }))),
        published,
        p.formed === null ? null : isoDay(p.formed),
        notice,
        p.body.id,
        JSON.stringify({ present: keys.filter((k) => !missing.includes(k)), missing }),
        privacy,
        null,
        now,
      );
      if (p.record !== null && rand() < 0.7) {
        insertLink.run(id, p.record);
        counts.links += 1;
      }
      counts.posts += 1;
    };

    let written = 0;
    for (const r of records) {
      if (rand() < 0.06) continue; // never published
      const delay = Math.floor(rand() < 0.8 ? rand() * 14 : 14 + rand() * 40) * DAY;
      const post = {
        body: r.body,
        title: `关于${r.title}的公示`,
        items: [r.item],
        published: r.formed + delay,
        formed: r.formed,
        record: r.id,
      };
      addPost({ ...post, source: r.body.web });
      written += 1;
      if (r.body.feed && rand() < 0.6) {
        addPost({ ...post, source: r.body.feed, published: post.published + DAY });
        written += 1;
      }
    }
    // The rest are what sites mostly carry: news, notices of other programmes, meeting reports.
    for (; written < shape.postsPerDistrict; written += 1) {
      const body = pick(bodies);
      const source = body.feed && rand() < 0.3 ? body.feed : body.web;
      addPost({
        source,
        body,
        title: `${body.name}工作动态${written}`,
        items: [],
        published: yearStart + Math.floor(rand() * 360) * DAY,
        formed: null,
        record: null,
      });
    }
  });
  for (let d = 1; d <= shape.districts; d += 1) writeDistrict(d);
  return counts;
}

import path from 'node:path';
import { loadCalendar, loadCatalog, parseWithSchema, readYamlFile } from '../../src/catalog/index.js';
import {
  SchemeSchema,
  type ScoringBody,
  type ScoringInput,
  type ScoringOffline,
  type ScoringPost,
  type ScoringRecord,
  type ScoringRun,
  type ScoringSource,
} from '../../src/scoring/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const catalog = loadCatalog('shifanqu-2020', { dir: path.join(ROOT, 'data/catalog') }).catalog;
export const calendar = loadCalendar();
export const scheme = parseWithSchema(
  SchemeSchema,
  readYamlFile(path.join(ROOT, 'data/scoring/default.yaml')),
);

export const BODIES: ScoringBody[] = [
  {
    id: 'fpb',
    name: '示范区扶贫开发办公室',
    level: 'county',
    parentId: null,
    role: 'poverty_office',
    active: true,
  },
  { id: 'czb', name: '示范区财政局', level: 'department', parentId: null, role: 'finance', active: true },
  { id: 't-a', name: '甲镇人民政府', level: 'township', parentId: null, role: null, active: true },
  { id: 'v-a', name: '甲村村民委员会', level: 'village', parentId: 't-a', role: null, active: true },
];

export const SOURCES: ScoringSource[] = [
  { id: 'fpb-web', bodyId: 'fpb', kind: 'website', channel: '政府网站', active: true },
  { id: 'czb-web', bodyId: 'czb', kind: 'website', channel: '政府网站', active: true },
  { id: 't-a-web', bodyId: 't-a', kind: 'website', channel: '政府网站', active: true },
  { id: 't-a-board', bodyId: 't-a', kind: 'offline', channel: '村公示栏', active: true },
  { id: 'v-a-board', bodyId: 'v-a', kind: 'offline', channel: '村公示栏', active: true },
];

let nextId = 1;

export function aRecord(overrides: Partial<ScoringRecord> = {}): ScoringRecord {
  return {
    id: nextId++,
    item: 'funds.allocation',
    row: 'a',
    bodyId: 'czb',
    title: '2020年第二批中央财政专项扶贫资金分配',
    refNo: '示财〔2020〕21号',
    formed: '2020-04-24',
    amount: 1_280_000,
    ...overrides,
  };
}

export function aPost(overrides: Partial<ScoringPost> = {}): ScoringPost {
  const id = nextId++;
  const published = overrides.publishedAt ?? '2020-05-18';
  // Seen by the next morning's crawl unless a test says otherwise.
  const firstSeen = new Date(Date.parse(`${published}T22:00:00Z`)).toISOString();
  return {
    id,
    sourceId: 'czb-web',
    url: `http://czj.example.gov.cn/zjgs/t${id}.html`,
    title: '关于2020年第二批中央财政专项扶贫资金分配结果的公告',
    firstSeen,
    removedAt: null,
    versionId: id * 10,
    fetchId: id * 100,
    sha256: 'a'.repeat(64),
    items: ['funds.allocation'],
    publishedAt: '2020-05-18',
    formedAt: '2020-04-24',
    notice: null,
    publisherBodyId: 'czb',
    elements: { present: ['资金名称', '资金来源', '资金规模'], missing: [] },
    privacy: [],
    interpretationOf: null,
    docNo: null,
    recordIds: [],
    reviewed: false,
    ...overrides,
  };
}

export function anOffline(overrides: Partial<ScoringOffline> = {}): ScoringOffline {
  return {
    id: nextId++,
    bodyId: 'v-a',
    item: 'target.exit',
    recordId: null,
    channel: '村公示栏',
    title: '拟退出贫困户公示',
    postedFrom: '2020-10-12',
    postedTo: '2020-10-25',
    statedDays: 10,
    ...overrides,
  };
}

/** Crawls of every website source, once a week all year, all successful. */
export function weeklyRuns(sourceIds = ['fpb-web', 'czb-web', 't-a-web'], ok = true): ScoringRun[] {
  const runs: ScoringRun[] = [];
  for (
    let day = Date.parse('2020-01-06T22:00:00Z');
    day < Date.parse('2021-01-31T00:00:00Z');
    day += 7 * 86_400_000
  ) {
    for (const sourceId of sourceIds) runs.push({ sourceId, startedAt: new Date(day).toISOString(), ok });
  }
  return runs;
}

export function anInput(overrides: Partial<ScoringInput> = {}): ScoringInput {
  return {
    catalog,
    calendar,
    scheme,
    year: 2020,
    today: '2020-12-31',
    bodies: BODIES,
    sources: SOURCES,
    runs: weeklyRuns(),
    records: [],
    posts: [],
    offline: [],
    ...overrides,
  };
}

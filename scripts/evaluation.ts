import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Catalog, loadCalendar, loadCatalog, type WorkingCalendar } from '../src/catalog/index.js';
import { toPostDocument } from '../src/cli/post-document.js';
import { decodeBody } from '../src/crawlers/charset.js';
import { extractArticle } from '../src/crawlers/extract/index.js';
import { type Analysis, createAnalyzer, type PostDocument } from '../src/matchers/index.js';

const ROOT = path.resolve(import.meta.dirname, '..');
export const POSTS_DIR = path.join(ROOT, 'test', 'fixtures', 'posts');

/** One labelled post of the development set (test/fixtures/posts/README.md). */
export interface Label {
  file: string;
  url: string;
  items: string[];
  publishedAt: string | null;
  formedAt: string | null;
  notice: { start: string | null; end: string | null; days: number; unit: 'calendar' | 'workdays' } | null;
  publisher: string | null;
  publisherLevel: string | null;
  elements: { present: string[]; missing: string[] };
  privacy: Array<{ kind: string; count: number }>;
}

/** A post's analysis beside its label. */
export interface Outcome {
  label: Label;
  analysis: Analysis;
  doc: PostDocument;
}

/** The labelled posts, in the order of labels.json. */
export function readLabels(): Label[] {
  return JSON.parse(readFileSync(path.join(POSTS_DIR, 'labels.json'), 'utf8')) as Label[];
}

/** The year from which a post is read with the 2021 乡村振兴 catalog, as the labels do. */
const RENAMED_FROM = 2021;

function analyzers() {
  const dir = path.join(ROOT, 'data', 'catalog');
  const catalogs: Catalog[] = ['shifanqu-2020', 'shifanqu-2021-xczx'].map(
    (id) => loadCatalog(id, { dir }).catalog,
  );
  const calendar: WorkingCalendar = loadCalendar(path.join(ROOT, 'data', 'calendar', 'district.yaml'));
  const [early, late] = catalogs.map((catalog) => createAnalyzer({ catalog, calendar }));
  if (!early || !late) throw new Error('catalogs missing');
  return { early, late };
}

/**
 * The same posts under a title that names nothing (公示, 公告 or 通知, as the title ended) and without their
 * column: how well the body alone decides, as on a village board reposted with a bare title.
 */
export function analyseUnderGenericTitles(outcomes: readonly Outcome[]): Outcome[] {
  const { early, late } = analyzers();
  return outcomes.map((o) => {
    const title = /公告$/.test(o.doc.title) ? '公告' : /公示$/.test(o.doc.title) ? '公示' : '通知';
    const { columnName: _c, columnType: _t, ...meta } = o.doc.meta;
    const { category: _g, ...header } = o.doc.header;
    const doc: PostDocument = { ...o.doc, title, meta, header };
    const analyze = o.analysis.catalog === 'shifanqu-2021-xczx' ? late : early;
    return { ...o, doc, analysis: analyze(doc) };
  });
}

/** Analyses posts as gongkai would: bytes → decode → extract → adapt → analyse. The label is not read. */
export function analyseLabelled(labels: readonly Label[]): Outcome[] {
  const { early, late } = analyzers();
  return labels.map((label) => {
    const bytes = readFileSync(path.join(POSTS_DIR, label.file));
    const html = decodeBody(bytes).text;
    const doc = toPostDocument(extractArticle(html, label.url), { html });
    const first = early(doc);
    const date = first.publishedAt?.date ?? first.formedAt?.date ?? first.publishedHint?.date;
    const analysis = date !== undefined && Number(date.slice(0, 4)) >= RENAMED_FROM ? late(doc) : first;
    return { label, analysis, doc };
  });
}

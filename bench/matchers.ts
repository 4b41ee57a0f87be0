// Matchers benchmark: posts per second for the whole analysis (analyzePost, not extraction) on one core.
// Run: npx tsx bench/matchers.ts [--seconds 5]
// The labelled posts are decoded, extracted and adapted once, outside the timing; then every post is
// analysed in a loop for the given wall time. A second set pads each post's body to about 5 KB of text
// (its own paragraphs repeated), the size DESIGN.md's budget assumes for a typical post.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCalendar, loadCatalog } from '../src/catalog/index.js';
import { toPostDocument } from '../src/cli/post-document.js';
import { decodeBody } from '../src/crawlers/charset.js';
import { extractArticle } from '../src/crawlers/extract/index.js';
import { createAnalyzer, type PostDocument } from '../src/matchers/index.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const POSTS = path.join(ROOT, 'test', 'fixtures', 'posts');
const TARGET_BYTES = 5_000;
const secondsArg = process.argv.indexOf('--seconds');
const SECONDS = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 5;

const labels = JSON.parse(readFileSync(path.join(POSTS, 'labels.json'), 'utf8')) as Array<{
  file: string;
  url: string;
}>;
const docs: PostDocument[] = labels.map(({ file, url }) => {
  const html = decodeBody(readFileSync(path.join(POSTS, file))).text;
  return toPostDocument(extractArticle(html, url), { html });
});

function padded(doc: PostDocument): PostDocument {
  const bytes = Buffer.byteLength(doc.text);
  if (bytes >= TARGET_BYTES || bytes === 0) return doc;
  const times = Math.ceil(TARGET_BYTES / bytes);
  const paragraphs = doc.blocks.slice(0, -3);
  const tail = doc.blocks.slice(-3);
  const blocks = [...Array.from({ length: times }, () => paragraphs).flat(), ...tail];
  const text = Array.from({ length: times }, () => doc.text).join('\n');
  return { ...doc, text, blocks };
}

const catalog = loadCatalog('shifanqu-2020', { dir: path.join(ROOT, 'data', 'catalog') }).catalog;
const calendar = loadCalendar(path.join(ROOT, 'data', 'calendar', 'district.yaml'));
const registry = path.join(ROOT, 'data', 'registry.example.yaml');
const bodies = [
  {
    id: 'fpb',
    name: '示范区扶贫开发办公室',
    level: 'county' as const,
    aliases: ['区扶贫办', '示范区扶贫办'],
  },
  { id: 'czb', name: '示范区财政局', level: 'department' as const, aliases: [] },
  { id: 't-chengcun', name: '城村镇人民政府', level: 'township' as const, aliases: ['城村镇'] },
  { id: 'v-xicun', name: '西村村民委员会', level: 'village' as const, aliases: ['西村村委会', '西村'] },
];
const analyze = createAnalyzer({ catalog, calendar, bodies });

function run(name: string, set: readonly PostDocument[]): void {
  for (const doc of set) analyze(doc); // warm-up: JIT and the regexp caches
  let posts = 0;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  while (performance.now() - started < SECONDS * 1000) {
    for (const doc of set) analyze(doc);
    posts += set.length;
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const meanBytes = set.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / set.length;
  console.log(
    `${name}: ${set.length} posts, mean body ${(meanBytes / 1000).toFixed(1)} KB — ` +
      `${Math.round(posts / wallSeconds)} posts/s wall, ${Math.round(posts / cpuSeconds)} posts/s CPU ` +
      `(${(((1000 * wallSeconds) / posts) * 1000).toFixed(0)} µs per post)`,
  );
}

console.log(
  `node ${process.version}, catalog ${catalog.id}, ${SECONDS} s per set, registry of ${bodies.length} bodies (${path.relative(ROOT, registry)})`,
);
run('labelled posts as they are', docs);
run('labelled posts padded to ~5 KB of body text', docs.map(padded));

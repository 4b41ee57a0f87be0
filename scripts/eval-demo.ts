import path from 'node:path';
import { loadCalendar, loadCatalog } from '../src/catalog/index.js';
import { toPostDocument } from '../src/cli/post-document.js';
import { decodeBody } from '../src/crawlers/charset.js';
import { extractArticle, extractAttachmentText } from '../src/crawlers/extract/index.js';
import { createDemoWorld, startDemoServer } from '../src/demo/index.js';
import { createAnalyzer } from '../src/matchers/index.js';

// `npm run eval:demo [-- --seeds 1,2,3] [-- --mismatches]`: the matchers on the demo web's pages, measured against
// the demo's truth. The demo's texts were written apart from the labelled set and the rules, so this is a second,
// held-out measure of how the matchers generalise (not a set to tune to).

const args = process.argv.slice(2);
const seedsArg = args[args.indexOf('--seeds') + 1];
const seeds = args.includes('--seeds') && seedsArg ? seedsArg.split(',').map(Number) : [1, 2];
const showMismatches = args.includes('--mismatches');
const out = (text: string) => process.stdout.write(`${text}\n`);
const pct = (n: number, d: number) => (d === 0 ? '   —  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

const ROOT = path.resolve(import.meta.dirname, '..');
const catalog = loadCatalog('shifanqu-2020', { dir: path.join(ROOT, 'data', 'catalog') }).catalog;
const calendar = loadCalendar(path.join(ROOT, 'data', 'calendar', 'district.yaml'));

const tally = {
  posts: 0,
  item: 0,
  published: 0,
  notice: 0,
  noticeTotal: 0,
  privacy: 0,
  elementTp: 0,
  elementFp: 0,
  elementFn: 0,
};
const perItem = new Map<string, { tp: number; fp: number; fn: number }>();
const bump = (id: string, key: 'tp' | 'fp' | 'fn') => {
  const m = perItem.get(id) ?? { tp: 0, fp: 0, fn: 0 };
  m[key] += 1;
  perItem.set(id, m);
};

for (const seed of seeds) {
  const world = createDemoWorld({ seed, catalog, calendar });
  const analyze = createAnalyzer({
    catalog,
    calendar,
    bodies: world.district.bodies.map((b) => ({
      id: b.id,
      name: b.name,
      level: b.level,
      aliases: b.aliases,
    })),
  });
  const server = await startDemoServer(world, 0, { today: `${world.year}-12-31` });
  for (const post of world.posts) {
    server.today = post.appearsAt;
    const response = await fetch(`${server.origin}${post.url}`);
    if (response.status !== 200) continue;
    const html = decodeBody(
      new Uint8Array(await response.arrayBuffer()),
      response.headers.get('content-type') ?? undefined,
    ).text;
    const article = extractArticle(html, `${server.origin}${post.url}`);
    const attachments = [];
    for (const link of article.attachments) {
      const file = await fetch(link.url);
      if (file.status !== 200) continue;
      const text = await extractAttachmentText(new Uint8Array(await file.arrayBuffer()), {
        fileName: link.url.split('/').pop() ?? '',
      });
      if (text.kind === 'text') attachments.push({ url: link.url, text: text.text, tables: text.tables });
    }
    const analysis = analyze(toPostDocument(article, { html, attachments }));
    tally.posts += 1;
    const want = post.items[0] ?? 'none';
    const got = analysis.items[0]?.id ?? 'none';
    if (want === got) tally.item += 1;
    if (want !== 'none') bump(want, want === got ? 'tp' : 'fn');
    if (got !== 'none' && got !== want) bump(got, 'fp');
    if ((analysis.publishedAt?.date ?? null) === post.publishedAt) tally.published += 1;
    if (post.notice || analysis.notice) {
      tally.noticeTotal += 1;
      const same =
        post.notice &&
        analysis.notice &&
        analysis.notice.start === post.notice.start &&
        analysis.notice.days === post.notice.days;
      if (same) tally.notice += 1;
    }
    const privacyWant = JSON.stringify(post.privacy.map((p) => [p.kind, p.count]).sort());
    const privacyGot = JSON.stringify(analysis.privacy.map((p) => [p.kind, p.count]).sort());
    if (privacyWant === privacyGot) tally.privacy += 1;
    if (want === got && want !== 'none') {
      const present = new Set(analysis.elements.present.map((e) => e.key));
      for (const key of post.elements.present)
        if (present.has(key)) tally.elementTp += 1;
        else tally.elementFn += 1;
      for (const key of present)
        if (!post.elements.present.includes(key) && post.elements.missing.includes(key)) tally.elementFp += 1;
    }
    if (showMismatches && (want !== got || (analysis.publishedAt?.date ?? null) !== post.publishedAt)) {
      out(
        `${post.url}  want ${want} ${post.publishedAt}  got ${got} ${analysis.publishedAt?.date ?? null}  「${post.title}」`,
      );
    }
  }
  await server.close();
}

out(`demo posts (seeds ${seeds.join(',')}): ${tally.posts}`);
out('item                         precision  recall   tp  fp  fn');
for (const [id, m] of [...perItem.entries()].sort()) {
  out(
    `${id.padEnd(28)} ${pct(m.tp, m.tp + m.fp)}   ${pct(m.tp, m.tp + m.fn)} ${String(m.tp).padStart(4)}${String(m.fp).padStart(4)}${String(m.fn).padStart(4)}`,
  );
}
out(
  `item accuracy: ${pct(tally.item, tally.posts)}   publication date: ${pct(tally.published, tally.posts)}`,
);
out(
  `notice period (start and days): ${pct(tally.notice, tally.noticeTotal)} of ${tally.noticeTotal}   personal data: ${pct(tally.privacy, tally.posts)}`,
);
out(
  `elements: precision ${pct(tally.elementTp, tally.elementTp + tally.elementFp)}, recall ${pct(tally.elementTp, tally.elementTp + tally.elementFn)}`,
);

import { describe, expect, it } from 'vitest';
import { toPostDocument } from '../../src/cli/post-document.js';
import { decodeBody } from '../../src/crawlers/charset.js';
import { extractArticle } from '../../src/crawlers/extract/index.js';
import { type Analysis, createAnalyzer, type PostDocument } from '../../src/matchers/index.js';
import { aPost, calendar, catalog2020 } from './builders.js';

const analyze = createAnalyzer({
  catalog: catalog2020,
  calendar,
  bodies: [{ id: 'fpb', name: '示范区扶贫开发办公室', level: 'county', aliases: ['区扶贫办'] }],
});
const LIMIT_MS = 5_000;

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function timed(doc: PostDocument): { analysis: Analysis; ms: number } {
  const started = performance.now();
  const analysis = analyze(doc);
  return { analysis, ms: performance.now() - started };
}

/** A post whose every string field carries the same hostile text. */
function hostile(text: string): PostDocument {
  return aPost({
    title: text.slice(0, 500),
    text,
    header: {
      publisher: text.slice(0, 80),
      publishedOn: text.slice(0, 40),
      formedOn: text.slice(0, 40),
      docNo: text.slice(0, 60),
    },
    meta: { pubDate: text.slice(0, 30), source: text.slice(0, 50), columnName: text.slice(0, 30) },
    attachments: [{ name: text.slice(0, 100), text: text.slice(0, 100_000) }],
  });
}

describe('analyzePost on hostile input', () => {
  it('survives random bytes decoded any way, through the whole pipeline', () => {
    const next = random(20200512);
    for (let round = 0; round < 20; round++) {
      const bytes = Uint8Array.from({ length: 20_000 }, () => Math.floor(next() * 256));
      const html = decodeBody(bytes).text;
      const fromPage = toPostDocument(extractArticle(html), { html });
      expect(() => analyze(fromPage)).not.toThrow();
      expect(timed(hostile(html)).ms).toBeLessThan(LIMIT_MS);
    }
  });

  it('reads 10 MB of text in bounded time', () => {
    const line =
      '经区脱贫攻坚工作指挥部审定，现将2020年财政专项扶贫资金分配结果公示如下：公示期7天，监督电话12317。\n';
    const text = line.repeat(Math.ceil(10_000_000 / line.length));
    const { analysis, ms } = timed(hostile(text));
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(analysis.items[0]?.id).toBe('funds.allocation');
  });

  it('reads a page of nothing but dates', () => {
    const forms = [
      '2020年5月12日',
      '二〇二〇年五月十二日',
      '5月12日',
      '2020.5.12',
      '2020610日至620日',
      '2020-05-12 10:30',
    ];
    const text = Array.from({ length: 200_000 }, (_, i) => forms[i % forms.length]).join('\n');
    const { analysis, ms } = timed(hostile(text));
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(analysis.items).toEqual([]);
  });

  it('reads deeply nested tables written out as text', () => {
    const depth = 5_000;
    const text = `${'<table><tr><td>'.repeat(depth)}公示期：2020年5月12日至5月21日${'</td></tr></table>'.repeat(depth)}`;
    const blocks = Array.from({ length: 2_000 }, () => ({
      kind: 'table' as const,
      rows: [['\t'.repeat(100)]],
    }));
    const { ms } = timed({ ...hostile(text), blocks });
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('reads 100,000 digits without taking them for personal numbers', () => {
    const text = '1'.repeat(100_000);
    const { analysis, ms } = timed(hostile(text));
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(analysis.privacy).toEqual([]);
  });

  it('reads empty and whitespace-only posts', () => {
    expect(analyze(aPost()).items).toEqual([]);
    expect(analyze(hostile(' \n\t\u3000')).publishedAt).toBeNull();
  });

  it('stays linear: twice the text takes about twice the time, not four times', () => {
    const line = '公示期：2020年5月12日至5月21日，户主张三，身份证号11010519491231002X，电话13800138000。\n';
    const small = hostile(line.repeat(20_000));
    const large = hostile(line.repeat(40_000));
    timed(small);
    const a = timed(small).ms;
    const b = timed(large).ms;
    expect(b).toBeLessThan(a * 3 + 200);
  });
});

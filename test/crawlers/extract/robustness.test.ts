import { describe, expect, it } from 'vitest';
import {
  classifyUrl,
  extractArticle,
  extractListPage,
  extractPageMeta,
  MAX_HTML_CHARS,
  parseGkmlptListApi,
  parseHanwebDataproxy,
  parseHeaderBlock,
} from '../../../src/crawlers/extract/index.js';

const URL = 'http://www.shifanqu.gov.cn/zwgk/tzgg/index.html';
const BUDGET_MS = 10_000;

/** A deterministic byte stream (xorshift), so a failure can be replayed. */
function randomText(length: number, seed: number): string {
  let x = seed;
  const codes = new Uint16Array(length);
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const r = x >>> 0;
    codes[i] = r % 5 === 0 ? 0x4e00 + (r % 0x5000) : r % 128;
  }
  return new TextDecoder('utf-16le').decode(codes);
}

/** Runs every HTML extractor on the input within the budget; they must neither throw nor hang. */
function runAll(html: string): number {
  const started = performance.now();
  extractArticle(html, URL);
  extractListPage(html, URL);
  extractPageMeta(html, URL);
  parseHeaderBlock(html, URL);
  parseHanwebDataproxy(html, URL);
  parseGkmlptListApi(html, URL);
  return performance.now() - started;
}

describe('the extractors on hostile input', () => {
  it('return for random bytes', () => {
    for (const seed of [1, 2, 3, 4, 5]) expect(runAll(randomText(200_000, seed))).toBeLessThan(BUDGET_MS);
  });

  it('return for 10 MB of text and say it was cut', () => {
    const html = `<html><body><div>${'扶贫资金项目公示。'.repeat(1_200_000)}</div></body></html>`;
    expect(html.length).toBeGreaterThan(MAX_HTML_CHARS);
    expect(runAll(html)).toBeLessThan(BUDGET_MS);
    expect(extractArticle(html).truncated).toBe(true);
  });

  it('return for 5,000 nested divs with text and links at the bottom', () => {
    const inner =
      '<p>发布时间：2020-05-12 来源：城村镇人民政府</p><ul><li><a href="/a/t20200512_1.html">扶贫项目公示标题</a>2020-05-12</li></ul>';
    const html = `${'<div class="c">'.repeat(5_000)}${inner}${'</div>'.repeat(5_000)}`;
    expect(runAll(html)).toBeLessThan(BUDGET_MS);
    expect(extractArticle(html).header.publisher).toBe('城村镇人民政府');
    expect(extractListPage(html, URL).links).toHaveLength(1);
  });

  it('keep every character of text nested 5,000 deep', () => {
    const html = `<div class="TRS_Editor">${'<div>字'.repeat(5_000)}${'</div>'.repeat(5_000)}</div>`;
    expect(extractArticle(html).body.text.replace(/\s/g, '')).toBe('字'.repeat(5_000));
  });

  it('return for 50,000 unclosed nested tables and spans', () => {
    expect(runAll('<table><tr><td><span>'.repeat(50_000))).toBeLessThan(BUDGET_MS);
  });

  it('return for a page of nothing but dates', () => {
    const dates = Array.from(
      { length: 20_000 },
      (_, i) => `<li>2020-05-${String((i % 28) + 1).padStart(2, '0')}</li>`,
    );
    const html = `<ul>${dates.join('')}</ul><p>${'[05-12] '.repeat(50_000)}</p>`;
    expect(runAll(html)).toBeLessThan(BUDGET_MS);
    expect(extractListPage(html, URL).links).toEqual([]);
  });

  it('return for 20,000 dated links in one paragraph', () => {
    const html = `<p>${'<a href="/a/t20200512_1.html">扶贫项目公示标题</a> 2020-05-12 '.repeat(20_000)}</p>`;
    expect(runAll(html)).toBeLessThan(BUDGET_MS);
  });

  it('return for unterminated scripts, comments, CDATA and attributes', () => {
    for (const html of [
      '<script>var ct = "1589251200"; DETAIL: {"title": "x',
      '<!-- 注释没有结束',
      '<record><![CDATA['.repeat(10_000),
      `<a href="${'x'.repeat(100_000)}`,
      '<table><tr><td rowspan="99999999" colspan="99999999">格</td></tr></table>',
      'createPageHTML(99999, 0, "index", "html")',
      '\u0000\uffff\ud800',
    ]) {
      expect(runAll(html)).toBeLessThan(BUDGET_MS);
    }
  });

  it('return for page URLs that are not URLs', () => {
    const html = '<ul><li><a href="./202005/t20200512_1.html">扶贫项目公示标题</a>2020-05-12</li></ul>';
    for (const url of ['', 'javascript:alert(1)', 'http://', '\u0000', 'x'.repeat(100_000)]) {
      expect(classifyUrl(url)).toBeUndefined();
      expect(extractListPage(html, url).links).toEqual([]);
      expect(extractArticle(html, url).url).toBeUndefined();
      expect(parseGkmlptListApi('{"articles":[]}', url)).toMatchObject({ kind: 'failed' });
    }
  });
});

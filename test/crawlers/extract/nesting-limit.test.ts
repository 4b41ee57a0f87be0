import { describe, expect, it } from 'vitest';
import { limitNesting } from '../../../src/crawlers/extract/nesting-limit.js';

describe('limitNesting', () => {
  it('returns a page within the limit unchanged', () => {
    const html = '<div><ul><li><a href="/a.html">标题</a><li>二</ul><br><img src="x"></div>';
    expect(limitNesting(html, 3)).toBe(html);
  });

  it('drops opening tags past the limit and as many closing ones, keeping the text', () => {
    expect(limitNesting('<div><div><div>字</div></div></div>尾', 1)).toBe('<div>字</div>尾');
  });

  it('keeps one link open past the limit', () => {
    expect(limitNesting('<div><div><a href="/a.html"><b>标题</b></a></div></div>', 1)).toBe(
      '<div><a href="/a.html">标题</a></div>',
    );
  });

  it('does not count tags inside comments and scripts', () => {
    const html = '<div><!-- <div><div> --><script>var s = "<div><div>";</script><p>正文</p></div>';
    expect(limitNesting(html, 1)).toBe(html);
  });

  it('stops at a tag that never ends', () => {
    expect(limitNesting(`<div><div ${'x'.repeat(1_000)}`, 1)).toBe(`<div><div ${'x'.repeat(1_000)}`);
  });
});

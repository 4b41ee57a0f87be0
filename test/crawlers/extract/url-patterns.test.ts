import { describe, expect, it } from 'vitest';
import { classifyUrl, isArticleUrl } from '../../../src/crawlers/extract/index.js';

describe('classifyUrl', () => {
  // DOMAIN.md, "URL classification": one row each.
  it.each([
    [
      'http://www.moe.gov.cn/jyb_xwfb/gzdt_gzdt/moe_1485/202607/t20260719_1444325.html',
      { family: 'trs', kind: 'article', id: '1444325', dateHint: '2026-07-19' },
    ],
    [
      'https://www.nra.gov.cn/ztzl/hd/cxdh/cxcg/tkjj/201705/t20170502_146749.shtml',
      { family: 'trs', kind: 'article', id: '146749', dateHint: '2017-05-02' },
    ],
    [
      'http://www.yunhe.gov.cn/art/2021/11/15/art_1229381708_4805048.html',
      { family: 'hanweb', kind: 'article', column: '1229381708', id: '4805048', dateHint: '2021-11-15' },
    ],
    [
      'https://ws.zibo.gov.cn/art/2024/8/8/art_1336_2836366.html',
      { family: 'hanweb', kind: 'article', column: '1336', id: '2836366', dateHint: '2024-08-08' },
    ],
    [
      'http://www.nbjb.gov.cn/col/col1229214366/index.html',
      { family: 'hanweb', kind: 'list', column: '1229214366' },
    ],
    [
      'http://www.yangjiang.gov.cn/gkmlpt/content/0/508/post_508890.html',
      { family: 'gkmlpt', kind: 'article', id: '508890' },
    ],
    [
      'https://gzw.sz.gov.cn/zwgk/qt/rsxx/content/post_12612456.html',
      { family: 'gkmlpt', kind: 'article', id: '12612456' },
    ],
    [
      'https://www.gd.gov.cn/gkmlpt/api/all/5?page=1&sid=2',
      { family: 'gkmlpt', kind: 'list-api', column: '5', site: '2', page: 1 },
    ],
    [
      'http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm',
      { family: 'govcn', kind: 'article', id: '5454164', dateHint: '2019-11-21' },
    ],
    ['https://www.hanyin.gov.cn/Content-2331720.html', { family: 'unknown', kind: 'article', id: '2331720' }],
  ])('reads %s', (url, facts) => {
    expect(classifyUrl(url)).toEqual(facts);
  });

  it('returns the shapes DOMAIN.md lists under "Others seen"', () => {
    expect(classifyUrl('https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm')).toEqual({
      family: 'govcn',
      kind: 'article',
      id: '7047091',
    });
    expect(classifyUrl('http://www.ynlx.gov.cn/info/11649/132953.htm')).toEqual({
      family: 'unknown',
      kind: 'article',
      column: '11649',
      id: '132953',
    });
    expect(classifyUrl('http://www.taiyuan.gov.cn/doc/2020/05/12/987654.shtml')).toEqual({
      family: 'unknown',
      kind: 'article',
      id: '987654',
      dateHint: '2020-05-12',
    });
  });

  it('returns WeChat articles by their token or sn', () => {
    expect(classifyUrl('https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOp-12345')).toEqual({
      family: 'wechat',
      kind: 'article',
      id: 'AbCdEfGhIjKlMnOp-12345',
    });
    expect(
      classifyUrl('https://mp.weixin.qq.com/s?__biz=MzA4NjE2MjY4Mw==&mid=2651234567&idx=1&sn=0a1b2c'),
    ).toEqual({
      family: 'wechat',
      kind: 'article',
      id: '0a1b2c',
    });
  });

  it('returns the Hanweb list API with its column', () => {
    expect(
      classifyUrl(
        'http://www.nbjb.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=46&endrecord=90&columnid=1229214366',
      ),
    ).toEqual({ family: 'hanweb', kind: 'list-api', column: '1229214366' });
  });

  it('leaves out a date hint that is no real day', () => {
    expect(classifyUrl('http://x.gov.cn/202002/t20200230_1.html')).toEqual({
      family: 'trs',
      kind: 'article',
      id: '1',
    });
  });

  it.each([
    'http://www.shifanqu.gov.cn/zwgk/tzgg/index.html',
    'http://www.shifanqu.gov.cn/',
    'not a url',
    '',
  ])('returns undefined for %j', (url) => {
    expect(classifyUrl(url)).toBeUndefined();
  });
});

describe('isArticleUrl', () => {
  it('returns true only for article shapes', () => {
    expect(isArticleUrl('http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm')).toBe(true);
    expect(isArticleUrl('https://www.gd.gov.cn/gkmlpt/api/all/5?page=1&sid=2')).toBe(false);
    expect(isArticleUrl('http://www.nbjb.gov.cn/col/col1229214366/index.html')).toBe(false);
  });
});

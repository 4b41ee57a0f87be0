import { describe, expect, it } from 'vitest';
import { extractPageMeta, isValidSiteIdCode } from '../../../src/crawlers/extract/index.js';
import { readPage } from './read-page.js';

const head = (metas: string) => `<html><head>${metas}</head><body></body></html>`;

describe('extractPageMeta', () => {
  it('returns the DOMAIN.md gov.cn example in the expected shape', () => {
    const html = head(
      '<meta name="SiteName" content="中国政府网"><meta name="SiteDomain" content="www.gov.cn">' +
        '<meta name="SiteIDCode" content="bm01000001"><meta name="ColumnType" content="政策文件">' +
        '<meta name="ArticleTitle" content="今天的国务院常务会议定了这3件大事">' +
        '<meta name="PubDate" content="2017-04-12 21:37"><meta name="ContentSource" content="中国政府网">',
    );
    expect(extractPageMeta(html)).toEqual({
      siteName: '中国政府网',
      siteDomain: 'www.gov.cn',
      siteIdCode: 'bm01000001',
      columnType: ['政策文件'],
      title: '今天的国务院常务会议定了这3件大事',
      pubDate: '2017-04-12T21:37+08:00',
      source: '中国政府网',
    });
  });

  it('reads names in any case', () => {
    const html = head(
      '<meta name="siteidcode" content="1304000009"><META NAME="PUBDATE" CONTENT="2025-07-14 01:59">',
    );
    expect(extractPageMeta(html)).toEqual({ siteIdCode: '1304000009', pubDate: '2025-07-14T01:59+08:00' });
  });

  it('splits ColumnType on full-width and ASCII commas and 顿号', () => {
    expect(extractPageMeta(head('<meta name="ColumnType" content="信息公开，政策文件">')).columnType).toEqual(
      ['信息公开', '政策文件'],
    );
    expect(
      extractPageMeta(head('<meta name="ColumnType" content="工作动态,通知公告、政策解读">')).columnType,
    ).toEqual(['工作动态', '通知公告', '政策解读']);
  });

  it('returns an invalid SiteIDCode under invalid, not as the code', () => {
    expect(extractPageMeta(head('<meta name="SiteIDCode" content="28">'))).toEqual({
      invalid: { siteIdCode: '28' },
    });
  });

  it('keeps the seconds of a PubDate and returns a bare date when it has no time', () => {
    expect(extractPageMeta(head('<meta name="PubDate" content="2020-06-03 15:20:00">')).pubDate).toBe(
      '2020-06-03T15:20:00+08:00',
    );
    expect(extractPageMeta(head('<meta name="PubDate" content="2020-06-03">')).pubDate).toBe('2020-06-03');
    expect(extractPageMeta(head('<meta name="PubDate" content="昨天">'))).toEqual({
      invalid: { pubDate: '昨天' },
    });
  });

  it('returns the optional tags and the canonical link as absolute URLs', () => {
    const html = head(
      '<meta name="Keywords" content="扶贫,公示"><meta name="Author" content="城村镇"><meta name="Description" content="摘要">' +
        '<meta name="Url" content="/fpzl/202005/t20200512_1.html"><link rel="Canonical" href="t20200512_1.html">',
    );
    expect(extractPageMeta(html, 'http://www.shifanqu.gov.cn/fpzl/202005/x.html')).toEqual({
      keywords: '扶贫,公示',
      author: '城村镇',
      description: '摘要',
      url: 'http://www.shifanqu.gov.cn/fpzl/202005/t20200512_1.html',
      canonical: 'http://www.shifanqu.gov.cn/fpzl/202005/t20200512_1.html',
    });
  });

  it('returns all tags of a TRS article page', () => {
    expect(extractPageMeta(readPage('trs-article-header-table.html'))).toEqual({
      siteName: '示范区人民政府门户网站',
      siteDomain: 'www.shifanqu.gov.cn',
      siteIdCode: '4690000001',
      columnName: '通知公告',
      columnDescription: '示范区扶贫开发办公室通知公告',
      columnKeywords: '通知公告,扶贫',
      columnType: ['信息公开', '通知公告'],
      title: '关于下达2020年第二批财政专项扶贫资金的通知',
      pubDate: '2020-05-12T10:30+08:00',
      source: '示范区扶贫开发办公室',
      keywords: '财政专项扶贫资金,资金分配',
      description: '下达2020年第二批财政专项扶贫资金',
    });
  });

  it('returns nothing for a page without tags', () => {
    expect(extractPageMeta('<p>无</p>')).toEqual({});
  });
});

describe('isValidSiteIdCode', () => {
  it.each([
    ['1304000009', true],
    ['5001070012', true],
    ['bm14000002', true],
    ['bm01000001', true],
    ['28', false],
    ['bm1400000', false],
    ['13040000091', false],
  ])('returns %s → %s', (code, valid) => {
    expect(isValidSiteIdCode(code)).toBe(valid);
  });
});

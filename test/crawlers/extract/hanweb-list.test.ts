import { describe, expect, it } from 'vitest';
import { hanwebDataproxyRange, parseHanwebDataproxy } from '../../../src/crawlers/extract/index.js';
import { readPage } from './read-page.js';

describe('parseHanwebDataproxy', () => {
  it('returns one link per record and the record total', () => {
    const list = parseHanwebDataproxy(
      readPage('hanweb-dataproxy-response.xml'),
      'http://www.nbjb.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=46&endrecord=90&perpage=15',
    );
    expect(list).toEqual({
      links: [
        {
          url: 'http://www.nbjb.gov.cn/art/2021/10/20/art_1229214366_4795511.html',
          title: '江北区2021年第三批衔接资金分配结果公告',
          listDate: '2021-10-20',
          listDateText: '2021-10-20',
        },
        {
          url: 'http://www.nbjb.gov.cn/art/2021/9/30/art_1229214366_4790002.html',
          title: '庄桥街道2021年项目竣工后公告',
          listDate: '2021-09-30',
          listDateText: '2021-09-30',
        },
      ],
      totalRecords: 47,
    });
  });

  it('returns no links for a reply without records or with an unclosed CDATA', () => {
    expect(
      parseHanwebDataproxy('<datastore><totalrecord>0</totalrecord></datastore>', 'http://x.gov.cn/'),
    ).toEqual({
      links: [],
    });
    expect(
      parseHanwebDataproxy('<record><![CDATA[<li><a href="/a.html">标题标题</a>', 'http://x.gov.cn/'),
    ).toEqual({
      links: [],
    });
  });
});

describe('hanwebDataproxyRange', () => {
  it('returns records 46–90 for the second request of 45 (DOMAIN.md)', () => {
    expect(hanwebDataproxyRange(1)).toEqual({ startrecord: 1, endrecord: 45 });
    expect(hanwebDataproxyRange(2)).toEqual({ startrecord: 46, endrecord: 90 });
    expect(hanwebDataproxyRange(3, 15)).toEqual({ startrecord: 31, endrecord: 45 });
  });
});

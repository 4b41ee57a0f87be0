import { describe, expect, it } from 'vitest';
import { extractListPage } from '../../../src/crawlers/extract/index.js';
import { readPage } from './read-page.js';

const TRS_LIST = 'http://www.shifanqu.gov.cn/zwgk/tzgg/index.html';
const SIDEBAR_LIST = 'http://www.shifanqu.gov.cn/fpzl/list.aspx';

describe('extractListPage', () => {
  it('returns every article of a TRS list split into several <ul>, in page order, without the sidebar', () => {
    const page = extractListPage(readPage('trs-list-createpagehtml.html'), TRS_LIST);
    expect(page.links).toHaveLength(10);
    expect(page.links[0]).toEqual({
      url: 'http://www.shifanqu.gov.cn/zwgk/tzgg/202005/t20200512_1444325.html',
      title: '关于下达2020年第二批财政专项扶贫资金的通知',
      listDate: '2020-05-12',
      listDateText: '2020-05-12',
    });
    expect(page.links.map((l) => l.listDate)).toEqual([
      '2020-05-12',
      '2020-05-08',
      '2020-04-28',
      '2020-04-20',
      '2020-04-15',
      '2020-04-10',
      '2020-04-03',
      '2020-03-27',
      '2020-03-20',
      '2020-03-16',
    ]);
    expect(page.links.map((l) => l.title).join()).not.toMatch(/推进会|调研|复工复产|网站地图/);
  });

  it('returns the full title from the title attribute when the text is cut with …', () => {
    const page = extractListPage(readPage('trs-list-createpagehtml.html'), TRS_LIST);
    expect(page.links[2]?.title).toBe('关于开展2020年扶贫小额信贷贴息工作的通知');
  });

  it('returns TRS page 2 as index_1.html from createPageHTML, with the page count', () => {
    const page = extractListPage(readPage('trs-list-createpagehtml.html'), TRS_LIST);
    expect(page).toMatchObject({
      nextPageUrls: ['http://www.shifanqu.gov.cn/zwgk/tzgg/index_1.html'],
      totalPages: 5,
      currentPage: 1,
      warnings: [],
    });
  });

  it('returns page 3 as index_2.html when reading page 2', () => {
    const html =
      '<ul><li><a href="./202004/t20200401_1.html">一条扶贫信息的标题</a><span>2020-04-01</span></li></ul><script>createPageHTML(5, 1, "index", "shtml");</script>';
    expect(extractListPage(html, 'http://x.gov.cn/tzgg/index_1.shtml')).toMatchObject({
      nextPageUrls: ['http://x.gov.cn/tzgg/index_2.shtml'],
      totalPages: 5,
      currentPage: 2,
    });
  });

  it('reads countPage and currentPage variables when createPageHTML gets no numbers', () => {
    const html =
      '<script>var countPage = 3; var currentPage = 2; var prefix = "index"; var suffix = "html"; createPageHTML(countPage, currentPage, prefix, suffix);</script>';
    expect(extractListPage(html, 'http://x.gov.cn/tzgg/index_2.html')).toMatchObject({
      nextPageUrls: [],
      totalPages: 3,
      currentPage: 3,
    });
  });

  it('returns dated table rows and ignores a smaller dated box, the header nav and the footer', () => {
    const page = extractListPage(readPage('list-dated-links-with-sidebar.html'), SIDEBAR_LIST);
    expect(page.links.map((l) => [l.url.replace('http://www.shifanqu.gov.cn', ''), l.listDate])).toEqual([
      ['/fpzl/show.aspx?id=1201', '2020-05-12'],
      ['/fpzl/show.aspx?id=1198', '2020-05-08'],
      ['/fpzl/show.aspx?id=1190', '2020-04-28'],
      ['/fpzl/show.aspx?id=1187', '2020-04-20'],
      ['/fpzl/show.aspx?id=1180', '2020-04-15'],
      ['/fpzl/show.aspx?id=1176', '2020-04-03'],
    ]);
    expect(page.links.map((l) => l.listDateText).slice(0, 4)).toEqual([
      '2020/05/12',
      '2020/05/08',
      '2020年4月28日',
      '2020.04.20',
    ]);
  });

  it('returns 下一页 first, then later numbered pages, and the stated page count', () => {
    expect(extractListPage(readPage('list-dated-links-with-sidebar.html'), SIDEBAR_LIST)).toMatchObject({
      nextPageUrls: [
        'http://www.shifanqu.gov.cn/fpzl/list.aspx?page=2',
        'http://www.shifanqu.gov.cn/fpzl/list.aspx?page=3',
      ],
      totalPages: 3,
    });
  });

  it('returns links of an unknown CMS dated [05-12] and index_N.html pages', () => {
    const page = extractListPage(
      readPage('list-bracket-dates-index-n.html'),
      'https://www.hanyin.gov.cn/xwzx/gzdt/index.html',
    );
    expect(page.links).toHaveLength(4);
    expect(page.links[0]).toEqual({
      url: 'https://www.hanyin.gov.cn/Content-2331720.html',
      title: '汉阴县召开2020年脱贫攻坚推进会',
      listDateText: '05-12',
    });
    expect(page.nextPageUrls).toEqual([
      'https://www.hanyin.gov.cn/xwzx/gzdt/index_1.html',
      'https://www.hanyin.gov.cn/xwzx/gzdt/index_2.html',
      'https://www.hanyin.gov.cn/xwzx/gzdt/index_3.html',
    ]);
  });

  it('completes a month-day date with the year of the URL date hint', () => {
    const html = '<ul><li><a href="./202005/t20200512_9.html">关于扶贫资金分配的公告</a> [05-12]</li></ul>';
    expect(extractListPage(html, 'http://x.gov.cn/tzgg/').links).toEqual([
      {
        url: 'http://x.gov.cn/tzgg/202005/t20200512_9.html',
        title: '关于扶贫资金分配的公告',
        listDate: '2020-05-12',
        listDateText: '05-12',
      },
    ]);
  });

  it('reads a date printed inside the link and keeps it out of the title', () => {
    const html =
      '<div class="list"><a href="/a/1.html"><span class="t">城村镇扶贫项目公示</span><span class="d">2020-05-12</span></a>' +
      '<a href="/a/2.html"><span class="t">南岭镇扶贫项目公告</span><span class="d">2020-05-11</span></a></div>';
    expect(extractListPage(html, 'http://x.gov.cn/list/').links).toEqual([
      {
        url: 'http://x.gov.cn/a/1.html',
        title: '城村镇扶贫项目公示',
        listDate: '2020-05-12',
        listDateText: '2020-05-12',
      },
      {
        url: 'http://x.gov.cn/a/2.html',
        title: '南岭镇扶贫项目公告',
        listDate: '2020-05-11',
        listDateText: '2020-05-11',
      },
    ]);
  });

  it('returns the records of a Hanweb column datastore with the record total', () => {
    const page = extractListPage(
      readPage('hanweb-list-datastore.html'),
      'http://www.nbjb.gov.cn/col/col1229214366/index.html',
    );
    expect(page.links.map((l) => l.url)).toEqual([
      'http://www.nbjb.gov.cn/art/2021/11/15/art_1229214366_4805048.html',
      'http://www.nbjb.gov.cn/art/2021/11/8/art_1229214366_4801234.html',
      'http://www.nbjb.gov.cn/art/2021/10/29/art_1229214366_4799876.html',
    ]);
    expect(page.hanweb).toEqual({
      totalRecords: 47,
      dataproxyUrl:
        'http://www.nbjb.gov.cn/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=3&path=/&columnid=1229214366&unitid=5545917&webname=%E5%AE%81%E6%B3%A2%E5%B8%82%E6%B1%9F%E5%8C%97%E5%8C%BA&permissiontype=0',
    });
  });

  it('returns nothing from a page of navigation only', () => {
    const html =
      '<ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul>';
    expect(extractListPage(html, 'http://x.gov.cn/')).toEqual({ links: [], nextPageUrls: [], warnings: [] });
  });
});

describe('extractListPage overrides', () => {
  const html = readPage('list-dated-links-with-sidebar.html');

  it('takes the links listSelector points at, dated or matching a CMS pattern', () => {
    const page = extractListPage(html, SIDEBAR_LIST, { listSelector: '.box.hot' });
    expect(page.links.map((l) => l.title)).toEqual([
      '区委召开常委会议研究脱贫攻坚工作',
      '区政府召开常务会议',
      '全区安全生产工作会议召开',
    ]);
  });

  it('takes exactly the links linkSelector names', () => {
    const page = extractListPage(html, SIDEBAR_LIST, { linkSelector: 'aside a' });
    expect(page.links.map((l) => l.url)).toEqual(['http://www.gov.cn/', 'http://nrra.gov.cn/']);
  });

  it('takes links matching articlePattern whether or not they are dated', () => {
    const page = extractListPage(html, SIDEBAR_LIST, { articlePattern: 'news/show\\.aspx\\?id=\\d+$' });
    expect(page.links.map((l) => l.url.replace('http://www.shifanqu.gov.cn', ''))).toEqual([
      '/news/show.aspx?id=901',
      '/news/show.aspx?id=899',
      '/news/show.aspx?id=897',
    ]);
  });

  it('takes next pages from nextSelector alone', () => {
    const page = extractListPage(html, SIDEBAR_LIST, { nextSelector: '.pager a:last-child' });
    expect(page.nextPageUrls).toEqual(['http://www.shifanqu.gov.cn/fpzl/list.aspx?page=3']);
  });

  it('warns about an invalid selector or pattern and reads the page without it', () => {
    const page = extractListPage(html, SIDEBAR_LIST, { listSelector: 'ul[', articlePattern: '(' });
    expect(page.warnings).toEqual(['articlePattern 不是有效的正则表达式：(', 'listSelector 无效：ul[']);
    expect(page.links).toHaveLength(6);
  });
});

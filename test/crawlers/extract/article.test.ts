import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/crawlers/extract/index.js';
import { readPage } from './read-page.js';

const TRS_URL = 'http://www.shifanqu.gov.cn/zwgk/tzgg/202005/t20200512_1444325.html';

describe('extractArticle', () => {
  it('returns title, time, header and body of a TRS article, with the sources it used', () => {
    const article = extractArticle(readPage('trs-article-header-table.html'), TRS_URL);
    expect(article).toMatchObject({
      url: TRS_URL,
      family: 'trs',
      title: '关于下达2020年第二批财政专项扶贫资金的通知',
      publishedAt: '2020-05-12T10:30+08:00',
      header: { docNo: '示扶办发〔2020〕21号', formedOn: '2020年05月08日' },
      sources: { title: 'meta', publishedAt: 'meta', body: 'known-container' },
      truncated: false,
    });
    expect(article.body.text).toMatch(
      /^各镇人民政府、街道办事处，区直有关单位：\n根据《财政专项扶贫资金管理办法》/,
    );
    expect(article.body.text).not.toMatch(/当前位置|主办单位|搜索|line-height/);
  });

  it('keeps a data table as rows, filling rowspan and colspan cells', () => {
    const { body } = extractArticle(readPage('trs-article-header-table.html'), TRS_URL);
    expect(body.tables).toEqual([
      [
        ['序号', '镇（街道）', '项目名称', '资金（元）'],
        ['1', '城村镇', '西村道路硬化', '480000'],
        ['2', '城村镇', '东村产业扶贫', '300000'],
        ['3', '南岭镇', '南岭村饮水安全', '500000'],
        ['合计', '合计', '合计', '1280000'],
      ],
    ]);
    expect(body.blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'table',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(body.text).toContain('1\t城村镇\t西村道路硬化\t480000');
  });

  it('returns the 落款 at the end of the body', () => {
    expect(extractArticle(readPage('trs-article-header-table.html'), TRS_URL).signature).toEqual({
      issuers: ['示范区扶贫开发办公室'],
      date: '2020年5月8日',
      lines: ['示范区扶贫开发办公室', '2020年5月8日'],
    });
  });

  it('returns a 落款 in Chinese numerals followed by （此件公开发布）', () => {
    expect(extractArticle(readPage('plain-cms-article-one-line-header.html')).signature).toEqual({
      issuers: ['城村镇人民政府'],
      date: '二〇二〇年五月十二日',
      lines: ['城村镇人民政府', '二〇二〇年五月十二日'],
    });
  });

  it('finds the body of an unknown CMS by text density and the title in the heading above it', () => {
    const article = extractArticle(readPage('plain-cms-article-one-line-header.html'));
    expect(article).toMatchObject({
      title: '城村镇2020年西村道路硬化项目实施前公示',
      publishedAt: '2020-05-12T10:30+08:00',
      header: { publisher: '城村镇人民政府' },
      sources: { title: 'heading', publishedAt: 'header', body: 'density' },
    });
    expect(article.body.text.split('\n')).toHaveLength(10);
    expect(article.body.text).not.toMatch(/浏览次数|中国政府网|版权所有|政务服务/);
  });

  it('returns the <title> without the site name when there is no better title', () => {
    const html =
      '<title>南岭镇2020年扶贫项目竣工后公告_示范区人民政府</title><div><p>项目已于2020年12月完工，现予公告，接受群众监督。</p></div>';
    expect(extractArticle(html)).toMatchObject({
      title: '南岭镇2020年扶贫项目竣工后公告',
      sources: { title: 'title-tag' },
    });
  });

  it('takes a WeChat article time only from ct, with title and account', () => {
    const article = extractArticle(
      readPage('wechat-article-ct-only.html'),
      'https://mp.weixin.qq.com/s?__biz=MzA4NjE2MjY4Mw==&mid=2651234567&idx=1&sn=0a1b2c3d4e5f67890a1b2c3d4e5f6789',
    );
    expect(article).toMatchObject({
      family: 'wechat',
      title: '城村镇召开脱贫攻坚工作推进会',
      publishedAt: '2020-05-12T10:40:00+08:00',
      wechatAccount: '城村镇发布',
      imageCount: 2,
      sources: { title: 'og:title', publishedAt: 'wechat-ct', body: 'known-container' },
    });
    expect(article.body.text).toMatch(/^5月12日上午，城村镇召开2020年脱贫攻坚工作推进会/);
  });

  it('reads WeChat ct written as a number expression and falls back to msg_title', () => {
    const html =
      '<div id="js_content"><p>村里召开扶贫项目公示会，群众代表参加。</p></div>' +
      "<script>var msg_title = '西村扶贫项目公示会\\x26amp;群众评议';\nct = '1589251200'*1;</script>";
    const article = extractArticle(html, 'https://mp.weixin.qq.com/s/AbCdEfGhIjKl');
    expect(article).toMatchObject({
      title: '西村扶贫项目公示会&群众评议',
      publishedAt: '2020-05-12T10:40:00+08:00',
      sources: { title: 'msg_title', publishedAt: 'wechat-ct' },
    });
  });

  it('takes a WeChat picture post body from #js_content though it has no text', () => {
    const html =
      '<div class="nav"><p>首页 政务公开 互动交流 政务服务 办事指南 网站地图 联系我们</p></div>' +
      '<div id="js_content"><p><img data-src="https://mmbiz.qpic.cn/a/640"></p><p><img data-src="https://mmbiz.qpic.cn/b/640"></p></div>' +
      '<script>var ct = "1589251200";</script>';
    expect(extractArticle(html, 'https://mp.weixin.qq.com/s/AbCdEfGhIjKl')).toMatchObject({
      imageCount: 2,
      body: { text: '' },
      sources: { body: 'known-container', publishedAt: 'wechat-ct' },
    });
  });

  it('never takes scripts, styles, comments, templates or hidden elements as text', () => {
    const article = extractArticle(
      readPage('article-script-heavy.html'),
      'http://www.shifanqu.gov.cn/a.html',
    );
    expect(article.body.text).toBe(
      '根据扶贫小额信贷贴息政策，现将南岭镇2020年第一批贴息名单公示如下。\n公示期为2020年6月3日至6月12日，共10天。\n监督电话：0898-87654321。',
    );
    expect(article.attachments).toEqual([]);
  });

  it('returns attachment links as absolute URLs with their text, and counts real images', () => {
    const article = extractArticle(readPage('article-with-attachments-and-table.html'));
    const base = 'http://www.shifanqu.gov.cn';
    expect(article.url).toBe(`${base}/fpzl/zjgg/202101/t20210115_2201.html`);
    expect(article.attachments).toEqual([
      {
        url: `${base}/fpzl/zjgg/202101/P020210115555001.xls`,
        text: '1.2020年度扶贫项目完成情况表.xls',
        extension: 'xls',
      },
      {
        url: `${base}/fpzl/zjgg/202101/P020210115555002.docx`,
        text: '2.项目验收意见.docx',
        extension: 'docx',
      },
      { url: `${base}/fpzl/zjgg/202101/P020210115555003.pdf`, text: '3.资金拨付凭证.pdf', extension: 'pdf' },
      {
        url: `${base}/module/download/downfile.jsp?classid=0&filename=2101151234.wps`,
        text: '4.监督举报方式',
        extension: 'wps',
      },
      { url: `${base}/fpzl/zjgg/202101/fj5.html`, text: '附件5：项目照片' },
    ]);
    expect(article.imageCount).toBe(1);
  });

  it('keeps header rows of a table with colspan and rowspan, and reads layout tables as paragraphs', () => {
    const { body } = extractArticle(readPage('article-with-attachments-and-table.html'));
    expect(body.tables[0]?.slice(0, 2)).toEqual([
      ['镇', '计划', '计划', '完成', '完成'],
      ['镇', '项目数', '资金（万元）', '项目数', '资金（万元）'],
    ]);
    expect(body.tables).toHaveLength(2);
    expect(body.blocks).toContainEqual({ kind: 'paragraph', text: '布局表格里的段落只是一段文字。' });
  });

  it('returns the Hanweb body from #zoom and the date from PubDate on the same day as the header', () => {
    const article = extractArticle(
      readPage('hanweb-article-zoom.html'),
      'http://www.yunhe.gov.cn/art/2021/11/15/art_1229381708_4805048.html',
    );
    expect(article).toMatchObject({
      family: 'hanweb',
      publishedAt: '2021-11-15T09:08+08:00',
      header: { publisher: '云和县农业农村局' },
      attachments: [{ extension: 'xlsx', text: '云和县2021年衔接资金项目计划表.xlsx' }],
    });
    expect(article.body.text).not.toMatch(/字体|浏览次数|当前位置/);
  });

  it('fills gkmlpt header fields from the embedded DETAIL when the page lacks them', () => {
    const html =
      '<div class="x"><p>正文内容由脚本渲染，这里只有一段说明文字，足够长。</p></div>' +
      '<script>var _CONFIG = { DETAIL: {"title":"关于2021年省级衔接资金分配的通知","identifier":"006939748/2021-00101",' +
      '"publisher":"广东省财政厅","document_number":"粤财农〔2021〕55号","display_publish_time":1622168400,' +
      '"content":"<p>各地级以上市财政局：</p><p>现将资金分配方案印发给你们。</p><p><a href=\\"/attachment/0/1.xlsx\\">分配表.xlsx</a></p>"}, TREE: [] };</script>';
    const article = extractArticle(html, 'http://www.gd.gov.cn/gkmlpt/content/3/3311/post_3311000.html');
    expect(article).toMatchObject({
      title: '关于2021年省级衔接资金分配的通知',
      publishedAt: '2021-05-28T10:20:00+08:00',
      header: { indexNo: '006939748/2021-00101', publisher: '广东省财政厅', docNo: '粤财农〔2021〕55号' },
      sources: { title: 'gkmlpt-detail', publishedAt: 'gkmlpt-detail', body: 'gkmlpt-detail' },
      attachments: [
        { url: 'http://www.gd.gov.cn/attachment/0/1.xlsx', text: '分配表.xlsx', extension: 'xlsx' },
      ],
    });
    expect(article.header.labels.docNo).toBe('DETAIL');
    expect(article.body.text).toBe('各地级以上市财政局：\n现将资金分配方案印发给你们。\n分配表.xlsx');
  });

  it('leaves the publication date unset when the only header date is an ambiguous 发文日期', () => {
    const article = extractArticle(
      readPage('article-header-fawen-riqi-ambiguous.html'),
      'https://www.beichuan.gov.cn/public/17071/43880514.html',
    );
    expect(article.publishedAt).toBeUndefined();
    expect(article.header.ambiguous).toEqual(['formedOn']);
    expect(article.signature?.date).toBe('2024年2月4日');
  });

  it('ranks a bare 时间： line below the PubDate tag, since it may be a meeting time', () => {
    const html =
      '<meta name="PubDate" content="2020-05-08 09:00"><div class="TRS_Editor"><p>关于召开扶贫工作会议的通知</p>' +
      '<p>时间：2020年5月15日上午9:00</p><p>地点：区政府三楼会议室</p></div>';
    expect(extractArticle(html)).toMatchObject({
      publishedAt: '2020-05-08T09:00+08:00',
      header: { publishedOn: '2020年5月15日', labels: { publishedOn: '时间' } },
      sources: { publishedAt: 'meta' },
    });
  });

  it('falls back to the URL date hint', () => {
    const html = '<div class="TRS_Editor"><p>现将有关事项通知如下，请遵照执行。</p></div>';
    expect(extractArticle(html, 'http://x.gov.cn/tzgg/202005/t20200512_1.html')).toMatchObject({
      publishedAt: '2020-05-12',
      sources: { publishedAt: 'url' },
    });
  });

  it('returns an empty article for an empty page', () => {
    expect(extractArticle('')).toEqual({
      meta: {},
      header: { labels: {}, ambiguous: [] },
      body: { text: '', blocks: [], tables: [] },
      attachments: [],
      imageCount: 0,
      sources: { body: 'page' },
      truncated: false,
    });
  });
});

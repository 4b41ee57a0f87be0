import { describe, expect, it } from 'vitest';
import { normaliseNumericDate, parseHeaderBlock } from '../../../src/crawlers/extract/index.js';
import { readPage } from './read-page.js';

/** DOMAIN.md's 文号 pattern, here only to state the Yangjiang case in its expected form. */
function docNoParts(docNo: string) {
  const m = /^(.+?)[〔[【(（](\d{4})[〕\]】)）]第?(\d+)号$/.exec(docNo);
  return m ? { issuer: m[1], year: Number(m[2]), seq: Number(m[3]) } : undefined;
}

describe('parseHeaderBlock', () => {
  it('returns the DOMAIN.md Yangjiang case from a gkmlpt page (labels split by spans)', () => {
    const header = parseHeaderBlock(readPage('gkmlpt-article-yangjiang-header.html'));
    expect(header).toMatchObject({
      indexNo: '11441700007280420Y/2021-00050',
      publisher: '阳江市人民政府办公室',
      formedOn: '2021-01-19',
      docNo: '阳府办函〔2021〕9号',
      publishedOn: '2021-02-01',
      category: '综合政务\\政务公开',
      name: '阳江市人民政府办公室关于做好2021年春节期间有关工作的通知',
    });
    const normalised = {
      indexNo: header.indexNo,
      publisher: header.publisher,
      formedOn: normaliseNumericDate(header.formedOn ?? ''),
      docNo: docNoParts(header.docNo ?? ''),
      publishedOn: normaliseNumericDate(header.publishedOn ?? ''),
    };
    expect(normalised).toEqual({
      indexNo: '11441700007280420Y/2021-00050',
      publisher: '阳江市人民政府办公室',
      formedOn: '2021-01-19',
      docNo: { issuer: '阳府办函', year: 2021, seq: 9 },
      publishedOn: '2021-02-01',
    });
  });

  it('returns values from label cells with full-width colons and spaced labels (索 引 号, 文    号)', () => {
    const header = parseHeaderBlock(readPage('trs-article-header-table.html'));
    expect(header).toEqual({
      indexNo: '000014349/2020-00118',
      category: '综合政务\\扶贫',
      publisher: '示范区扶贫开发办公室',
      formedOn: '2020年05月08日',
      name: '关于下达2020年第二批财政专项扶贫资金的通知',
      docNo: '示扶办发〔2020〕21号',
      publishedOn: '2020年05月12日',
      labels: {
        indexNo: '索引号',
        category: '主题分类',
        publisher: '发布机构',
        formedOn: '成文日期',
        name: '标题',
        docNo: '文号',
        publishedOn: '发布日期',
      },
      ambiguous: [],
    });
  });

  it('returns the one-line form under the title and stops values at the next label', () => {
    const header = parseHeaderBlock(readPage('plain-cms-article-one-line-header.html'));
    expect(header).toEqual({
      publishedOn: '2020-05-12 10:30',
      publisher: '城村镇人民政府',
      labels: { publishedOn: '发布时间', publisher: '来源' },
      ambiguous: [],
    });
  });

  it('reads 信息来源 and 发布日期 from a Hanweb info line with 浏览次数 and 【字体】 after them', () => {
    expect(parseHeaderBlock(readPage('hanweb-article-zoom.html'))).toMatchObject({
      publishedOn: '2021-11-15',
      publisher: '云和县农业农村局',
    });
  });

  it('flags 发文日期 as ambiguous and reads <dl> pairs', () => {
    const header = parseHeaderBlock(readPage('article-header-fawen-riqi-ambiguous.html'));
    expect(header).toMatchObject({
      indexNo: '008472160/2024-00012',
      publisher: '北川羌族自治县人民政府办公室',
      docNo: '北府办发[2024]6号',
      formedOn: '2024-03-07',
      validity: '有效',
      disclosureForm: '主动公开',
      labels: { formedOn: '发文日期', publisher: '发文机关', docNo: '发文字号' },
      ambiguous: ['formedOn'],
    });
  });

  it('prefers 成文日期 to 发文日期 whatever their order', () => {
    const html =
      '<table><tr><td>发文日期</td><td>2024-03-07</td><td>成文日期</td><td>2024年2月4日</td></tr></table>';
    expect(parseHeaderBlock(html)).toMatchObject({ formedOn: '2024年2月4日', ambiguous: [] });
  });

  it('prefers 发布机构 to 来源 and keeps raw strings as written', () => {
    const html =
      '<div class="info">来源：示范区融媒体中心</div>' +
      '<table><tr><th>发 布 机 构</th><td>示范区扶贫开发办公室</td></tr><tr><th>发布时间</th><td>2021年09月30日 01:40</td></tr></table>';
    expect(parseHeaderBlock(html)).toMatchObject({
      publisher: '示范区扶贫开发办公室',
      publishedOn: '2021年09月30日 01:40',
      labels: { publisher: '发布机构', publishedOn: '发布时间' },
    });
  });

  it('ignores labels inside longer words and sentences', () => {
    const html = '<p>资金来源：中央财政衔接资金。项目发布日期：待定。</p><p>本文件发文机关为区政府。</p>';
    expect(parseHeaderBlock(html)).toEqual({ labels: {}, ambiguous: [] });
  });

  it('skips placeholder values and values that fail their concept', () => {
    const html =
      '<table><tr><td>文号：</td><td>无</td><td>索引号：</td><td>暂无</td><td>成文日期：</td><td>见正文</td></tr></table>';
    expect(parseHeaderBlock(html)).toEqual({ labels: {}, ambiguous: [] });
  });

  it('takes a 来源 only when it names an organisation or outlet', () => {
    expect(parseHeaderBlock('<div>来源：本站原创</div>').publisher).toBeUndefined();
    expect(parseHeaderBlock('<div>来源：新华社</div>').publisher).toBe('新华社');
  });

  it('ignores the navigation and footer of the page', () => {
    const html = '<div class="footer">发布机构：示范区大数据中心</div><div>发布机构：城村镇人民政府</div>';
    expect(parseHeaderBlock(html).publisher).toBe('城村镇人民政府');
  });
});

import { describe, expect, it } from 'vitest';
import { parseGkmlptListApi } from '../../../src/crawlers/extract/index.js';
import { readPage } from './read-page.js';

const API = 'https://www.gd.gov.cn/gkmlpt/api/all/5?page=1&sid=2';

describe('parseGkmlptListApi', () => {
  it('returns the articles with 索引号, publisher and time, skipping malformed ones', () => {
    const result = parseGkmlptListApi(readPage('gkmlpt-list-api.json'), API);
    expect(result).toMatchObject({ kind: 'page', page: 1, total: 253 });
    if (result.kind !== 'page') throw new Error('not a page');
    expect(result.links).toEqual([
      {
        id: '3321450',
        url: 'http://www.gd.gov.cn/gkmlpt/content/3/3321/post_3321450.html',
        title: '广东省人民政府办公厅关于印发广东省巩固拓展脱贫攻坚成果同乡村振兴有效衔接实施方案的通知',
        indexNo: '006939748/2021-00112',
        publisher: '广东省人民政府办公厅',
        publishedAt: '2021-06-07T17:30:00+08:00',
        listDate: '2021-06-07',
      },
      {
        id: '3318801',
        url: 'https://www.gd.gov.cn/gkmlpt/content/3/3318/post_3318801.html',
        title: '广东省人民政府办公厅关于做好2021年农村低收入人口常态化帮扶工作的通知',
        indexNo: '006939748/2021-00109',
        publisher: '广东省人民政府办公厅',
        publishedAt: '2021-06-03T10:05:00+08:00',
        listDate: '2021-06-03',
      },
      {
        id: '3311000',
        url: 'https://www.gd.gov.cn/gkmlpt/content/3/3311/post_3311000.html',
        title: '关于印发2021年省级财政衔接推进乡村振兴补助资金分配方案的通知',
        indexNo: '006939748/2021-00101',
        publisher: '广东省人民政府办公厅',
        publishedAt: '2021-05-28T10:20:00+08:00',
        listDate: '2021-05-28',
      },
    ]);
  });

  it('returns the next page while page × page size is short of the total', () => {
    const reply = JSON.stringify({ articles: Array.from({ length: 3 }, () => ({})), total: 7 });
    expect(parseGkmlptListApi(reply, API)).toMatchObject({
      nextPageUrl: 'https://www.gd.gov.cn/gkmlpt/api/all/5?page=2&sid=2',
    });
    expect(parseGkmlptListApi(reply, API.replace('page=1', 'page=3'))).not.toHaveProperty('nextPageUrl');
    expect(parseGkmlptListApi(JSON.stringify({ articles: [], total: 7 }), API)).not.toHaveProperty(
      'nextPageUrl',
    );
  });

  it('returns failed for a reply that is not JSON or has no articles', () => {
    expect(parseGkmlptListApi('<html>502 Bad Gateway</html>', API)).toMatchObject({ kind: 'failed' });
    expect(parseGkmlptListApi('{"data":[]}', API)).toEqual({ kind: 'failed', reason: '没有 articles 数组' });
    expect(parseGkmlptListApi('null', API)).toEqual({ kind: 'failed', reason: '没有 articles 数组' });
  });
});

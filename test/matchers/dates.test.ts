import { describe, expect, it } from 'vitest';
import { findFormationDate, findPublicationDate, findPublicationHint } from '../../src/matchers/index.js';
import { aPost } from './builders.js';

const published = (post: Parameters<typeof findPublicationDate>[0]) =>
  findPublicationDate(post)?.date ?? null;
const formed = (post: Parameters<typeof findPublicationDate>[0]) =>
  findFormationDate(post, findPublicationDate(post)?.date ?? null)?.date ?? null;

describe('findPublicationDate', () => {
  it('prefers the header 发布日期 to the PubDate meta', () => {
    const post = aPost({
      header: { publishedOn: '2021-02-01' },
      meta: { pubDate: '2021-02-02T09:00+08:00' },
    });
    expect(findPublicationDate(post)).toMatchObject({ date: '2021-02-01', source: 'header' });
  });

  it('takes the PubDate meta, then the WeChat ct, then the list date', () => {
    expect(published(aPost({ meta: { pubDate: '2017-04-12T21:37+08:00' } }))).toBe('2017-04-12');
    expect(published(aPost({ published: { at: '2019-07-02T00:40:00+08:00', from: 'wechat-ct' } }))).toBe(
      '2019-07-02',
    );
    expect(published(aPost({ listDate: '2020-05-12' }))).toBe('2020-05-12');
  });

  it('reads header dates in any written form', () => {
    expect(published(aPost({ header: { publishedOn: '2021-09-30 01:40' } }))).toBe('2021-09-30');
    expect(published(aPost({ header: { publishedOn: '2021年09月28日' } }))).toBe('2021-09-28');
  });

  it('returns null when the page states no date, keeping the URL date as a hint only', () => {
    const post = aPost({ published: { at: '2019-09-25', from: 'url' }, urlDate: '2019-09-25' });
    expect(findPublicationDate(post)).toBeNull();
    expect(findPublicationHint(post)).toMatchObject({ date: '2019-09-25', source: 'url' });
  });

  it('reads an ambiguous header 发文日期 as the publication date when it is the only one (beichuan)', () => {
    const post = aPost({
      header: { formedOn: '2024-03-07', labels: { formedOn: '发文日期' }, ambiguous: ['formedOn'] },
      text: '北川县人民政府办公室\n2024年2月4日',
    });
    expect(published(post)).toBe('2024-03-07');
  });
});

describe('findFormationDate', () => {
  it('takes the header 成文日期 (阳府办函〔2021〕9号: 2021-01-19 → 2021-02-01)', () => {
    const post = aPost({
      header: { formedOn: '2021-01-19', publishedOn: '2021-02-01', docNo: '阳府办函〔2021〕9号' },
    });
    expect([formed(post), published(post)]).toEqual(['2021-01-19', '2021-02-01']);
  });

  it('takes 汉政办发〔2021〕88号 as formed 2021-09-28 and published 2021-09-30', () => {
    const post = aPost({
      header: { formedOn: '2021年09月28日', publishedOn: '2021-09-30 01:40', docNo: '汉政办发〔2021〕88号' },
    });
    expect([formed(post), published(post)]).toEqual(['2021-09-28', '2021-09-30']);
  });

  it('takes 国办发〔2017〕47号 as formed 2017-05-15 and published 2017-06-08', () => {
    const post = aPost({ header: { formedOn: '2017年05月15日', publishedOn: '2017-06-08' } });
    expect([formed(post), published(post)]).toEqual(['2017-05-15', '2017-06-08']);
  });

  it('prefers the body 落款 to an ambiguous header 发文日期 (北府办发〔2024〕6号)', () => {
    const post = aPost({
      header: { formedOn: '2024-03-07', labels: { formedOn: '发文日期' }, ambiguous: ['formedOn'] },
      text: '现将有关事项通知如下。\n北川县人民政府办公室\n2024年2月4日',
    });
    expect([formed(post), published(post)]).toEqual(['2024-02-04', '2024-03-07']);
  });

  it('reads a header 发文日期 as formation beside a separate 发布时间', () => {
    const post = aPost({
      header: {
        formedOn: '2021-06-07',
        publishedOn: '2021-06-11 10:08',
        labels: { formedOn: '发文日期' },
        ambiguous: ['formedOn'],
      },
    });
    expect(formed(post)).toBe('2021-06-07');
  });

  it('takes the 落款 date, in Chinese numerals too', () => {
    const post = aPost({
      text: '特此公告。\n宁川县扶贫开发办公室\n二〇一七年六月五日',
      meta: { pubDate: '2017-06-12' },
    });
    expect(formed(post)).toBe('2017-06-05');
  });

  it('prefers a 下达 or 审定 date the post states to the header and the 落款', () => {
    const post = aPost({
      header: { formedOn: '2020-11-25', publishedOn: '2020-11-26' },
      text: '经区脱贫攻坚工作指挥部2020年11月20日审定，示范区2021年度脱贫攻坚项目库共入库项目64个。',
    });
    expect(findFormationDate(post, '2020-11-26')).toMatchObject({ date: '2020-11-20', source: 'decision' });
  });

  it('ignores a 下达 in a cited document title and a step still to come', () => {
    const post = aPost({
      header: { publishedOn: '2016-11-22' },
      text: '根据《关于2016年5月3日下达资金的通知》，公示期7天（11月22日至11月28日），公示无异议后报县扶贫办审定。\n杨林村村民委员会\n2016年11月22日',
    });
    expect(formed(post)).toBe('2016-11-22');
  });

  it('reads 经…2019年9月12日研究 as the decision', () => {
    const post = aPost({
      header: { publishedOn: '2019-09-18' },
      text: '经县脱贫攻坚指挥部2019年9月12日研究，对实施方案作如下调整：',
    });
    expect(formed(post)).toBe('2019-09-12');
  });

  it('falls back to a law’s adoption date', () => {
    const post = aPost({
      text: '（2015年9月25日安徽省第十二届人民代表大会常务委员会第二十三次会议通过）\n第一条 为了…',
    });
    expect(findFormationDate(post, '2018-03-02')).toMatchObject({ date: '2015-09-25', source: 'adoption' });
  });

  it('returns null when nothing dates the information', () => {
    expect(findFormationDate(aPost({ text: '现将有关情况公告如下。' }), '2020-01-01')).toBeNull();
  });
});

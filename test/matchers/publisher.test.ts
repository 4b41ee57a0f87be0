import { describe, expect, it } from 'vitest';
import {
  findPublisher,
  guessBodyLevel,
  matchBody,
  type RegistryBody,
  splitIssuers,
} from '../../src/matchers/index.js';
import { aPost } from './builders.js';

const BODIES: RegistryBody[] = [
  { id: 'fpb', name: '示范区扶贫开发办公室', level: 'county', aliases: ['区扶贫办', '示范区扶贫办'] },
  { id: 'czb', name: '示范区财政局', level: 'department', aliases: [] },
  { id: 't-chengcun', name: '城村镇人民政府', level: 'township', aliases: ['城村镇'] },
  { id: 'v-xicun', name: '西村村民委员会', level: 'village', aliases: ['西村村委会', '西村'] },
];

describe('guessBodyLevel', () => {
  it.each([
    ['城村镇西村村民委员会', 'village'],
    ['后川村', 'village'],
    ['城村镇人民政府', 'township'],
    ['中共龙门镇纪律检查委员会', 'township'],
    ['长岭镇扶贫工作站', 'township'],
    ['茂源县人民政府办公室', 'county'],
    ['连岭县扶贫开发领导小组办公室', 'county'],
    ['赣源县扶贫和移民办公室', 'county'],
    ['彭溪县乡村振兴局', 'county'],
    ['三门峡市城乡一体化示范区扶贫开发办公室', 'county'],
    ['岳岭县卫生健康委员会', 'department'],
    ['平溪县农业农村局', 'department'],
  ])('reads %s as %s', (name, level) => {
    expect(guessBodyLevel(name)).toBe(level);
  });

  it('gives no level to a news outlet', () => {
    expect(guessBodyLevel('桐岭新闻网')).toBeUndefined();
  });
});

describe('splitIssuers', () => {
  it.each([
    ['茂源县财政局茂源县乡村振兴局', ['茂源县财政局', '茂源县乡村振兴局']],
    ['中共岳岭县委办公室岳岭县人民政府办公室', ['中共岳岭县委办公室', '岳岭县人民政府办公室']],
    ['大柳乡人民政府花园村村民委员会', ['大柳乡人民政府', '花园村村民委员会']],
    ['中共龙门镇纪律检查委员会龙门镇人民政府', ['中共龙门镇纪律检查委员会', '龙门镇人民政府']],
    ['城村镇西村村民委员会', ['城村镇西村村民委员会']],
    ['茂源县委农村工作领导小组办公室', ['茂源县委农村工作领导小组办公室']],
  ])('splits %s', (joined, parts) => {
    expect(splitIssuers(joined)).toEqual(parts);
  });
});

describe('matchBody', () => {
  it('matches by name, alias, containment and similarity', () => {
    expect(matchBody('示范区扶贫开发办公室', BODIES)?.body.id).toBe('fpb');
    expect(matchBody('区扶贫办', BODIES)?.body.id).toBe('fpb');
    expect(matchBody('三门峡市城乡一体化示范区扶贫开发办公室', BODIES)?.body.id).toBe('fpb');
    expect(matchBody('城村镇西村村民委员会', BODIES)?.body.id).toBe('v-xicun');
    expect(matchBody('城村镇', BODIES)?.body.id).toBe('t-chengcun');
  });

  it('never matches a body of another level than the name says', () => {
    expect(matchBody('城村镇东村村民委员会', BODIES)).toBeUndefined();
  });

  it('returns undefined for an unknown body', () => {
    expect(matchBody('梅溪县教育局', BODIES)).toBeUndefined();
  });
});

describe('findPublisher', () => {
  it('takes the 落款’s first organisation over the header', () => {
    const post = aPost({
      header: { publisher: '城村镇人民政府', labels: { publisher: '发布机构' } },
      text: '现予公示。\n城村镇西村村民委员会\n2020年5月24日',
    });
    expect(findPublisher(post, BODIES)).toMatchObject({
      name: '城村镇西村村民委员会',
      source: 'signature',
      level: 'village',
      body: { id: 'v-xicun' },
    });
  });

  it('takes the header 发布机构 when the 落款 is a person', () => {
    const post = aPost({
      header: { publisher: '示范区财政局', labels: { publisher: '发布机构' } },
      text: '总理 李克强\n2017年5月15日',
    });
    expect(findPublisher(post, BODIES)).toMatchObject({
      name: '示范区财政局',
      source: 'header',
      body: { id: 'czb' },
    });
  });

  it('reports an unknown publisher as written, with the level its name implies', () => {
    const post = aPost({ text: '特此公告。\n梅溪县桃坑镇人民政府\n2019年12月16日' });
    expect(findPublisher(post, BODIES)).toMatchObject({
      name: '梅溪县桃坑镇人民政府',
      level: 'township',
      levelFrom: 'name',
      body: null,
    });
  });

  it('takes the WeChat account when nothing else names the publisher', () => {
    expect(findPublisher(aPost({ account: '宁川扶贫', text: '请拨打以下电话。' }), [])).toMatchObject({
      name: '宁川扶贫',
      source: 'account',
      level: 'county',
    });
  });

  it('returns null when the page names nobody', () => {
    expect(findPublisher(aPost({ text: '无' }), BODIES)).toBeNull();
  });
});

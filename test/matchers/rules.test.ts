import { describe, expect, it } from 'vitest';
import { ITEM_IDS } from '../../src/catalog/index.js';
import { CatalogMatchSchema, ItemMatchSchema } from '../../src/catalog/match-schema.js';
import { compileMatchRules } from '../../src/matchers/index.js';
import { compilePhrase, findPhrases } from '../../src/matchers/text/phrase.js';
import { catalog2020, catalog2021 } from './builders.js';

const found = (phrase: string, text: string) => findPhrases(text, [compilePhrase(phrase)])[0]?.text;

describe('compilePhrase', () => {
  it('reads … as a short gap inside one clause', () => {
    expect(found('下达…资金', '关于下达2020年第二批财政专项扶贫资金的通知')).toBe(
      '下达2020年第二批财政专项扶贫资金',
    );
    expect(found('下达…资金', '下达通知。资金已到位')).toBeUndefined();
  });

  it('reads a final $ as the end of a title, before a bracketed suffix', () => {
    expect(found('项目…公示$', '西村道路硬化项目实施前公示（第二批）')).toBe('项目实施前公示');
    expect(found('项目…公示$', '关于做好扶贫资金项目公告公示工作的通知')).toBeUndefined();
  });

  it('reads placeholders for written values', () => {
    expect(found('共{户数}', '共识别贫困户，共12户38人')).toBe('共12户');
    expect(found('{金额}', '安排资金126.5万元')).toBe('126.5万元');
    expect(found('{电话}', '监督电话：0398-2951234')).toBe('0398-2951234');
    expect(found('{工程量}', '硬化道路2.6公里')).toBe('2.6公里');
  });

  it('takes every other character literally', () => {
    expect(found('(试行)', '办法(试行)')).toBe('(试行)');
    expect(found('{未知}', '写着{未知}的字')).toBe('{未知}');
  });
});

describe('the match rules as data', () => {
  it('rejects a phrase that starts or ends with a gap, and unknown keys', () => {
    expect(ItemMatchSchema.safeParse({ title: ['…资金'] }).success).toBe(false);
    expect(ItemMatchSchema.safeParse({ titles: ['资金'] }).success).toBe(false);
    expect(CatalogMatchSchema.safeParse({ topic: ['扶贫'], elements: { 资金来源: [] } }).success).toBe(false);
  });

  it('gives every item of both catalogs title phrases', () => {
    for (const catalog of [catalog2020, catalog2021]) {
      const rules = compileMatchRules(catalog);
      expect(rules.items.map((i) => i.id)).toEqual([...ITEM_IDS]);
      for (const item of rules.items) expect(item.title.length, item.id).toBeGreaterThan(0);
    }
  });

  it('has cues for every element key of both catalogs', () => {
    for (const catalog of [catalog2020, catalog2021]) {
      const rules = compileMatchRules(catalog);
      for (const item of catalog.items.filter((i) => i.match?.kind !== 'document'))
        for (const row of item.rows)
          for (const element of row.elements)
            for (const key of element.parts.length > 0 ? element.parts : [element.name])
              expect(
                rules.items.find((r) => r.id === item.id)?.elementCues.has(key),
                `${item.id} ${key}`,
              ).toBe(true);
    }
  });
});

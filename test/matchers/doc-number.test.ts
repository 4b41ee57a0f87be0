import { describe, expect, it } from 'vitest';
import { findDocNumbers, parseDocNumber } from '../../src/matchers/index.js';

describe('parseDocNumber', () => {
  it('reads 国办发〔2017〕47号', () => {
    expect(parseDocNumber('国办发〔2017〕47号')).toEqual({
      issuer: '国办发',
      year: 2017,
      seq: 47,
      text: '国办发〔2017〕47号',
    });
  });

  it('reads 豫扶贫办〔2020〕30号', () => {
    expect(parseDocNumber('豫扶贫办〔2020〕30号')).toMatchObject({ issuer: '豫扶贫办', year: 2020, seq: 30 });
  });

  it('normalises square brackets to 〔〕', () => {
    expect(parseDocNumber('汉政办发[2021]88号')?.text).toBe('汉政办发〔2021〕88号');
  });

  it('normalises 【】, full-width parentheses and 第', () => {
    expect(parseDocNumber('示财【2020】第21号')?.text).toBe('示财〔2020〕21号');
    expect(parseDocNumber('渝财农（２０２１）２２号')?.text).toBe('渝财农〔2021〕22号');
  });

  it('returns undefined for what is not a 文号', () => {
    expect(parseDocNumber('是否有效：是')).toBeUndefined();
    expect(parseDocNumber('广东省人民政府令第238号')).toBeUndefined();
    expect(parseDocNumber('')).toBeUndefined();
  });
});

describe('findDocNumbers', () => {
  it('finds the 文号 a body cites, without the words before it', () => {
    const text =
      '根据《关于下达资金的通知》（渝财农〔2021〕22号），县财政局下达了第一批资金（彭溪财农[2021]31号）。';
    expect(findDocNumbers(text).map((d) => d.text)).toEqual(['渝财农〔2021〕22号', '彭溪财农〔2021〕31号']);
  });
});

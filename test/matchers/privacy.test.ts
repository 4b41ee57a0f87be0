import { describe, expect, it } from 'vitest';
import { classifyNumber, detectPersonalData, isValidIdNumber, passesLuhn } from '../../src/matchers/index.js';

describe('classifyNumber (DOMAIN.md privacy detectors)', () => {
  it('flags 11010519491231002X as an ID number with a valid check digit', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(classifyNumber('11010519491231002X')).toBe('id_number');
  });

  it('does not take 110105194912310021 for an ID number (wrong check digit)', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(classifyNumber('110105194912310021')).not.toBe('id_number');
  });

  it('flags the Luhn-valid 6200000000000005 as a bank card', () => {
    expect(passesLuhn('6200000000000005')).toBe(true);
    expect(classifyNumber('6200000000000005')).toBe('bank_card');
  });

  it('flags 13800138000 as a mobile number', () => {
    expect(classifyNumber('13800138000')).toBe('mobile');
  });

  it('ignores landlines and the 12317 hotline', () => {
    expect(detectPersonalData([{ where: 'body', text: '监督电话：0398-2951234，12317' }])).toEqual([]);
  });
});

describe('detectPersonalData', () => {
  it('accepts masked forms', () => {
    const text = '身份证号 1101**********002X，卡号 621457*********1234，电话 138****0000';
    expect(detectPersonalData([{ where: 'body', text }])).toEqual([]);
  });

  it('counts by kind with positions and never returns the values', () => {
    const text = '户主张三 11010519491231002X 账号 6200000000000005 电话 13800138000、13900139000';
    const hits = detectPersonalData([{ where: 'body', text }]);
    expect(hits.map((h) => [h.kind, h.count])).toEqual([
      ['id_number', 1],
      ['bank_card', 1],
      ['mobile', 2],
    ]);
    expect(hits[0]?.positions[0]).toEqual({ where: 'body', start: 5, end: 23 });
    expect(JSON.stringify(hits)).not.toMatch(/11010519491231002X|13800138000|6200000000000005/);
  });

  it('reads full-width digits and attachments', () => {
    const hits = detectPersonalData([
      { where: 'body', text: '无' },
      { where: 'attachment:0', text: '联系电话１３８００１３８０００' },
    ]);
    expect(hits).toEqual([
      { kind: 'mobile', count: 1, positions: [{ where: 'attachment:0', start: 4, end: 15 }] },
    ]);
  });

  it('does not count digits inside a longer run', () => {
    expect(detectPersonalData([{ where: 'body', text: '编号1380013800012345678901' }])).toEqual([]);
  });
});

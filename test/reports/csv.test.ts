import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/reports/csv.js';
import { csvField } from '../../src/reports/index.js';
import { parseCsv } from './fixtures.js';

describe('csvField', () => {
  it('leaves a plain field as it is', () => {
    expect(csvField('城村镇人民政府')).toBe('城村镇人民政府');
  });

  it('quotes a field with a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('关于“扶贫”的"通知"')).toBe('"关于“扶贫”的""通知"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
  });
});

describe('toCsv', () => {
  const columns = [
    {
      header: '标题',
      width: 10,
      cell: (r: { title: string }) => ({ kind: 'text' as const, value: r.title }),
    },
    {
      header: '天数',
      width: 6,
      cell: (r: { days: number | null }) =>
        r.days === null ? null : { kind: 'number' as const, value: r.days },
    },
  ];

  it('starts with a BOM, ends lines with CRLF, and reads back field for field', () => {
    const bytes = toCsv(columns, [
      { title: '关于"西村",东村的公示\n（第二批）', days: 5 },
      { title: '无', days: null },
    ]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['标题', '天数'],
      ['关于"西村",东村的公示\n（第二批）', '5'],
      ['无', ''],
    ]);
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    const text = new TextDecoder().decode(toCsv(columns, [{ title: '=HYPERLINK("http://x")', days: -1 }]));
    expect(text.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"")",-1`);
  });
});

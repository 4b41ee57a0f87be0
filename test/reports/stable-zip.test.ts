import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stampZip } from '../../src/reports/index.js';

const RUN_AT = '2020-12-31T02:00:00Z';

async function workbookAt(clock: string): Promise<Uint8Array> {
  vi.setSystemTime(new Date(clock));
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(RUN_AT);
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('评分');
  sheet.addRow(['主体', '得分']);
  sheet.addRow(['城村镇人民政府', 93.5]);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

afterEach(() => {
  vi.useRealTimers();
});

describe('stampZip', () => {
  it('makes two writes of one workbook at different times byte-identical (exceljs stamps the clock)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const morning = await workbookAt('2021-01-05T01:00:00Z');
    const evening = await workbookAt('2021-01-05T11:00:00Z');
    expect(same(morning, evening)).toBe(false);
    expect(same(stampZip(morning, RUN_AT), stampZip(evening, RUN_AT))).toBe(true);
  });

  it('keeps the entries in their order and content, without folder entries, readable by exceljs', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const written = await workbookAt('2021-01-05T01:00:00Z');
    const stamped = stampZip(written, RUN_AT);
    const before = Object.entries(unzipSync(written)).filter(([name]) => !name.endsWith('/'));
    expect(Object.entries(unzipSync(stamped))).toEqual(before);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(stamped) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('评分')?.getCell('A2').value).toBe('城村镇人民政府');
  });

  it('writes the run’s China time (10:00 on 2020-12-31) as every entry’s time', () => {
    const stamped = Buffer.from(stampZip(zipSync({ 'a.xml': strToU8('x'), 'b.xml': strToU8('y') }), RUN_AT));
    for (let at = stamped.indexOf('PK\x03\x04'); at >= 0; at = stamped.indexOf('PK\x03\x04', at + 4)) {
      const time = stamped.readUInt16LE(at + 10);
      const date = stamped.readUInt16LE(at + 12);
      expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63]).toEqual([
        2020, 12, 31, 10, 0,
      ]);
    }
  });
});

import { unzipSync, zipSync } from 'fflate';

/**
 * The same archive with every entry's time set to `at` (exceljs's zip library stamps each entry with the clock,
 * so the same workbook written twice differs). Entry order and contents are kept. ZIP times have no zone: the
 * time written is `at` in China time, read the same on any machine.
 */
export function stampZip(archive: Uint8Array, at: string): Uint8Array {
  const china = new Date(Date.parse(at) + 8 * 3_600_000);
  // fflate writes the local-time fields of the Date it is given; build one whose local fields are China time.
  const mtime = new Date(
    china.getUTCFullYear(),
    china.getUTCMonth(),
    china.getUTCDate(),
    china.getUTCHours(),
    china.getUTCMinutes(),
    china.getUTCSeconds(),
  );
  // Folder entries are dropped: an xlsx needs none, and Excel's own files have none.
  const files = Object.entries(unzipSync(archive)).filter(([name]) => !name.endsWith('/'));
  return zipSync(Object.fromEntries(files.map(([name, data]) => [name, [data, { mtime, level: 6 }]])));
}

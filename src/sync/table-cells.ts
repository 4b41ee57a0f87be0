import { z } from 'zod';
import { IsoDateSchema } from '../catalog/index.js';

// Excel's day 0 in its 1900 date system (the 1900 leap-year bug makes it 1899-12-30).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

const pad = (n: number | string) => String(n).padStart(2, '0');
const isoOfUtc = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** A cell as trimmed text; empty cells become undefined. */
export function cellText(cell: unknown): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  const text = (cell instanceof Date ? isoOfUtc(cell) : String(cell)).trim();
  return text === '' ? undefined : text;
}

/**
 * A date cell as `YYYY-MM-DD` text, validity not yet checked: a real Excel date, an Excel day number,
 * `2020-05-08`, `2020/5/8`, `2020.5.8`, `2020年5月8日`, `20200508`, with or without a time after it.
 */
export function dateCellText(cell: unknown): string | undefined {
  if (cell instanceof Date) return isoOfUtc(cell);
  if (typeof cell === 'number') {
    if (/^\d{8}$/.test(String(cell))) return dateCellText(String(cell));
    if (Number.isInteger(cell) && cell > 0 && cell < 2_958_466)
      return isoOfUtc(new Date(EXCEL_EPOCH_MS + cell * MS_PER_DAY));
  }
  const text = cellText(cell);
  if (text === undefined) return undefined;
  const bare = text.replace(/(\s+|T)\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(bare) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(bare);
  return m ? `${m[1]}-${pad(m[2] as string)}-${pad(m[3] as string)}` : text;
}

const UNIT_FACTORS: Record<string, number> = { 元: 1, 万元: 10_000, 万: 10_000, 亿元: 1e8, 亿: 1e8 };

/** The factor of a unit written in a header (`金额（万元）`), 1 when there is none. */
export function unitFactor(unit: string | undefined): number {
  return unit === undefined ? 1 : (UNIT_FACTORS[unit] ?? 1);
}

/**
 * An amount in yuan: a number (in the header's unit), or text like `1,280,000`, `128万元`, `¥1280000.00`;
 * text that is no amount is returned as is, for the schema to reject.
 */
export function amountCellValue(cell: unknown, factor = 1): unknown {
  if (typeof cell === 'number') return roundCents(cell * factor);
  const text = cellText(cell);
  if (text === undefined) return undefined;
  const m = /^[¥￥]?\s*(-?[\d,，]+(?:\.\d+)?)\s*(万元|亿元|万|亿|元)?$/.exec(text.replace(/\s+/g, ''));
  if (!m) return text;
  const value = Number((m[1] as string).replace(/[,，]/g, ''));
  return roundCents(value * (m[2] ? unitFactor(m[2]) : factor));
}

const roundCents = (value: number) => Math.round(value * 100) / 100;

/** A whole number of days: `10`, `10天`, `10日`. */
export function daysCellValue(cell: unknown): unknown {
  if (typeof cell === 'number') return cell;
  const text = cellText(cell);
  if (text === undefined) return undefined;
  const m = /^(\d+)\s*(个)?(天|日|工作日)?$/.exec(text);
  return m ? Number(m[1]) : text;
}

/** A required text cell. */
export const TextCellSchema = z.preprocess(cellText, z.string());

/** An optional text cell. */
export const OptionalTextCellSchema = z.preprocess(cellText, z.string().optional());

/** A required date cell, checked to be a real date (2020-02-30 is not). */
export const DateCellSchema = z.preprocess(dateCellText, IsoDateSchema);

/** An optional date cell. */
export const OptionalDateCellSchema = z.preprocess(dateCellText, IsoDateSchema.optional());

/** An amount cell in a column whose header states `factor` yuan per unit. */
export function amountCellSchema(factor: number) {
  return z.preprocess(
    (cell) => amountCellValue(cell, factor),
    z
      .number({ error: (issue) => `金额无效：“${String(issue.input)}”，应为数字，例如 1280000 或 128万元` })
      .nonnegative('金额不能为负数')
      .optional(),
  );
}

/** An optional whole, positive number of days. */
export const DaysCellSchema = z.preprocess(
  daysCellValue,
  z
    .number({ error: (issue) => `天数无效：“${String(issue.input)}”，应为整数，例如 10` })
    .int('天数应为整数')
    .positive('天数应大于 0')
    .optional(),
);

import type { Problem } from '../catalog/index.js';
import { cellText, unitFactor } from './table-cells.js';
import type { Cell, Table } from './table-read.js';

/** A column a table may have: its Chinese name first, then its English one, then synonyms. */
export interface ColumnSpec<K extends string = string> {
  key: K;
  names: readonly string[];
  required?: boolean;
}

/** A table's columns resolved against the specs: where each key is and how its header reads. */
export interface Columns<K extends string> {
  has(key: K): boolean;
  /** The header as written in the file, or the column's Chinese name when the file has none. */
  header(key: K): string;
  /** The unit factor the header states (`金额（万元）` → 10000). */
  factor(key: K): number;
  /** A row's cells by key; cells of absent columns are missing. */
  pick(cells: readonly Cell[]): Partial<Record<K, Cell>>;
}

const UNIT = /\((?:单位[:：]?)?(万元|亿元|元|万|亿|天|日)\)$/;

/** A header reduced for comparison (width, case, spaces, `*` marks, `_`), and a unit it states. */
export function normalizeHeader(raw: string): { name: string; unit?: string } {
  const flat = raw
    .normalize('NFKC')
    .replace(/[\s*_-]/g, '')
    .toLowerCase();
  const m = UNIT.exec(flat);
  return m ? { name: flat.slice(0, m.index), unit: m[1] as string } : { name: flat };
}

/** The keys of `specs` whose columns a table has. */
export function headerKeys<K extends string>(table: Table, specs: readonly ColumnSpec<K>[]): Set<K> {
  const keys = new Set<K>();
  for (const cell of table.header.cells) {
    const spec = findSpec(specs, cellText(cell));
    if (spec) keys.add(spec.key);
  }
  return keys;
}

function findSpec<K extends string>(
  specs: readonly ColumnSpec<K>[],
  header: string | undefined,
): ColumnSpec<K> | undefined {
  if (header === undefined) return undefined;
  const { name } = normalizeHeader(header);
  return specs.find((s) => s.names.some((n) => normalizeHeader(n).name === name));
}

/**
 * Finds each spec's column in the header row. A missing required column or a column given twice is an
 * error; a column no spec knows is a warning (it is ignored).
 */
export function matchColumns<K extends string>(
  table: Table,
  specs: readonly ColumnSpec<K>[],
): { columns: Columns<K>; problems: Problem[]; warnings: Problem[] } {
  const line = table.header.line;
  const found = new Map<K, { index: number; header: string; factor: number }>();
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  table.header.cells.forEach((cell, index) => {
    const header = cellText(cell);
    if (header === undefined) return;
    const spec = findSpec(specs, header);
    if (!spec) {
      warnings.push({ line, path: header, message: `未知的列“${header}”，已忽略` });
      return;
    }
    const earlier = found.get(spec.key);
    if (earlier) {
      problems.push({
        line,
        path: header,
        message: `列“${header}”和列“${earlier.header}”都表示“${spec.names[0]}”，请只保留一列`,
      });
      return;
    }
    found.set(spec.key, { index, header, factor: unitFactor(normalizeHeader(header).unit) });
  });
  for (const spec of specs) {
    if (spec.required && !found.has(spec.key)) {
      const also = spec.names.slice(1, 4).join('、');
      problems.push({
        line,
        path: spec.names[0] as string,
        message: `缺少必需的列“${spec.names[0]}”（也可写作 ${also}）`,
      });
    }
  }
  const nameOf = (key: K) => specs.find((s) => s.key === key)?.names[0] ?? key;
  const columns: Columns<K> = {
    has: (key) => found.has(key),
    header: (key) => found.get(key)?.header ?? nameOf(key),
    factor: (key) => found.get(key)?.factor ?? 1,
    pick: (cells) => {
      const picked: Partial<Record<K, Cell>> = {};
      for (const [key, { index }] of found) picked[key] = cells[index] ?? null;
      return picked;
    },
  };
  return { columns, problems, warnings };
}

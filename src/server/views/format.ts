/** 2020-05-12 → 2020年5月12日 */
export function dateZh(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** An instant as China time: 2020-05-12T02:30:00Z → 2020年5月12日 10:30 */
export function instantZh(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const china = new Date(ms + 8 * 3_600_000).toISOString();
  return `${dateZh(china)} ${china.slice(11, 16)}`;
}

/** 0.9123 → 91.2% */
export const percent = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;

/** 1234.5 → 1,234.5 */
export const number = (x: number, digits = 0): string =>
  x.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const STATUS_ZH: Record<string, string> = {
  pending: '未到期',
  on_time: '按时',
  late: '逾期',
  missing: '未公开',
  unverifiable: '无法核实',
  exempt: '免于公开',
};

export const LEVEL_ZH: Record<string, string> = {
  county: '区级',
  department: '区直部门',
  township: '乡镇',
  village: '村',
};

export const SEVERITY_ZH: Record<string, string> = {
  critical: '否决',
  major: '严重',
  minor: '一般',
  info: '提示',
};

export const ROLE_ZH: Record<string, string> = { admin: '管理员', evaluator: '评估人员', township: '乡镇' };

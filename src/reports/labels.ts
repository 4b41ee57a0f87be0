/** Chinese words the report uses for the stored codes (levels, statuses, severities, evidence and claims). */
export const LEVEL_ZH: Record<string, string> = {
  county: '区级',
  department: '区直部门',
  township: '乡镇（街道）',
  village: '村（社区）',
};

export const STATUS_ZH: Record<string, string> = {
  pending: '未到期',
  on_time: '按时公开',
  late: '逾期公开',
  missing: '未公开',
  unverifiable: '无法核实',
  exempt: '免于公开',
};

export const SEVERITY_ZH: Record<string, string> = {
  critical: '否决',
  major: '严重',
  minor: '一般',
  info: '提示',
};

export const EVIDENCE_ZH: Record<string, string> = {
  post: '网页',
  offline: '线下公示',
  claim: '主体认领链接',
  crawl: '抓取记录',
};

export const CLAIM_STATUS_ZH: Record<string, string> = {
  pending: '待审核',
  confirmed: '已确认',
  rejected: '未采纳',
};

/** 2020-05-12 → 2020年5月12日 */
export function dateZh(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** An instant in China time, to the second: 2020-05-12T02:30:00Z → 2020-05-12 10:30:00 */
export function chinaTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** 0.9123 → 91.2% */
export const percent = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;

/** 93.5 → 93.5, 94 → 94.0 */
export const points = (x: number): string => x.toFixed(1);

/** A body's name without the district's own name in front (charts and tables that repeat it on every row). */
export function shortName(name: string, district: string): string {
  return district && name.startsWith(district) && name.length > district.length
    ? name.slice(district.length)
    : name;
}

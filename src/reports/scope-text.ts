import type { AnnualReport } from './annual-report.js';

/** The report's scope in words: 全区（N 个主体） or 某镇及所辖 N 个村. */
export function scopeText(report: AnnualReport): string {
  const { scope } = report;
  if (scope.kind === 'district') return `全区（${report.totals.bodies} 个公开主体）`;
  return scope.members > 1 ? `${scope.name}及所辖 ${scope.members - 1} 个村（社区）` : scope.name;
}

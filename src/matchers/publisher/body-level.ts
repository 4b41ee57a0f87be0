import type { BodyLevel } from '../../catalog/index.js';

const VILLAGE = /(村民委员会|村委会|村委|居民委员会|居委会|社区|村)$/;
/** A township's name inside a body's name: 龙门镇, 大柳乡, 城关街道 (not 乡村振兴, not 城乡). */
const TOWNSHIP = /镇|(?<!城)乡(?!村|镇)|街道/;
/** The district's lead bodies: its government, party committee, leading groups and the poverty office. */
const COUNTY_LEAD =
  /(?:县|区|市|旗)(?:人民政府|政府)(?:办公室)?$|(?:县|区|市|旗)委(?:[\u4e00-\u9fa5]{0,12}(?:办公室|办))?$|领导小组(?:办公室)?$|指挥部(?:办公室)?$|扶贫[\u4e00-\u9fa5]{0,6}(?:办公室|办|局|中心)$|乡村振兴局$|扶贫$|乡村振兴$|发布$/;
const DEPARTMENT = /(局|委员会|委|办公室|办|中心|站|所|队|院|馆|处|公司|银行|支行|联社|社)$/;
const NEWS_OUTLET = /(日报|晚报|报社|电视台|广播电视台|融媒体中心|新闻网|新闻|新华社|人民网)$/;

/**
 * The level a body's name implies: 村民委员会 → village, a 镇/乡/街道 body → township, the county government,
 * party committee, leading groups and poverty office → county, other offices → department; undefined for a
 * news outlet or a name that says nothing.
 */
export function guessBodyLevel(name: string): BodyLevel | undefined {
  const text = name.replace(/\s+/g, '');
  if (text.length === 0 || NEWS_OUTLET.test(text)) return undefined;
  if (VILLAGE.test(text) && !/(乡村振兴|农村)$/.test(text)) return 'village';
  if (TOWNSHIP.test(text)) return 'township';
  if (COUNTY_LEAD.test(text)) return 'county';
  if (DEPARTMENT.test(text)) return 'department';
  return undefined;
}

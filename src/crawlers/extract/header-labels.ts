import { findNumericDate } from './dates.js';

/** The concepts of the 信息公开 header block; each has the labels sites use for it. */
export type HeaderConcept =
  | 'indexNo'
  | 'publisher'
  | 'formedOn'
  | 'publishedOn'
  | 'generatedOn'
  | 'docNo'
  | 'name'
  | 'category'
  | 'subjectWords'
  | 'keywords'
  | 'validity'
  | 'disclosureForm'
  | 'disclosureScope'
  | 'summary';

interface ConceptRule {
  /** Labels in order of trust: a later label never replaces a value read under an earlier one. */
  readonly labels: readonly string[];
  /** Labels whose meaning varies by site (beichuan's 发文日期 is its publication date). */
  readonly ambiguous?: readonly string[];
  accept(value: string): string | undefined;
}

const PLACEHOLDER = /^[无暂\-—/\\_.·*]*$|^暂无$/;
const CHINESE_DATE =
  /[〇○零一二三四五六七八九Ｏ0-9０-９]{4}\s*年\s*[〇○零一二三四五六七八九十\d]{1,3}\s*月\s*[〇○零一二三四五六七八九十\d]{1,3}\s*日/;
const ORG_ENDING =
  /(府|室|会|局|厅|办|部|中心|镇|乡|街道|处|村|所|站|院|科|组|队|司|社|委|网|报|台|馆|署|团|区|县|市|省)$/;

const text =
  (maxLength: number) =>
  (value: string): string | undefined =>
    value.length > 0 && value.length <= maxLength && !PLACEHOLDER.test(value) ? value : undefined;

/** The date as written (`2021-09-30 01:40`, `2021年09月28日`, `二〇二〇年五月十二日`), without trailing text. */
function date(value: string): string | undefined {
  const numeric = findNumericDate(value);
  if (numeric) return numeric.text;
  return CHINESE_DATE.exec(value)?.[0];
}

const indexNo = (value: string) =>
  /\d/.test(value) && value.length >= 4 && value.length <= 80 ? value : undefined;
const organisation = (value: string) =>
  /[\u4e00-\u9fa5]/.test(value) && value.length <= 60 && !date(value) && !PLACEHOLDER.test(value)
    ? value
    : undefined;
const informalSource = (value: string) => (ORG_ENDING.test(value) ? organisation(value) : undefined);

export const HEADER_CONCEPTS: Record<HeaderConcept, ConceptRule> = {
  indexNo: { labels: ['索引号', '信息索引号'], accept: indexNo },
  publisher: {
    labels: [
      '发布机构',
      '发文机关',
      '发文机构',
      '发布单位',
      '公开责任部门',
      '公开主体',
      '信息来源',
      '文章来源',
      '来源',
    ],
    accept: organisation,
  },
  formedOn: { labels: ['成文日期', '成文时间', '发文日期'], ambiguous: ['发文日期'], accept: date },
  publishedOn: {
    labels: [
      '发布日期',
      '公开日期',
      '发布时间',
      '公开时间',
      '发表时间',
      '发表日期',
      '信息发布日期',
      '日期',
      '时间',
    ],
    accept: date,
  },
  generatedOn: { labels: ['生成日期'], accept: date },
  docNo: { labels: ['文号', '发文字号', '发文文号', '文件编号'], accept: text(60) },
  name: { labels: ['名称', '标题', '文件名称', '信息名称'], accept: text(300) },
  category: { labels: ['主题分类', '信息分类', '公开目录', '分类', '公开类别'], accept: text(100) },
  subjectWords: { labels: ['主题词'], accept: text(100) },
  keywords: { labels: ['关键词', '关键字'], accept: text(100) },
  validity: { labels: ['有效性', '效力状态', '时效性'], accept: text(30) },
  disclosureForm: { labels: ['公开形式', '公开方式'], accept: text(30) },
  disclosureScope: { labels: ['公开范围'], accept: text(30) },
  summary: { labels: ['内容概述', '摘要', '内容摘要'], accept: text(1000) },
};

/** Labels read loosely (`来源` on a news page) must name an organisation, not a column heading. */
export function acceptValue(concept: HeaderConcept, label: string, value: string): string | undefined {
  if (concept === 'publisher' && label.endsWith('来源')) return informalSource(value);
  return HEADER_CONCEPTS[concept].accept(value);
}

/** Each label (spaces removed) → its concept and rank. */
export const LABELS: ReadonlyMap<string, { concept: HeaderConcept; rank: number }> = new Map(
  (Object.entries(HEADER_CONCEPTS) as Array<[HeaderConcept, ConceptRule]>).flatMap(([concept, rule]) =>
    rule.labels.map((label, rank) => [label.replace(/\s/g, ''), { concept, rank }] as const),
  ),
);

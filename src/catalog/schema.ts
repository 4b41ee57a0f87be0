import { z } from 'zod';
import { CHANNEL_NAMES, type ChannelName, resolveChannel } from './channels.js';
import { CatalogMatchSchema, ItemMatchSchema } from './match-schema.js';
import { BODY_LEVELS, type BodyLevel, CATALOG_LEVELS, SubjectSchema } from './subjects.js';
import { DueRuleSchema } from './time-rule.js';

/** The 13 second-level items (二级事项) of the standard catalog. */
export const ITEM_IDS = [
  'policy.regulations',
  'policy.normative',
  'policy.other',
  'target.identification',
  'target.exit',
  'funds.allocation',
  'funds.loans',
  'funds.sector',
  'projects.library',
  'projects.annual-plan',
  'projects.annual-completion',
  'projects.implementation',
  'oversight.reporting',
] as const;
export const ItemIdSchema = z.enum(ITEM_IDS);
export type ItemId = z.infer<typeof ItemIdSchema>;

/** A channel by its short name or any alias, normalised to the short name. */
export const ChannelSchema = z.string().transform((name, ctx): ChannelName => {
  const channel = resolveChannel(name);
  if (channel === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `“${name}”不是标准目录的 13 种公开渠道之一（${CHANNEL_NAMES.join('、')}）`,
    });
    return z.NEVER;
  }
  return channel;
});

/** A 公开内容 element: a plain name, or a name with its sub-elements (资金来源、资金规模 …). */
export const ElementSchema = z
  .union([
    z.string().min(1),
    z
      .object({
        name: z.string().min(1),
        parts: z.array(z.string().min(1)).default([]),
        etc: z.boolean().default(false),
      })
      .strict(),
  ])
  .transform((e) => (typeof e === 'string' ? { name: e, parts: [] as string[], etc: false } : e));
export type Element = z.output<typeof ElementSchema>;

/** A time limit: the table's own words and the rule they mean. */
export const TimeSchema = z.object({ text: z.string().min(1), due: DueRuleSchema }).strict();

/** How long a notice must stay up at one body level: online for good, or at least N calendar days. */
export const NoticeRuleSchema = z
  .object({
    keepOnline: z.boolean().default(false),
    minDays: z.number().int().positive().optional(),
    text: z.string().optional(),
  })
  .strict();
export type NoticeRule = z.output<typeof NoticeRuleSchema>;

const NoticeRulesSchema = z.partialRecord(z.enum(BODY_LEVELS), NoticeRuleSchema);

/** One content row of the table (item 10 has two). */
export const RowSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, '行号只能用小写字母、数字和连字符'),
    content: z.string().optional(),
    elements: z.array(ElementSchema).min(1),
    basis: z.array(z.string().min(1)).min(1),
    time: TimeSchema,
    subjects: z.array(z.string().min(1)).min(1),
    channels: z.array(ChannelSchema).min(1),
    audience: z.array(z.enum(['全社会', '特定群众'])).min(1),
    method: z.array(z.enum(['主动', '依申请公开'])).min(1),
    levels: z.array(z.enum(CATALOG_LEVELS)).min(1),
    notice: NoticeRulesSchema.optional(),
  })
  .strict();
export type Row = z.output<typeof RowSchema>;

export const ItemSchema = z
  .object({
    id: ItemIdSchema,
    no: z.number().int().positive(),
    category: z.string().min(1),
    name: z.string().min(1),
    rows: z.array(RowSchema).min(1),
    /** How the matchers recognise a post of this item (optional: a catalog without it matches nothing). */
    match: ItemMatchSchema.optional(),
  })
  .strict();
export type Item = z.output<typeof ItemSchema>;

export const CategorySchema = z.object({ id: z.string().min(1), name: z.string().min(1) }).strict();

/** Rules stated in the body of the notice rather than in the table. */
export const GeneralSchema = z
  .object({
    time: TimeSchema,
    notice: NoticeRulesSchema,
    rules: z.array(z.string().min(1)).default([]),
  })
  .strict();

export const DocumentSchema = z
  .object({
    title: z.string().min(1),
    docNo: z.string().optional(),
    issuedBy: z.string().optional(),
    basedOn: z.array(z.string()).default([]),
    note: z.string().optional(),
  })
  .strict();

const CATALOG_ID = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '目录 id 只能用小写字母、数字和连字符');

const CatalogObjectSchema = z
  .object({
    id: CATALOG_ID,
    name: z.string().min(1),
    version: z.string().min(1),
    district: z.string().optional(),
    document: DocumentSchema.optional(),
    general: GeneralSchema,
    subjects: z.array(SubjectSchema).min(1),
    categories: z.array(CategorySchema).min(1),
    items: z.array(ItemSchema).min(1),
    /** Matching rules shared by all items: topic words, non-disclosure titles, element cues. */
    match: CatalogMatchSchema.optional(),
  })
  .strict();

/** A complete catalog, after any `extends` has been resolved. */
export const CatalogSchema = CatalogObjectSchema.superRefine(checkReferences);
export type Catalog = z.output<typeof CatalogSchema>;

function checkReferences(catalog: z.output<typeof CatalogObjectSchema>, ctx: z.RefinementCtx): void {
  const subjects = new Set(catalog.subjects.map((s) => s.name));
  const categories = new Set(catalog.categories.map((c) => c.id));
  const seenIds = new Map<string, number>();
  const seenNos = new Map<number, number>();
  catalog.items.forEach((item, i) => {
    if (seenIds.has(item.id))
      ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `事项 ${item.id} 重复` });
    if (seenNos.has(item.no))
      ctx.addIssue({ code: 'custom', path: ['items', i, 'no'], message: `序号 ${item.no} 重复` });
    seenIds.set(item.id, i);
    seenNos.set(item.no, i);
    if (!categories.has(item.category)) {
      ctx.addIssue({
        code: 'custom',
        path: ['items', i, 'category'],
        message: `一级事项“${item.category}”未在 categories 中定义`,
      });
    }
    const rowIds = new Set<string>();
    item.rows.forEach((row, r) => {
      if (rowIds.has(row.id))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'rows', r, 'id'], message: `行号 ${row.id} 重复` });
      rowIds.add(row.id);
      row.subjects.forEach((s, k) => {
        if (!subjects.has(s)) {
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, 'rows', r, 'subjects', k],
            message: `公开主体“${s}”未在 subjects 中定义`,
          });
        }
      });
    });
  });
}

/** The notice rule for a body level: the row's own, else the catalog's general rule. */
export function noticeRuleFor(catalog: Catalog, row: Row, level: BodyLevel): NoticeRule | undefined {
  return row.notice?.[level] ?? catalog.general.notice[level];
}

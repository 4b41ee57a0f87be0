import { z } from 'zod';

/**
 * A phrase as evaluators write it: literal text, where `…` stands for a short gap inside one clause
 * (`下达…资金` matches 下达2020年第二批财政专项扶贫资金) and a final `$` for the end of a title
 * (`项目…公示$`). The object form carries a weight (default 1).
 */
export const PhraseSchema = z
  .union([z.string().min(1), z.object({ phrase: z.string().min(1), weight: z.number().positive() }).strict()])
  .transform((p) => (typeof p === 'string' ? { phrase: p, weight: 1 } : p))
  .refine((p) => !p.phrase.startsWith('…') && !p.phrase.endsWith('…'), {
    message: '短语不能以“…”开头或结尾',
  });
export type Phrase = z.output<typeof PhraseSchema>;

const Phrases = z.array(PhraseSchema).default([]);

/** Element key → phrases that show a post states it (资金来源: [资金来源, 来源于, 财政专项扶贫资金]). */
export const ElementCuesSchema = z.record(z.string().min(1), z.array(z.string().min(1)).min(1));

/** How a post is recognised as disclosing one item: title and body phrases, negatives, columns, element cues. */
export const ItemMatchSchema = z
  .object({
    /** `document`: the post is a policy document (its one element is itself); `disclosure`: it lists data. */
    kind: z.enum(['document', 'disclosure']).default('disclosure'),
    /** Phrases that name the item in a title (strong evidence). */
    title: Phrases,
    /** Phrases in the body or attachments that support the item. */
    body: Phrases,
    /** Phrases that speak against the item (in a title: strongly). */
    negative: Phrases,
    /** Column names (ColumnName, 主题分类) that hint at the item. */
    columns: z.array(z.string().min(1)).default([]),
    /** Publisher names (or parts: 水利局, 教育局) that hint at the item. */
    publishers: z.array(z.string().min(1)).default([]),
    /** Element group → phrases: when any group's phrases appear, only those groups are expected. */
    groups: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).optional(),
    /** Element cues for this item, over the catalog's. */
    elements: ElementCuesSchema.optional(),
  })
  .strict();
export type ItemMatch = z.output<typeof ItemMatchSchema>;

/** Rules that hold for every item of a catalog. */
export const CatalogMatchSchema = z
  .object({
    /** Words that place a post in the catalog's field (扶贫, 脱贫, 乡村振兴 …). */
    topic: z.array(z.string().min(1)).default([]),
    /** Title phrases of posts that report, announce or procure rather than disclose (召开, 招标, 招聘 …). */
    notDisclosure: Phrases,
    /** Title phrases of other programmes (低保, 临时救助 …): a list of them is not a disclosure item. */
    otherSubjects: Phrases,
    /** Body phrases of news writing (记者, 会议强调, “…”他说): reporting, not disclosing. */
    newsStyle: Phrases,
    /** Title endings of a disclosure (公示, 公告, 名单, 情况 …). */
    disclosureForms: Phrases,
    /** Body phrases with which a post discloses (现将…公示如下, 特此公告, 公示期): reports do not say them. */
    disclosureMarkers: Phrases,
    /** Columns of news, meetings and personnel rather than disclosure. */
    newsColumns: z.array(z.string().min(1)).default([]),
    /** Title words of a 解读 (which takes the item of the document it explains). */
    interpretation: z.array(z.string().min(1)).default([]),
    /** Element key → phrases that show a post states it. */
    elements: ElementCuesSchema.default({}),
  })
  .strict();
export type CatalogMatch = z.output<typeof CatalogMatchSchema>;

import { z } from 'zod';
import { FINDING_KINDS } from './types.js';

// The kinds a scheme may price: every kind of finding (types.ts).
const KINDS = FINDING_KINDS;

const FindingRuleSchema = z
  .object({
    label: z.string().min(1),
    indicator: z.string().optional(),
    points: z.number().min(0).default(0),
    /** Points are per working day late (late) or per missing element (element_missing). */
    perUnit: z.boolean().default(false),
    maxPerFinding: z.number().positive().optional(),
    severity: z.enum(['info', 'minor', 'major', 'critical']),
    /** A single finding of this kind makes the body unqualified, whatever its points (单项否决). */
    veto: z.boolean().default(false),
  })
  .strict();

/**
 * A scoring scheme as data (data/scoring/*.yaml): indicators with their maximum deductions, points per
 * finding kind, severity and veto — modelled on the State Council's veto / deduction / bonus structure.
 */
export const SchemeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    name: z.string().min(1),
    base: z.number().positive(),
    pass: z.number().min(0),
    good: z.number().min(0),
    indicators: z
      .array(
        z.object({ id: z.string().min(1), name: z.string().min(1), max: z.number().positive() }).strict(),
      )
      .min(1),
    findings: z.record(z.enum(KINDS), FindingRuleSchema),
    /** Working days before a due date from which an obligation shows as due soon. */
    dueSoonWorkdays: z.number().int().min(0).default(5),
  })
  .strict()
  .superRefine((scheme, ctx) => {
    const indicators = new Set(scheme.indicators.map((i) => i.id));
    for (const [kind, rule] of Object.entries(scheme.findings)) {
      if (rule.indicator && !indicators.has(rule.indicator)) {
        ctx.addIssue({
          code: 'custom',
          path: ['findings', kind, 'indicator'],
          message: `指标“${rule.indicator}”未在 indicators 中定义`,
        });
      }
    }
    for (const kind of KINDS) {
      if (!(kind in scheme.findings))
        ctx.addIssue({ code: 'custom', path: ['findings'], message: `缺少问题类型“${kind}”的计分规则` });
    }
  });
export type Scheme = z.output<typeof SchemeSchema>;
export type FindingRule = z.output<typeof FindingRuleSchema>;

/** The points one finding costs under the scheme: per unit (working day, element) when so set, capped. */
export function findingPoints(rule: FindingRule, units: number): number {
  const raw = rule.perUnit ? rule.points * Math.max(1, units) : rule.points;
  return rule.maxPerFinding === undefined ? raw : Math.min(raw, rule.maxPerFinding);
}

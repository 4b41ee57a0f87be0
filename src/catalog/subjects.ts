import { z } from 'zod';

/** How high a publishing body sits: the district itself, its departments, townships, villages. */
export const BODY_LEVELS = ['county', 'department', 'township', 'village'] as const;
export const BodyLevelSchema = z.enum(BODY_LEVELS);
export type BodyLevel = z.infer<typeof BodyLevelSchema>;

export const BODY_LEVEL_ZH: Record<BodyLevel, string> = {
  county: '区（县）级',
  department: '区（县）直部门',
  township: '乡镇（街道）',
  village: '行政村（社区）',
};

/**
 * What a department does, as far as the catalog's 公开主体 care: the poverty-alleviation office
 * (扶贫办, later 乡村振兴局), the finance bureau, or a sector department that manages poverty funds.
 */
export const BODY_ROLES = ['poverty_office', 'finance', 'sector'] as const;
export const BodyRoleSchema = z.enum(BODY_ROLES);
export type BodyRole = z.infer<typeof BodyRoleSchema>;

/** The table's 公开层级 columns: 县级 covers the district and its departments, 乡、村级 the rest. */
export const CATALOG_LEVELS = ['县级', '乡、村级'] as const;
export type CatalogLevel = (typeof CATALOG_LEVELS)[number];

const LEVELS_OF: Record<CatalogLevel, readonly BodyLevel[]> = {
  县级: ['county', 'department'],
  '乡、村级': ['township', 'village'],
};

/** The body levels a catalog level column stands for. */
export function bodyLevelsOf(level: CatalogLevel): readonly BodyLevel[] {
  return LEVELS_OF[level];
}

/** A 公开主体 phrase of the catalog and the bodies it names: by role, by level, or both. */
export const SubjectSchema = z
  .object({
    name: z.string().min(1),
    roles: z.array(BodyRoleSchema).optional(),
    levels: z.array(BodyLevelSchema).optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((s) => (s.roles?.length ?? 0) + (s.levels?.length ?? 0) > 0, {
    message: '公开主体须写明 roles（职能）或 levels（层级），否则无法确定由哪些主体公开',
  });
export type Subject = z.infer<typeof SubjectSchema>;

/** Whether a body with this level and role is one of the bodies a subject names. */
export function subjectCovers(
  subject: Subject,
  body: { level: BodyLevel; role?: BodyRole | undefined },
): boolean {
  const levelOk = !subject.levels || subject.levels.includes(body.level);
  const roleOk = !subject.roles || (body.role !== undefined && subject.roles.includes(body.role));
  return levelOk && roleOk;
}

/** Guesses a department's role from its name when the registry does not state it. */
export function inferBodyRole(name: string, level: BodyLevel): BodyRole | undefined {
  if (level === 'township' || level === 'village') return undefined;
  if (/扶贫|乡村振兴/.test(name)) return 'poverty_office';
  if (/财政/.test(name)) return 'finance';
  return level === 'department' ? 'sector' : undefined;
}

import { z } from 'zod';
import {
  CategorySchema,
  DocumentSchema,
  GeneralSchema,
  ItemIdSchema,
  ItemSchema,
  RowSchema,
} from './schema.js';
import { SubjectSchema } from './subjects.js';

const RowPatchSchema = RowSchema.partial().extend({ id: RowSchema.shape.id }).strict();

const ItemPatchSchema = ItemSchema.partial()
  .extend({ id: ItemIdSchema, rows: z.array(RowPatchSchema).optional() })
  .strict();

/**
 * A catalog that extends another: only what differs (renamed subjects, new wording, other time limits).
 * Rows and items are matched by id; a patch replaces the fields it names and keeps the rest.
 */
export const CatalogVariantSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '目录 id 只能用小写字母、数字和连字符'),
    extends: z.string().min(1),
    name: z.string().min(1),
    version: z.string().min(1),
    district: z.string().optional(),
    document: DocumentSchema.optional(),
    general: GeneralSchema.partial().optional(),
    renameSubjects: z.record(z.string(), z.string().min(1)).optional(),
    subjects: z.array(SubjectSchema).optional(),
    categories: z.array(CategorySchema).optional(),
    allRows: RowSchema.partial().omit({ id: true }).strict().optional(),
    items: z.array(ItemPatchSchema).optional(),
  })
  .strict();

type Raw = Record<string, unknown>;

const asRecords = (value: unknown): Raw[] => (Array.isArray(value) ? (value as Raw[]) : []);

/** Merges a list of records by a key: patches replace fields of the same key and append new ones. */
function mergeById(
  base: Raw[],
  patches: Raw[],
  key: string,
  mergeOne = (a: Raw, b: Raw): Raw => ({ ...a, ...b }),
): Raw[] {
  const out = base.map((r) => ({ ...r }));
  for (const patch of patches) {
    const i = out.findIndex((r) => r[key] === patch[key]);
    if (i >= 0) out[i] = mergeOne(out[i] as Raw, patch);
    else out.push({ ...patch });
  }
  return out;
}

function renameAll(names: unknown, renames: Record<string, string>): unknown {
  return Array.isArray(names) ? names.map((n) => (typeof n === 'string' ? (renames[n] ?? n) : n)) : names;
}

/** Applies a variant's patch to its parent's raw data; the result is validated as a whole catalog. */
export function applyVariant(parent: Raw, variant: Raw): Raw {
  const renames = (variant.renameSubjects ?? {}) as Record<string, string>;
  const allRows = (variant.allRows ?? {}) as Raw;
  const baseItems = asRecords(parent.items).map((item) => ({
    ...item,
    rows: asRecords(item.rows).map((row) => {
      const patched = { ...row, ...allRows };
      return { ...patched, subjects: renameAll(patched.subjects, renames) };
    }),
  }));
  const items = mergeById(baseItems, asRecords(variant.items), 'id', (item, patch) => ({
    ...item,
    ...patch,
    rows: mergeById(asRecords(item.rows), asRecords(patch.rows), 'id'),
  }));
  const baseSubjects = asRecords(parent.subjects).map((s) => ({
    ...s,
    name: renames[s.name as string] ?? s.name,
  }));
  const parentGeneral = (parent.general ?? {}) as Raw;
  const variantGeneral = (variant.general ?? {}) as Raw;
  const { extends: _parentId, renameSubjects: _r, allRows: _a, ...own } = variant;
  return {
    ...parent,
    ...own,
    general: {
      ...parentGeneral,
      ...variantGeneral,
      notice: { ...(parentGeneral.notice as Raw), ...(variantGeneral.notice as Raw) },
    },
    subjects: mergeById(baseSubjects, asRecords(variant.subjects), 'name'),
    categories: mergeById(asRecords(parent.categories), asRecords(variant.categories), 'id'),
    items,
  };
}

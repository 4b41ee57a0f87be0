import { type Catalog, findItem, type Item, type Row, subjectCovers } from '../catalog/index.js';
import type { Body } from '../store/index.js';

/** A reference in a cell resolved, or why it could not be. */
export type Lookup<T> = { kind: 'found'; value: T } | { kind: 'problem'; message: string };

const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * Resolves an item by id, number or name in the catalog, or by its name in a variant catalog
 * (a 2021 export says 财政衔接推进乡村振兴补助资金分配结果 where the 2020 catalog says 财政专项扶贫资金分配结果).
 */
export function createItemLookup(
  catalog: Catalog,
  variants: readonly Catalog[] = [],
): (ref: string) => Lookup<Item> {
  const variantIds = new Map<string, string>();
  for (const variant of variants)
    for (const item of variant.items) variantIds.set(squeeze(item.name), item.id);
  return (ref) => {
    const id = variantIds.get(squeeze(ref));
    const item = findItem(catalog, squeeze(ref)) ?? (id ? findItem(catalog, id) : undefined);
    if (item) return { kind: 'found', value: item };
    return {
      kind: 'problem',
      message: `未知的事项“${ref}”：请用事项 id（如 funds.allocation）、序号（1–${catalog.items.length}）或目录中的名称`,
    };
  };
}

/** Resolves a body by id, name or alias among all bodies of the registry, retired ones refused. */
export function createBodyLookup(bodies: readonly Body[]): (ref: string) => Lookup<Body> {
  const byId = new Map(bodies.map((b) => [b.id, b]));
  const byName = new Map<string, Body[]>();
  const add = (name: string, body: Body) => {
    const list = byName.get(squeeze(name)) ?? [];
    if (!list.includes(body)) list.push(body);
    byName.set(squeeze(name), list);
  };
  for (const b of bodies) add(b.name, b);
  const names = new Set(byName.keys());
  for (const b of bodies) for (const alias of b.aliases) if (!names.has(squeeze(alias))) add(alias, b);
  return (ref) => {
    const matches = byId.has(ref.trim()) ? [byId.get(ref.trim()) as Body] : (byName.get(squeeze(ref)) ?? []);
    const active = matches.filter((b) => b.active);
    if (active.length === 1) return { kind: 'found', value: active[0] as Body };
    if (active.length > 1) {
      const ids = active.map((b) => b.id).join('、');
      return { kind: 'problem', message: `主体“${ref}”有歧义：可指 ${ids}，请改用 id` };
    }
    const retired = matches[0];
    if (retired) {
      const named = retired.id === ref.trim() ? `“${ref}”` : `“${ref}”（${retired.id}）`;
      return { kind: 'problem', message: `主体${named}已停用：registry 中已不再列出` };
    }
    return { kind: 'problem', message: `未知的主体“${ref}”：请用 registry 中主体的 id、名称或别名` };
  };
}

/** Whether one of the row's 公开主体 covers the body (by role and level). */
export function rowCoversBody(catalog: Catalog, row: Row, body: Body): boolean {
  const subjects = catalog.subjects.filter((s) => row.subjects.includes(s.name));
  return subjects.some((s) => subjectCovers(s, { level: body.level, role: body.role ?? undefined }));
}

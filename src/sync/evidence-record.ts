import type { ItemId } from '../catalog/index.js';
import type { Store, StoredRecord } from '../store/index.js';
import { recordKey } from './records-key.js';
import type { Lookup } from './table-lookups.js';

/**
 * Finds the record a posting is about: by its number or key, else by 文号 or title among the item's
 * records of the body, then of any body. Records must have been imported first.
 */
export function findRecordRef(
  store: Store,
  ref: string,
  where: { item: ItemId; bodyId: string },
): Lookup<StoredRecord> {
  const wanted = ref.trim();
  const direct =
    (/^\d+$/.test(wanted) ? store.records.get(Number(wanted)) : undefined) ??
    store.records.getByKey(wanted) ??
    store.records.getByKey(recordKey({ ...where, refNo: wanted, title: '', formed: '' }));
  if (direct) {
    if (direct.item === where.item) return { kind: 'found', value: direct };
    return { kind: 'problem', message: `记录“${ref}”属于事项 ${direct.item}，不是 ${where.item}` };
  }
  const own = store.records.findByRef(where.item, wanted, where.bodyId);
  const candidates = own.length > 0 ? own : store.records.findByRef(where.item, wanted);
  if (candidates.length === 1) return { kind: 'found', value: candidates[0] as StoredRecord };
  if (candidates.length > 1) {
    const ids = candidates.map((r) => r.id).join('、');
    return {
      kind: 'problem',
      message: `记录“${ref}”有歧义：编号 ${ids} 的记录都叫这个名字，请改用文号或编号`,
    };
  }
  return {
    kind: 'problem',
    message: `找不到记录“${ref}”：应为已导入记录的文号、标题或编号（请先导入记录表）`,
  };
}

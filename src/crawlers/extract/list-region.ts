import type { Element } from 'domhandler';
import { isElement } from './dom.js';
import type { Candidate } from './list-links.js';

const ITEM_TAGS = new Set(['li', 'tr', 'dd', 'dt', 'p']);
const ROW_GROUPS = new Set(['tbody', 'thead', 'tfoot']);

function signature(el: Element | null): string {
  if (!el || !isElement(el)) return '';
  return `${el.name}.${(el.attribs.class ?? '').trim().split(/\s+/).sort().join('.')}`;
}

/** The element that holds the candidate's list: the parent of its item (ul, table, dl) or of the link itself. */
function listElementOf(c: Candidate): Element {
  const { a, host } = c.anchor;
  if (host !== a) return (host.parent as Element | null) ?? host;
  let item: Element = a;
  for (
    let node = a.parent as Element | null, i = 0;
    node && isElement(node) && i < 3;
    node = node.parent as Element | null, i++
  ) {
    if (ITEM_TAGS.has(node.name)) {
      item = node;
      break;
    }
  }
  const parent = (item.parent as Element | null) ?? item;
  return isElement(parent) && ROW_GROUPS.has(parent.name)
    ? ((parent.parent as Element | null) ?? parent)
    : parent;
}

/** Lists split into several `<ul>` (TRS pages break every five items) or boxes share tag, class and grandparent. */
function groupKey(list: Element, identity: (node: object | null) => number): string {
  const parent = list.parent as Element | null;
  return `${signature(list)}|${signature(parent)}|${identity(parent?.parent ?? null)}`;
}

function identities(): (node: object | null) => number {
  const ids = new Map<object, number>();
  return (node) => {
    if (!node) return 0;
    if (!ids.has(node)) ids.set(node, ids.size + 1);
    return ids.get(node) ?? 0;
  };
}

/**
 * The candidates of the main list: candidates are grouped by the list holding them, and the heaviest group wins,
 * so a sidebar box of links falls away. Links under the list page's own folder weigh double (TRS lists link
 * `./202005/t…html`); ties go to the group with more dated links, then to the first.
 */
export function mainListCandidates(
  candidates: readonly Candidate[],
  listFolder: string | undefined,
): Candidate[] {
  const identity = identities();
  const groups = new Map<string, { members: Candidate[]; weight: number; dated: number }>();
  for (const c of candidates) {
    const key = groupKey(listElementOf(c), identity);
    const group = groups.get(key) ?? { members: [], weight: 0, dated: 0 };
    group.members.push(c);
    group.weight += listFolder && c.link.url.startsWith(listFolder) ? 2 : 1;
    group.dated += c.dated ? 1 : 0;
    groups.set(key, group);
  }
  let best: { members: Candidate[]; weight: number; dated: number } | undefined;
  for (const group of groups.values()) {
    if (!best || group.weight > best.weight || (group.weight === best.weight && group.dated > best.dated))
      best = group;
  }
  return best?.members ?? [];
}

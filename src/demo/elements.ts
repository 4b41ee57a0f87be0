import type { Catalog, Element } from '../catalog/index.js';
import type { DemoEvent } from './model.js';

const keysOf = (elements: readonly Element[]): string[] =>
  elements.flatMap((e) => (e.parts.length > 0 ? e.parts : [e.name]));

/**
 * The element keys a post about this event must state: the row's elements (their parts where they have
 * parts), narrowed to the group the post is about (implementation before/after, hotline vs. results …).
 */
export function elementKeys(catalog: Catalog, event: DemoEvent): string[] {
  const row = catalog.items.find((i) => i.id === event.item)?.rows.find((r) => r.id === event.row);
  if (!row) return [];
  const [first, second] = row.elements;
  const p = event.payload;
  switch (event.item) {
    case 'projects.implementation':
      return keysOf(
        [(p.kind === 'projects' && p.phase === 'after' ? second : first) ?? row.elements[0]].filter(
          isElement,
        ),
      );
    case 'projects.library':
      return keysOf([first].filter(isElement));
    case 'oversight.reporting':
      return keysOf([(p.kind === 'complaints' ? second : first) ?? row.elements[0]].filter(isElement));
    case 'funds.loans':
      // A village's list has no 贴息 enterprises, so the enterprise element does not apply to it.
      return keysOf(
        p.kind === 'loans' && p.enterprises.length === 0 ? [first].filter(isElement) : row.elements,
      );
    case 'policy.regulations':
      return [(p.kind === 'policy' && p.docTitle.includes('条例') ? first : second)?.name ?? ''].filter(
        Boolean,
      );
    default:
      return [...new Set(keysOf(row.elements))];
  }
}

function isElement(e: Element | undefined): e is Element {
  return e !== undefined;
}

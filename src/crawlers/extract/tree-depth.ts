import type { AnyNode, Element } from 'domhandler';
import { isElement, walk } from './dom-walk.js';

/** Deeper elements are flattened into their ancestor at this depth: selector engines slow down with depth. */
const MAX_DEPTH = 150;
/** Opening tags nested deeper than this are dropped before parsing (see `limitNesting`). */
export const MAX_PARSE_DEPTH = 400;

/** Subtrees this shallow stay whole when flattened, so a link keeps its text and a list item its date. */
const KEPT_HEIGHT = 4;

function heightsBelow(el: Element): Map<Element, number> {
  const heights = new Map<Element, number>();
  const stack: number[] = [0];
  walk(el, {
    enter: () => {
      stack.push(0);
      return undefined;
    },
    exit: (node) => {
      const height = (stack.pop() ?? 0) + 1;
      heights.set(node, height);
      stack[stack.length - 1] = Math.max(stack[stack.length - 1] ?? 0, height);
    },
  });
  return heights;
}

/** Hoists the deep descendants of `el` to be its children, in document order; shallow subtrees stay whole. */
function flatten(el: Element): void {
  const heights = heightsBelow(el);
  const flat: AnyNode[] = [];
  const pending = [...el.children].reverse();
  for (let node = pending.pop(); node; node = pending.pop()) {
    flat.push(node);
    if (isElement(node) && (heights.get(node) ?? 0) > KEPT_HEIGHT) {
      for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i] as AnyNode);
      node.children = [];
    }
  }
  flat.forEach((node, i) => {
    node.parent = el;
    node.prev = (flat[i - 1] as Element | undefined) ?? null;
    node.next = (flat[i + 1] as Element | undefined) ?? null;
  });
  el.children = flat as Element[];
}

/** Bounds the tree's depth, so no page can make selector matching quadratic. */
export function capDepth(root: AnyNode): void {
  const stack: Array<[AnyNode, number]> = [[root, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    if (depth >= MAX_DEPTH && isElement(node)) flatten(node);
    else
      for (const child of (node as Element).children ?? [])
        if (isElement(child)) stack.push([child, depth + 1]);
  }
}

import type { AnyNode, Element } from 'domhandler';

export function isElement(node: AnyNode): node is Element {
  const kind = node.type as string;
  return kind === 'tag' || kind === 'script' || kind === 'style';
}

/** Callbacks of `walk`; `enter` returning false skips the element's children (and its `exit`). */
export interface Visitor {
  enter?(el: Element): boolean | undefined;
  exit?(el: Element): void;
  text?(text: string, parent: Element | null): void;
}

/** Visits the tree in document order without recursion (100,000 nested tags cannot overflow the stack), at most `maxNodes` nodes; false when it stopped there. */
export function walk(root: AnyNode, visitor: Visitor, maxNodes = Number.POSITIVE_INFINITY): boolean {
  // One frame per open element with the index of its next child, so a node with 100,000 children costs nothing up front.
  const frames: Array<{ node: AnyNode; next: number }> = [];
  let visited = 0;
  const visit = (node: AnyNode): void => {
    const kind = node.type as string;
    if (kind === 'text') visitor.text?.((node as { data: string }).data, node.parent as Element | null);
    else if (isElement(node) ? visitor.enter?.(node) !== false : kind === 'root')
      frames.push({ node, next: 0 });
  };
  visit(root);
  for (let frame = frames.at(-1); frame; frame = frames.at(-1)) {
    const child = (frame.node as Element).children[frame.next++];
    if (child === undefined) {
      frames.pop();
      if (isElement(frame.node)) visitor.exit?.(frame.node);
    } else if (++visited > maxNodes) {
      return false;
    } else {
      visit(child);
    }
  }
  return true;
}

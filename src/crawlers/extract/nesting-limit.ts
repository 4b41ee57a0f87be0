/** Elements that never nest (void) or that close themselves when repeated, so they add no depth. */
const NO_DEPTH = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dd dt td th tr option optgroup tbody thead tfoot rt rp'.split(
    ' ',
  ),
);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template']);
const NAME = /[a-zA-Z][a-zA-Z0-9-]*/y;

function rawTextEnd(html: string, name: string, from: number): number {
  const close = new RegExp(`</${name}`, 'gi');
  close.lastIndex = from;
  const m = close.exec(html);
  return m ? m.index : html.length;
}

/**
 * Drops opening tags (and as many closing ones) past `maxDepth` levels of nesting, keeping all text. htmlparser2
 * keeps its open-element stack with `unshift`, so 100,000 nested tags would cost it quadratic time; real pages
 * never come near the limit. One linear scan: each `<` is looked at once and tags end at the next `>`.
 */
export function limitNesting(html: string, maxDepth: number): string {
  const kept: string[] = [];
  let copiedTo = 0;
  let depth = 0;
  let excess = 0;
  let extraLink = false;
  let gt = -1;
  for (let lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', lt + 1)) {
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) break;
      lt = end;
      continue;
    }
    const closing = html[lt + 1] === '/';
    NAME.lastIndex = lt + (closing ? 2 : 1);
    const name = NAME.exec(html)?.[0]?.toLowerCase();
    if (!name) continue;
    if (gt < lt) gt = html.indexOf('>', lt);
    if (gt < 0) break;
    const end = gt;
    if (!closing && RAW_TEXT.has(name)) {
      lt = Math.max(end, rawTextEnd(html, name, end + 1) - 1);
      continue;
    }
    if (name === 'a' && depth >= maxDepth && closing === extraLink) {
      // One link may open past the limit, so lists nested too deep still keep their links.
      extraLink = !closing;
    } else if (!NO_DEPTH.has(name) && !(html[end - 1] === '/' && !closing)) {
      const drop = closing ? excess > 0 : depth >= maxDepth;
      if (closing && excess > 0) excess--;
      else if (closing) depth = Math.max(0, depth - 1);
      else if (drop) excess++;
      else depth++;
      if (drop) {
        kept.push(html.slice(copiedTo, lt));
        copiedTo = end + 1;
      }
    }
    lt = end;
  }
  if (kept.length === 0) return html;
  kept.push(html.slice(copiedTo));
  return kept.join('');
}

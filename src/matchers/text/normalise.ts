/**
 * Length-preserving normalisation: full-width ASCII (０-９, Ａ-Ｚ, ：, －) becomes half-width and the ideographic
 * space a plain space, so every index into the result is an index into the original text.
 */
export function normaliseWidth(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      out += String.fromCharCode(code - 0xfee0);
      changed = true;
    } else if (code === 0x3000 || code === 0xa0) {
      out += ' ';
      changed = true;
    } else out += text[i];
  }
  return changed ? out : text;
}

/** Removes all whitespace, for comparing names and titles as people read them. */
export function compact(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, '');
}

/** True when the text has at least one CJK ideograph. */
export function hasChinese(text: string): boolean {
  return /[\u4e00-\u9fa5]/.test(text);
}

/** Escapes a literal for use inside a regular expression. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

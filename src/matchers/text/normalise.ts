/**
 * Length-preserving normalisation: full-width ASCII (０-９, Ａ-Ｚ, ：, －) becomes half-width and the ideographic
 * space a plain space, so every index into the result is an index into the original text.
 */
export function normaliseWidth(text: string): string {
  return WIDE.test(text) ? text.replace(WIDE_ALL, toNarrow) : text;
}

const WIDE = /[\uff01-\uff5e\u3000\u00a0]/;
const WIDE_ALL = /[\uff01-\uff5e\u3000\u00a0]/g;
const toNarrow = (ch: string) => {
  const code = ch.charCodeAt(0);
  return code === 0x3000 || code === 0xa0 ? ' ' : String.fromCharCode(code - 0xfee0);
};

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

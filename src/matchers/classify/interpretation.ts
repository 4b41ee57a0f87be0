import { quotedTitles } from '../links/interpretations.js';

/** The title of the document a 解读 explains (its 《》 quote), or undefined when the title is no 解读. */
export function interpretedTitle(title: string, words: readonly string[]): string | undefined {
  if (!words.some((w) => title.includes(w))) return undefined;
  const quoted = quotedTitles(title)[0];
  return quoted && quoted.length >= 4 ? quoted : undefined;
}

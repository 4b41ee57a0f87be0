/** What a reader got out of a file: plain text, tables where the format has them, pages for PDFs. */
export interface ReadText {
  text: string;
  tables: string[][][];
  pages?: number;
  truncated: boolean;
}

/** Limits every reader honours: output size, and `deadline()` that turns true when time is up. */
export interface ReadLimits {
  maxChars: number;
  maxRows: number;
  deadline: () => boolean;
}

/** Cuts text to the character limit, saying whether it did. */
export function capText(text: string, maxChars: number): { text: string; truncated: boolean } {
  return text.length > maxChars
    ? { text: text.slice(0, maxChars), truncated: true }
    : { text, truncated: false };
}

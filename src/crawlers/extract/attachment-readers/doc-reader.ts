import WordExtractor from 'word-extractor';
import { capText, type ReadLimits, type ReadText } from './reader.js';

/** An old binary Word file (.doc, and WPS files saved in its format) through word-extractor. */
export async function readDoc(bytes: Uint8Array, limits: ReadLimits): Promise<ReadText> {
  const document = await new WordExtractor().extract(Buffer.from(bytes));
  const text = document
    .getBody()
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
  return { ...capText(text, limits.maxChars), tables: [] };
}

import mammoth from 'mammoth';
import { parseHtml } from '../dom.js';
import { blocksOf, blocksText } from '../text-blocks.js';
import { capText, type ReadLimits, type ReadText } from './reader.js';

// Images are dropped: inlined as data URIs they would make the HTML many times the size of the text.
const noImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/** A .docx through mammoth's HTML, so its tables stay tables. */
export async function readDocx(bytes: Uint8Array, limits: ReadLimits): Promise<ReadText> {
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage: noImages });
  const doc = parseHtml(result.value);
  const blocks = blocksOf(doc.root as never, limits.maxChars);
  const capped = capText(blocksText(blocks), limits.maxChars);
  return {
    text: capped.text,
    tables: blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : [])),
    truncated: capped.truncated || doc.truncated,
  };
}

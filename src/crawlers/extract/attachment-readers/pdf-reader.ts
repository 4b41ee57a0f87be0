import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { capText, type ReadLimits, type ReadText } from './reader.js';

const MAX_PAGES = 1_000;
const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

interface TextRun {
  str: string;
  hasEOL?: boolean;
  transform?: number[];
}

/** Joins a page's text runs: a run that ends a line, or starts lower on the page, begins a new line. */
function pageText(items: readonly TextRun[]): string {
  let text = '';
  let lastY: number | undefined;
  for (const item of items) {
    const y = item.transform?.[5];
    if (lastY !== undefined && y !== undefined && Math.abs(y - lastY) > 2 && !text.endsWith('\n'))
      text += '\n';
    text += item.str;
    if (item.hasEOL) text += '\n';
    if (y !== undefined) lastY = y;
  }
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** A PDF's text layer through pdf.js, page by page until the limits; scanned PDFs give no text. */
export async function readPdf(bytes: Uint8Array, limits: ReadLimits): Promise<ReadText> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    verbosity: 0,
    cMapUrl: `${path.join(pdfjsRoot, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(pdfjsRoot, 'standard_fonts')}/`,
  });
  try {
    const pdf = await task.promise;
    const pages: string[] = [];
    let chars = 0;
    let truncated = false;
    for (let n = 1; n <= pdf.numPages; n++) {
      if (n > MAX_PAGES || chars >= limits.maxChars || limits.deadline()) {
        truncated = true;
        break;
      }
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const text = pageText(content.items.flatMap((item) => ('str' in item ? [item] : [])));
      pages.push(text);
      chars += text.length;
      page.cleanup();
    }
    const capped = capText(pages.join('\n'), limits.maxChars);
    return { text: capped.text, tables: [], pages: pdf.numPages, truncated: truncated || capped.truncated };
  } finally {
    await task.destroy();
  }
}

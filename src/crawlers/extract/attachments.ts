import type { Element } from 'domhandler';
import { type HtmlDoc, queryAll, resolveUrl, textOf } from './dom.js';

/** A link to a file attached to the article, with its absolute URL and link text. */
export interface AttachmentLink {
  url: string;
  text: string;
  /** Lower-case file extension, when the URL or link text names one. */
  extension?: string;
}

/** File types published as attachments (OFD is the national e-document format). */
export const ATTACHMENT_EXTENSIONS = [
  'xls',
  'xlsx',
  'doc',
  'docx',
  'pdf',
  'wps',
  'et',
  'zip',
  'rar',
  '7z',
  'ofd',
  'csv',
];

const EXT = new RegExp(`\\.(${ATTACHMENT_EXTENSIONS.join('|')})$`, 'i');
const EXT_IN_TEXT = new RegExp(
  `\\.(${ATTACHMENT_EXTENSIONS.join('|')})\\s*(?:[（(][^)）]{0,20}[)）])?$`,
  'i',
);

function extensionOf(url: URL, text: string): string | undefined {
  const fromPath = EXT.exec(decodeURIComponentSafe(url.pathname))?.[1];
  const fromQuery = [...url.searchParams.values()].map((v) => EXT.exec(v)?.[1]).find(Boolean);
  return (fromPath ?? fromQuery ?? EXT_IN_TEXT.exec(text)?.[1])?.toLowerCase();
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Links to files (by extension) or whose text starts with 附件, outside the page's chrome, in page order. */
export function attachmentLinksOf(doc: HtmlDoc, chrome: Set<Element>): AttachmentLink[] {
  const seen = new Set<string>();
  const links: AttachmentLink[] = [];
  for (const a of queryAll(doc, 'a[href]')) {
    if (chrome.has(a)) continue;
    const href = resolveUrl(a.attribs.href, doc.baseUrl);
    if (!href || seen.has(href)) continue;
    const text = textOf(a, 300) || (a.attribs.title ?? '').trim();
    const extension = extensionOf(new URL(href), text);
    if (!extension && !/^附件/.test(text)) continue;
    seen.add(href);
    links.push(extension ? { url: href, text, extension } : { url: href, text });
  }
  return links;
}

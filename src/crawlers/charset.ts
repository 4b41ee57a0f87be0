import { analyse } from 'chardet';

/** Where the charset of a decoded body came from. */
export type CharsetSource = 'bom' | 'header' | 'meta' | 'utf8' | 'sniff' | 'default';

/** A body decoded to text, with the charset used and how it was chosen. */
export interface DecodedText {
  text: string;
  charset: string;
  source: CharsetSource;
}

// Node's 'gbk' decoder misses GB18030's 4-byte sequences (𠮷); GB18030 is a superset of GB2312 and GBK.
const GB_ALIASES = new Set(['cp936', 'ms936', 'windows-936', 'euc-cn', 'x-euc-cn', 'gb18030-2000']);
// A header saying latin-1 is usually a server default, not the author's choice.
const WEAK = new Set(['windows-1252']);
const PRESCAN_BYTES = 2048;
const SNIFF_BYTES = 16 * 1024;
const MIN_SNIFF_CONFIDENCE = 50;

/** A charset label in the WHATWG spelling TextDecoder accepts, with every GB label as gb18030; undefined if unknown. */
export function normaliseCharset(label: string): string | undefined {
  const lower = label.trim().toLowerCase();
  if (GB_ALIASES.has(lower)) return 'gb18030';
  try {
    const encoding = new TextDecoder(lower).encoding;
    if (encoding === 'replacement') return undefined;
    return encoding === 'gbk' ? 'gb18030' : encoding;
  } catch {
    return undefined;
  }
}

/**
 * Decodes an HTML or XML body: BOM, then the HTTP header charset, then `<meta>` or the XML declaration in
 * the first 2 KB, then strict UTF-8, then chardet (GB18030 or Big5 only, confidence ≥ 50), else gb18030.
 * A declared GB charset loses to bytes that are valid UTF-8, and a declared UTF-8 to bytes that are not.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const bom = decodeBom(bytes);
  if (bom) return bom;
  const header = charsetOfContentType(contentType);
  const weak = header && WEAK.has(header) ? header : undefined;
  const declared = [
    { charset: weak ? undefined : header, source: 'header' as const },
    { charset: prescanCharset(bytes), source: 'meta' as const },
  ];
  for (const { charset, source } of declared) {
    const decoded = charset ? decodeDeclared(bytes, charset, source) : undefined;
    if (decoded) return decoded;
  }
  const utf8 = decodeStrictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, charset: 'utf-8', source: 'utf8' };
  const sniffed = sniffChinese(bytes);
  if (sniffed) return { text: decode(bytes, sniffed), charset: sniffed, source: 'sniff' };
  if (weak) return { text: decode(bytes, weak), charset: weak, source: 'header' };
  return { text: decode(bytes, 'gb18030'), charset: 'gb18030', source: 'default' };
}

function decodeDeclared(
  bytes: Uint8Array,
  charset: string,
  source: 'header' | 'meta',
): DecodedText | undefined {
  if (charset === 'utf-8') {
    const text = decodeStrictUtf8(bytes);
    return text === undefined ? undefined : { text, charset, source };
  }
  if (charset === 'gb18030' && hasNonAscii(bytes)) {
    const text = decodeStrictUtf8(bytes);
    if (text !== undefined) return { text, charset: 'utf-8', source: 'utf8' };
  }
  // A <meta> cannot declare UTF-16: the bytes that carried it were ASCII-compatible (HTML spec).
  if (source === 'meta' && charset.startsWith('utf-16')) return undefined;
  return { text: decode(bytes, charset), charset, source };
}

const BOMS: readonly [readonly number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0x84, 0x31, 0x95, 0x33], 'gb18030'],
];

function decodeBom(bytes: Uint8Array): DecodedText | undefined {
  for (const [mark, charset] of BOMS) {
    if (mark.every((byte, i) => bytes[i] === byte)) {
      return { text: decode(bytes.subarray(mark.length), charset), charset, source: 'bom' };
    }
  }
  return undefined;
}

/** The charset parameter of a Content-Type header, normalised; undefined when absent or unknown. */
export function charsetOfContentType(contentType: string | null | undefined): string | undefined {
  const label = contentType?.match(/;\s*charset\s*=\s*["']?([^"';\s]+)/i)?.[1];
  return label ? normaliseCharset(label) : undefined;
}

/** The charset a document declares in its first 2 KB: `<meta charset>`, `http-equiv`, or `<?xml encoding>`. */
export function prescanCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, PRESCAN_BYTES));
  const xml = head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i)?.[1];
  if (xml) return normaliseCharset(xml);
  for (const tag of head.matchAll(/<meta\b[^>]*>/gi)) {
    const label = tag[0].match(/charset\s*=\s*["']?\s*([^"'\s;/>]+)/i)?.[1];
    const charset = label ? normaliseCharset(label) : undefined;
    if (charset) return charset;
  }
  return undefined;
}

function decodeStrictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

// chardet guesses Big5 or Shift_JIS on short GBK text at low confidence, so only a confident Chinese guess counts.
function sniffChinese(bytes: Uint8Array): string | undefined {
  const first = bytes.findIndex((byte) => byte >= 0x80);
  if (first < 0) return undefined;
  const best = analyse(bytes.subarray(first, first + SNIFF_BYTES))[0];
  if (!best || best.confidence < MIN_SNIFF_CONFIDENCE) return undefined;
  return best.name === 'GB18030' || best.name === 'Big5' ? normaliseCharset(best.name) : undefined;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte >= 0x80);
}

function decode(bytes: Uint8Array, charset: string): string {
  return new TextDecoder(charset).decode(bytes);
}

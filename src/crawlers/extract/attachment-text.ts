import type { ReadLimits, ReadText } from './attachment-readers/reader.js';

/** The formats whose text gongkai reads. */
export type TextFormat = 'xlsx' | 'docx' | 'pdf' | 'doc';

/** An attachment's text, or why there is none; never thrown. */
export type AttachmentText =
  | ({ kind: 'text'; format: TextFormat } & ReadText)
  | { kind: 'unsupported'; format: string; reason: string }
  | { kind: 'failed'; format: string; reason: string };

/** How to read an attachment: its name and content type help detection; the limits bound the work. */
export interface AttachmentTextOptions {
  fileName?: string;
  contentType?: string;
  maxBytes?: number;
  maxChars?: number;
  maxRows?: number;
  timeoutMs?: number;
  /** Milliseconds of a monotonic clock; tests pass a fake one. */
  now?: () => number;
}

type Reader = (bytes: Uint8Array, limits: ReadLimits) => Promise<ReadText>;

// Each library loads on the first file of its format (pdf.js alone is about 140 MB under tsx); import() caches it.
const READERS: Record<TextFormat, () => Promise<Reader>> = {
  xlsx: async () => (await import('./attachment-readers/xlsx-reader.js')).readXlsx,
  docx: async () => (await import('./attachment-readers/docx-reader.js')).readDocx,
  pdf: async () => (await import('./attachment-readers/pdf-reader.js')).readPdf,
  doc: async () => (await import('./attachment-readers/doc-reader.js')).readDoc,
};
const DEFAULTS = { maxBytes: 20_000_000, maxChars: 2_000_000, maxRows: 50_000, timeoutMs: 30_000 };
const CONTENT_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/zip': 'zip',
  'application/x-rar-compressed': 'rar',
  'application/vnd.rar': 'rar',
};
const UNSUPPORTED: Record<string, string> = {
  xls: '旧版 Excel（.xls）：已安装的库都不能读取',
  et: 'WPS 表格（.et）：已安装的库都不能读取',
  zip: '压缩包不解压',
  rar: '压缩包不解压',
  '7z': '压缩包不解压',
  ofd: 'OFD 版式文件暂不支持',
};

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const hasUtf16 = (buffer: Buffer, name: string) => buffer.includes(Buffer.from(name, 'utf16le'));

/** The format the bytes themselves show (magic numbers, then entry names inside zip and OLE containers). */
function sniff(bytes: Uint8Array, claimed: string | undefined): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (buffer.includes('word/document')) return 'docx';
    if (buffer.includes('xl/workbook')) return 'xlsx';
    if (buffer.includes('OFD.xml')) return 'ofd';
    return 'zip';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (hasUtf16(buffer, 'WordDocument')) return 'doc';
    if (hasUtf16(buffer, 'Workbook') || hasUtf16(buffer, 'Book')) return claimed === 'et' ? 'et' : 'xls';
    return claimed;
  }
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21])) return 'rar';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])) return '7z';
  return undefined;
}

function claimedFormat(options: AttachmentTextOptions): string | undefined {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(options.fileName?.trim() ?? '')?.[1]?.toLowerCase();
  if (ext) return ext === 'wps' ? 'doc' : ext;
  const type = options.contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? CONTENT_TYPES[type] : undefined;
}

const looksLikeHtml = (bytes: Uint8Array) =>
  /^\s*(<!doctype html|<html|<head|<body|<\?xml)/i.test(
    Buffer.from(bytes.subarray(0, 200)).toString('latin1'),
  );

const isTextFormat = (format: string): format is TextFormat => format in READERS;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function read(
  format: TextFormat,
  bytes: Uint8Array,
  limits: typeof DEFAULTS,
  now: () => number,
): Promise<AttachmentText> {
  try {
    // Loading the library is not reading the file: the time limit starts after it.
    const reader = await READERS[format]();
    const deadlineAt = now() + limits.timeoutMs;
    const readLimits: ReadLimits = {
      maxChars: limits.maxChars,
      maxRows: limits.maxRows,
      deadline: () => now() >= deadlineAt,
    };
    const text = await withTimeout(reader(bytes, readLimits), limits.timeoutMs);
    if (text === 'timeout') return { kind: 'failed', format, reason: `读取超时（${limits.timeoutMs} 毫秒）` };
    return { kind: 'text', format, ...text };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'failed', format, reason: `无法读取 ${format} 文件：${message}` };
  }
}

/** Reads the text (and tables) of an xlsx, docx, pdf or doc attachment within size and time limits. */
export async function extractAttachmentText(
  bytes: Uint8Array,
  options: AttachmentTextOptions = {},
): Promise<AttachmentText> {
  const limits = { ...DEFAULTS, ...options };
  const claimed = claimedFormat(options);
  const format = sniff(bytes, claimed) ?? claimed ?? 'unknown';
  if (!isTextFormat(format)) {
    return { kind: 'unsupported', format, reason: UNSUPPORTED[format] ?? `不支持的文件类型：${format}` };
  }
  if (looksLikeHtml(bytes)) {
    return { kind: 'failed', format, reason: `内容是网页而不是 ${format} 文件（下载地址可能已失效）` };
  }
  if (bytes.byteLength > limits.maxBytes) {
    return {
      kind: 'failed',
      format,
      reason: `文件过大：${bytes.byteLength} 字节，上限 ${limits.maxBytes} 字节`,
    };
  }
  return read(format, bytes, limits, options.now ?? (() => performance.now()));
}

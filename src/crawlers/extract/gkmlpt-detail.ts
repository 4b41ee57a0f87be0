import { z } from 'zod';
import { findNumericDate, isoFromEpochSeconds } from './dates.js';
import { cleanText, type HtmlDoc, scriptTexts } from './dom.js';

/** The article as gkmlpt embeds it in `DETAIL: {…}` for its script to render. */
export interface GkmlptDetail {
  title?: string;
  contentHtml?: string;
  publisher?: string;
  indexNo?: string;
  docNo?: string;
  publishedAt?: string;
}

const Field = z.union([z.string(), z.number()]).optional().catch(undefined);
const DetailSchema = z
  .object({
    title: Field,
    content: Field,
    publisher: Field,
    identifier: Field,
    document_number: Field,
    display_publish_time: Field,
    publish_time: Field,
    first_publish_time: Field,
    date: Field,
    created_at: Field,
  })
  .loose();

const MAX_JSON_CHARS = 5_000_000;

/** The balanced `{…}` starting at `from`, scanned once with string awareness. */
export function sliceJsonObject(text: string, from: number): string | undefined {
  const start = text.indexOf('{', from);
  if (start < 0 || start - from > 20) return undefined;
  let depth = 0;
  let inString: string | undefined;
  const end = Math.min(text.length, start + MAX_JSON_CHARS);
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === inString) inString = undefined;
    } else if (c === '"' || c === "'") inString = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}

/** A publication time given as unix seconds or milliseconds, or as a date string. */
export function timeOf(value: string | number | undefined): string | undefined {
  if (typeof value === 'number') return isoFromEpochSeconds(value > 1e12 ? value / 1000 : value);
  if (value === undefined) return undefined;
  return /^\d{9,13}$/.test(value.trim()) ? timeOf(Number(value)) : findNumericDate(value)?.iso;
}

const str = (value: string | number | undefined) =>
  value === undefined ? undefined : cleanText(String(value));

function parseDetail(json: string): GkmlptDetail | undefined {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return undefined;
  }
  const parsed = DetailSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const d = parsed.data;
  const entries = {
    title: str(d.title),
    contentHtml: d.content === undefined ? undefined : String(d.content),
    publisher: str(d.publisher),
    indexNo: str(d.identifier),
    docNo: str(d.document_number),
    publishedAt: [d.display_publish_time, d.publish_time, d.first_publish_time, d.date, d.created_at]
      .map(timeOf)
      .find(Boolean),
  };
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v)) as GkmlptDetail;
}

/** Reads gkmlpt's embedded `DETAIL: {…}` JSON, if the page has it. */
export function gkmlptDetailOf(doc: HtmlDoc): GkmlptDetail | undefined {
  for (const script of scriptTexts(doc)) {
    const at = script.search(/\bDETAIL\s*:/);
    if (at < 0) continue;
    const json = sliceJsonObject(script, script.indexOf(':', at) + 1);
    const detail = json === undefined ? undefined : parseDetail(json);
    if (detail) return detail;
  }
  return undefined;
}

import type { IsoDate } from '../../catalog/index.js';
import { formatDate } from '../text/format.js';
import type { Block, DateStyle } from '../text/types.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** An article body's blocks as HTML, in the plain markup CMS editors produce. */
export function blocksHtml(blocks: readonly Block[], options: { indent?: boolean } = {}): string {
  const style = options.indent === false ? '' : ' style="text-indent:2em;"';
  return blocks
    .map((b) => {
      if (b.kind === 'p') return `<p${style}>${esc(b.text)}</p>`;
      if (b.kind === 'h') return `<p style="text-align:center;"><strong>${esc(b.text)}</strong></p>`;
      const [head, ...rows] = b.rows;
      const th = (head ?? [])
        .map((c) => `<td style="text-align:center;"><strong>${esc(c)}</strong></td>`)
        .join('');
      const body = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
      return `<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;width:100%;">\n<tr>${th}</tr>\n${body}\n</table>`;
    })
    .join('\n');
}

/** The 落款 block: the signing body and date, right-aligned. */
export function signatureHtml(signature: { name: string; date: IsoDate; style: DateStyle } | null): string {
  if (!signature) return '';
  return `<p style="text-align:right;">${esc(signature.name)}</p>\n<p style="text-align:right;">${esc(formatDate(signature.date, signature.style))}</p>`;
}

/** The standard government page `<meta>` tags (国办发〔2017〕47号). */
export function metaTags(tags: Record<string, string | undefined>): string {
  return Object.entries(tags)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, content]) => `<meta name="${name}" content="${esc(content)}">`)
    .join('\n');
}

/** A date and time as the PubDate meta writes it: `2020-05-12 09:30`. */
export function pubDateTime(date: IsoDate, minuteOfDay: number): string {
  const h = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const m = String(minuteOfDay % 60).padStart(2, '0');
  return `${date} ${h}:${m}`;
}

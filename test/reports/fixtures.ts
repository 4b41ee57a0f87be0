import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scoredDemo } from '../helpers/dashboard.js';

/** The scored demo district in a folder of its own, kept for a whole test file (built in a few seconds). */
export async function demoForFile(): Promise<{ dir: string; db: string; close(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-report-'));
  const demo = await scoredDemo(dir);
  return {
    dir,
    db: demo.db,
    close: async () => {
      await demo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Parses CSV as RFC 4180 writes it: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else if (ch === '"' || ch === '\n' || ch === '\r')
      throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
    else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error('the last line has no CRLF');
  return rows;
}

/** The text of a PDF, as pdftotext (poppler-utils) reads it. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Renders one page of a PDF to PNG with pdftoppm; the file written. */
export function pdfPagePng(file: string, page: number, out: string): string {
  const base = out.replace(/\.png$/, '');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '110',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    base,
  ]);
  return `${base}.png`;
}

import { readFileSync } from 'node:fs';
import path from 'node:path';

const PAGES = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'pages');

/** A fixture page of `test/fixtures/pages/`, as text. */
export function readPage(name: string): string {
  return readFileSync(path.join(PAGES, name), 'utf8');
}

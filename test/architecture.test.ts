import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// DESIGN.md's table: which folder of src/ may import which. `types` means `import type` only.
type Allowance = 'all' | 'types';
const TABLE: Record<string, Record<string, Allowance>> = {
  catalog: {},
  matchers: { catalog: 'all' },
  scoring: { catalog: 'all', matchers: 'types' },
  crawlers: { catalog: 'types', store: 'all' },
  store: { catalog: 'types' },
  sync: { catalog: 'all', store: 'all' },
  reports: { scoring: 'all', store: 'all' },
  server: {
    catalog: 'all',
    matchers: 'all',
    scoring: 'all',
    crawlers: 'all',
    store: 'all',
    sync: 'all',
    reports: 'all',
  },
  demo: { catalog: 'all' },
  cli: {
    catalog: 'all',
    matchers: 'all',
    scoring: 'all',
    crawlers: 'all',
    store: 'all',
    sync: 'all',
    reports: 'all',
    server: 'all',
    demo: 'all',
  },
};

const PURE = ['catalog', 'matchers', 'scoring'];
// The catalog's loaders are its only files that read from disk (DESIGN.md: "catalog schema and loader").
const PURE_IO_EXCEPTIONS = ['src/catalog/load.ts', 'src/catalog/calendar-load.ts'];
const IO_MODULES =
  /^(node:)?(fs|fs\/promises|net|http|https|http2|child_process|dgram|dns|worker_threads|cluster)$/;

const SRC = path.resolve(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The folder of src/ a file belongs to; src/cli.ts and src/cli/ are the command. */
function folderOf(file: string): string {
  const rel = path.relative(SRC, file);
  const top = rel.split(path.sep)[0] ?? '';
  return top.replace(/\.tsx?$/, '');
}

interface ImportRef {
  specifier: string;
  typeOnly: boolean;
}

function importsOf(text: string): ImportRef[] {
  const refs: ImportRef[] = [];
  const statement = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(statement)) refs.push({ specifier: m[3] as string, typeOnly: Boolean(m[2]) });
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g))
    refs.push({ specifier: m[1] as string, typeOnly: false });
  return refs;
}

const files = sourceFiles(SRC);

describe('the import table of DESIGN.md', () => {
  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const file of files) {
    const rel = path.relative(path.resolve(SRC, '..'), file);
    const from = folderOf(file);
    it(`${rel} imports only what ${from} may`, () => {
      expect(Object.keys(TABLE), `src/${from} is not a folder of DESIGN.md`).toContain(from);
      const allowed = TABLE[from] ?? {};
      const text = readFileSync(file, 'utf8');
      const violations = importsOf(text)
        .filter((ref) => ref.specifier.startsWith('.'))
        .map((ref) => ({ ...ref, to: folderOf(path.resolve(path.dirname(file), ref.specifier)) }))
        .filter((ref) => ref.to !== from)
        .filter((ref) => {
          const allowance = allowed[ref.to];
          return allowance === undefined || (allowance === 'types' && !ref.typeOnly);
        })
        .map((ref) => `${ref.typeOnly ? 'import type' : 'import'} '${ref.specifier}' (src/${ref.to})`);
      expect(violations).toEqual([]);
    });
  }

  for (const file of files.filter((f) => PURE.includes(folderOf(f)))) {
    const rel = path.relative(path.resolve(SRC, '..'), file);
    it(`${rel} does no I/O and never reads the clock`, () => {
      const text = readFileSync(file, 'utf8');
      const io = importsOf(text)
        .filter((ref) => !ref.typeOnly && IO_MODULES.test(ref.specifier))
        .map((ref) => ref.specifier);
      if (!PURE_IO_EXCEPTIONS.includes(rel)) expect(io).toEqual([]);
      expect(text).not.toMatch(/\bDate\.now\(|new Date\(\s*\)|Math\.random\(|process\.(env|argv|cwd)/);
    });
  }
});

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ZodError } from 'zod';
import { type Catalog, CatalogSchema } from './schema.js';
import { applyVariant, CatalogVariantSchema } from './variant.js';
import {
  DataFileError,
  type DataPath,
  issueTargets,
  type Problem,
  parseWithSchema,
  parseYamlSource,
  type YamlSource,
  zodErrorZh,
} from './yaml-source.js';

// The catalog loader is the one place in src/catalog that reads files; everything it returns is plain data.

/** A resolved catalog, the files it came from, and a hash that changes when any of them does. */
export interface LoadedCatalog {
  catalog: Catalog;
  files: string[];
  sha256: string;
}

/** Reads a YAML data file, with a clear error when it is missing or unreadable. */
export function readYamlFile(file: string): YamlSource {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录，不是文件' : `无法读取（${code}）`;
    throw new DataFileError(file, [{ path: '', message }]);
  }
  return parseYamlSource(text, file);
}

/** The catalogs in a folder, by id. */
export function listCatalogs(dir: string): { id: string; file: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/\.ya?ml$/, ''), file: path.join(dir, f) }));
}

function locateCatalog(ref: string, dirs: readonly string[]): string {
  if (/[\\/]/.test(ref) || /\.ya?ml$/.test(ref)) return ref;
  for (const dir of dirs) {
    const found = listCatalogs(dir).find((c) => c.id === ref);
    if (found) return found.file;
  }
  const known = [...new Set(dirs.flatMap((d) => listCatalogs(d).map((c) => c.id)))];
  throw new DataFileError(ref, [
    { path: '', message: `未知的标准目录“${ref}”，可用的有：${known.join('、') || '（无）'}` },
  ]);
}

/**
 * Loads a catalog by id (a file `<id>.yaml` in `dir`) or by path, resolving `extends` chains.
 * Every problem is reported with its file, line and key path.
 */
export function loadCatalog(ref: string, options: { dir: string }): LoadedCatalog {
  const file = locateCatalog(ref, [options.dir]);
  const { raw, sources } = resolveRaw(file, options.dir, []);
  const result = CatalogSchema.safeParse(raw, { error: zodErrorZh });
  if (!result.success) throw new DataFileError(file, relocate(result.error, raw, sources));
  const hash = createHash('sha256');
  for (const s of sources) hash.update(readFileSync(s.file));
  return { catalog: result.data, files: sources.map((s) => s.file), sha256: hash.digest('hex') };
}

type Raw = Record<string, unknown>;

function resolveRaw(file: string, defaultDir: string, chain: string[]): { raw: Raw; sources: YamlSource[] } {
  const source = readYamlFile(file);
  const data = (source.data ?? {}) as Raw;
  if (data.extends === undefined) return { raw: data, sources: [source] };
  parseWithSchema(CatalogVariantSchema, source);
  const parentRef = String(data.extends);
  const line = source.lineOf(['extends']);
  if (chain.includes(parentRef) || parentRef === data.id) {
    throw new DataFileError(file, [
      {
        ...(line ? { line } : {}),
        path: 'extends',
        message: `目录继承形成循环：${[...chain, data.id, parentRef].join(' → ')}`,
      },
    ]);
  }
  let parentFile: string;
  try {
    parentFile = locateCatalog(parentRef, [path.dirname(file), defaultDir]);
  } catch (error) {
    const message = error instanceof DataFileError ? (error.problems[0]?.message ?? '') : String(error);
    throw new DataFileError(file, [{ ...(line ? { line } : {}), path: 'extends', message }]);
  }
  const parent = resolveRaw(parentFile, defaultDir, [...chain, String(data.id)]);
  return { raw: applyVariant(parent.raw, data), sources: [source, ...parent.sources] };
}

// Lists whose elements are known by a key rather than a position, so a merged path can be found again.
const KEYED_LISTS: Record<string, string> = { items: 'id', rows: 'id', subjects: 'name', categories: 'id' };

type Segment = PropertyKey | { list: string; key: string; value: unknown };

function toKeyedPath(raw: unknown, path: DataPath): Segment[] {
  const out: Segment[] = [];
  let node = raw;
  let parentKey: PropertyKey | undefined;
  for (const segment of path) {
    const keyName = typeof parentKey === 'string' ? KEYED_LISTS[parentKey] : undefined;
    const element =
      Array.isArray(node) && typeof segment === 'number' ? (node[segment] as Raw | undefined) : undefined;
    if (keyName && element && typeof element === 'object' && keyName in element) {
      out.push({ list: String(parentKey), key: keyName, value: element[keyName] });
    } else {
      out.push(segment);
    }
    node = (node as Record<PropertyKey, unknown> | undefined)?.[segment as never];
    parentKey = segment;
  }
  return out;
}

// The longest prefix of a keyed path that one file's data has, as an index path into that file.
function toIndexPath(data: unknown, keyed: Segment[]): PropertyKey[] {
  const out: PropertyKey[] = [];
  let node = data;
  for (const segment of keyed) {
    if (typeof segment === 'object') {
      if (!Array.isArray(node)) break;
      const i = node.findIndex((e) => (e as Raw | null)?.[segment.key] === segment.value);
      if (i < 0) break;
      out.push(i);
      node = node[i];
    } else {
      if (node === null || typeof node !== 'object' || !(segment in node)) break;
      out.push(segment);
      node = (node as Record<PropertyKey, unknown>)[segment];
    }
  }
  return out;
}

function formatKeyed(keyed: Segment[]): string {
  return keyed
    .map((s, i) =>
      typeof s === 'object'
        ? `[${String(s.value)}]`
        : typeof s === 'number'
          ? `[${s}]`
          : i === 0
            ? String(s)
            : `.${String(s)}`,
    )
    .join('');
}

// Finds each problem in the file that holds the most of its path (the variant wins a tie).
function relocate(error: ZodError, raw: Raw, sources: YamlSource[]): Problem[] {
  return issueTargets(error).map((issue) => {
    const keyed = toKeyedPath(raw, issue.path);
    let best = { source: sources[0] as YamlSource, indexPath: [] as PropertyKey[] };
    for (const source of sources) {
      const indexPath = toIndexPath(source.data, keyed);
      if (indexPath.length > best.indexPath.length) best = { source, indexPath };
    }
    const line = best.source.lineOf(best.indexPath);
    return {
      file: best.source.file,
      ...(line ? { line } : {}),
      path: formatKeyed(keyed),
      message: issue.message,
    };
  });
}

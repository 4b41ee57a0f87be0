import { readFileSync } from 'node:fs';
import {
  DataFileError,
  formatPath,
  inferBodyRole,
  type Problem,
  readYamlFile,
  type YamlSource,
  zodErrorZh,
  zodProblems,
} from '../catalog/index.js';
import {
  type BodyInput,
  type SourceInput,
  type Store,
  sha256Hex,
  type UpsertOutcome,
} from '../store/index.js';
import { registryReferenceProblems } from './registry-references.js';
import {
  BODY_KEYS,
  type Registry,
  type RegistryBody,
  RegistrySchema,
  type RegistrySource,
  SOURCE_KEYS,
} from './registry-schema.js';

const DEFAULT_SCHEDULE = '0 6 * * *';
const TOP_KEYS = ['district', 'timezone', 'bodies', 'sources'] as const;

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  retired: number;
}

/** What importing a registry did. */
export interface RegistryImportSummary {
  district: string;
  timezone: string;
  bodies: Counts;
  sources: Counts;
  retiredIds: string[];
  warnings: Problem[];
}

/** Reads and validates a registry file; throws a `DataFileError` naming each bad line and key. */
export function readRegistry(file: string): { registry: Registry; source: YamlSource; warnings: Problem[] } {
  const source = readYamlFile(file);
  const result = RegistrySchema.safeParse(source.data, { error: zodErrorZh });
  const problems = [
    ...(result.success ? [] : zodProblems(result.error, source)),
    ...registryReferenceProblems(source.data).map(({ path, message }) => {
      const line = source.lineOf(path);
      return { ...(line ? { line } : {}), path: formatPath(path), message };
    }),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (!result.success || problems.length > 0) throw new DataFileError(file, problems);
  return { registry: result.data, source, warnings: registryWarnings(result.data, source) };
}

/**
 * Loads bodies and sources into the store in one transaction. Importing the same file again changes
 * nothing; an edited file updates in place; bodies and sources no longer listed are retired, not deleted.
 */
export function importRegistry(store: Store, file: string): RegistryImportSummary {
  const { registry, warnings } = readRegistry(file);
  const bodies = registry.bodies.map(toBodyInput);
  const sources = registry.sources.map(toSourceInput);
  return store.transaction(() => {
    const bodyCounts = count(bodies.map((b) => store.bodies.upsert(b)));
    const sourceCounts = count(sources.map((s) => store.sources.upsert(s)));
    const retiredSources = store.sources.retireExcept(sources.map((s) => s.id));
    const retiredBodies = store.bodies.retireExcept(bodies.map((b) => b.id));
    bodyCounts.retired = retiredBodies.length;
    sourceCounts.retired = retiredSources.length;
    store.meta.setSetting('district', registry.district);
    store.meta.setSetting('timezone', registry.timezone);
    store.meta.recordImport({
      kind: 'registry',
      file,
      sha256: sha256Hex(readFileSync(file)),
      summary: {
        bodiesCreated: bodyCounts.created,
        bodiesUpdated: bodyCounts.updated,
        bodiesRetired: bodyCounts.retired,
        sourcesCreated: sourceCounts.created,
        sourcesUpdated: sourceCounts.updated,
        sourcesRetired: sourceCounts.retired,
      },
    });
    return {
      district: registry.district,
      timezone: registry.timezone,
      bodies: bodyCounts,
      sources: sourceCounts,
      retiredIds: [...retiredBodies, ...retiredSources],
      warnings,
    };
  });
}

function count(outcomes: UpsertOutcome[]): Counts {
  const counts: Counts = { created: 0, updated: 0, unchanged: 0, retired: 0 };
  for (const o of outcomes) counts[o] += 1;
  return counts;
}

function extraKeys(entry: Record<string, unknown>, known: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([k]) => !known.includes(k)));
}

function toBodyInput(body: RegistryBody): BodyInput {
  return {
    id: body.id,
    name: body.name,
    level: body.level,
    parentId: body.parent ?? null,
    role: body.role ?? inferBodyRole(body.name, body.level) ?? null,
    aliases: body.aliases,
    extra: extraKeys(body, BODY_KEYS),
  };
}

/** A start URL's folder: `http://h/fpzl/index.html` → `http://h/fpzl/`. */
function folderOf(url: string): string {
  return new URL('./', url).href;
}

function toSourceInput(source: RegistrySource): SourceInput {
  const start = source.start ?? [];
  const selectors = {
    ...(source.listSelector ? { list: source.listSelector } : {}),
    ...(source.linkSelector ? { link: source.linkSelector } : {}),
    ...(source.nextSelector ? { next: source.nextSelector } : {}),
    ...(source.articlePattern ? { articlePattern: source.articlePattern } : {}),
  };
  return {
    id: source.id,
    bodyId: source.body,
    kind: source.kind,
    channel: source.channel,
    start,
    scope: source.scope ?? [...new Set(start.map(folderOf))],
    render: source.render,
    schedule: source.kind === 'offline' ? null : (source.schedule ?? DEFAULT_SCHEDULE),
    concurrency: source.concurrency,
    delayMs: source.delayMs,
    allowPrivate: source.allowPrivate,
    selectors,
    extra: extraKeys(source, SOURCE_KEYS),
  };
}

function registryWarnings(registry: Registry, source: YamlSource): Problem[] {
  const warnings: Problem[] = [];
  const warn = (path: PropertyKey[], message: string) => {
    const line = source.lineOf(path);
    warnings.push({ ...(line ? { line } : {}), path: formatPath(path), message });
  };
  const checkKeys = (entry: Record<string, unknown>, known: readonly string[], at: PropertyKey[]) => {
    for (const key of Object.keys(entry)) {
      const near = known.find((k) => k !== key && editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
      if (!known.includes(key) && near)
        warn([...at, key], `未知的键“${key}”，是否应为“${near}”？（已作为附加信息保存）`);
    }
  };
  checkKeys(registry, TOP_KEYS, []);
  for (const [i, b] of registry.bodies.entries()) checkKeys(b, BODY_KEYS, ['bodies', i]);
  for (const [i, s] of registry.sources.entries()) checkKeys(s, SOURCE_KEYS, ['sources', i]);
  const owners = new Map<string, string>();
  registry.bodies.forEach((b, i) => {
    for (const name of [b.name, ...b.aliases]) {
      const owner = owners.get(name);
      if (owner && owner !== b.id)
        warn(['bodies', i], `名称或别名“${name}”同时属于“${owner}”和“${b.id}”，按名称认定发布主体时会有歧义`);
      owners.set(name, b.id);
    }
  });
  return warnings;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

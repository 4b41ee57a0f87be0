import type { BodyLevel } from '../catalog/index.js';

const LEVEL_RANK: Record<BodyLevel, number> = { county: 0, department: 1, township: 1, village: 2 };

export interface ReferenceProblem {
  path: PropertyKey[];
  message: string;
}

type Entry = Record<string, unknown>;

const entries = (value: unknown): Entry[] =>
  Array.isArray(value) ? value.map((e) => (e !== null && typeof e === 'object' ? (e as Entry) : {})) : [];

/**
 * Checks how the registry's entries refer to each other (duplicate ids, parents, a source's body) on the
 * raw data, so these problems are reported together with the field errors rather than after them.
 */
export function registryReferenceProblems(data: unknown): ReferenceProblem[] {
  const root = data !== null && typeof data === 'object' ? (data as Entry) : {};
  const problems: ReferenceProblem[] = [];
  const bodies = new Map<string, Entry>();
  entries(root.bodies).forEach((body, i) => {
    const id = String(body.id);
    if (bodies.has(id)) problems.push({ path: ['bodies', i, 'id'], message: `主体 id “${id}”重复` });
    else bodies.set(id, body);
  });
  entries(root.bodies).forEach((body, i) => {
    if (body.parent === undefined) return;
    const parent = bodies.get(String(body.parent));
    if (!parent) {
      problems.push({
        path: ['bodies', i, 'parent'],
        message: `上级主体“${String(body.parent)}”不在 bodies 中`,
      });
      return;
    }
    const [level, parentLevel] = [body.level as BodyLevel, parent.level as BodyLevel];
    if (!(level in LEVEL_RANK) || !(parentLevel in LEVEL_RANK)) return;
    if (LEVEL_RANK[parentLevel] >= LEVEL_RANK[level] || (level === 'village' && parentLevel !== 'township')) {
      problems.push({
        path: ['bodies', i, 'parent'],
        message: `层级不符：${level} 主体的上级不能是 ${parentLevel} 主体“${String(parent.id)}”`,
      });
    }
  });
  const sourceIds = new Set<string>();
  entries(root.sources).forEach((source, i) => {
    const id = String(source.id);
    if (sourceIds.has(id)) problems.push({ path: ['sources', i, 'id'], message: `来源 id “${id}”重复` });
    sourceIds.add(id);
    if (source.body !== undefined && !bodies.has(String(source.body))) {
      problems.push({ path: ['sources', i, 'body'], message: `主体“${String(source.body)}”不在 bodies 中` });
    }
  });
  return problems;
}

/**
 * A small least-recently-used cache. A score run never changes once written, so what is rendered from it can be
 * kept under the run's id and served again until a newer run appears.
 */
export function createCache<V>(capacity: number) {
  const entries = new Map<string, V>();
  return {
    get(key: string, make: () => V): V {
      const hit = entries.get(key);
      if (hit !== undefined) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const value = make();
      entries.set(key, value);
      if (entries.size > capacity) entries.delete(entries.keys().next().value as string);
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}

/** The part of a cache key that says what a viewer may see. */
export const scopeKey = (scope: { all: boolean; bodyIds: ReadonlySet<string> }): string =>
  scope.all ? 'all' : [...scope.bodyIds].sort().join(',');

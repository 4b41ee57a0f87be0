/** A small deterministic random source: the same seed and keys always give the same sequence. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(values: readonly T[]): T;
  /** Picks by weight: `[['on-time', 8], ['late', 2]]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  shuffle<T>(values: readonly T[]): T[];
  /** A child source whose sequence depends only on this seed and the keys, not on how much was drawn. */
  derive(...keys: (string | number)[]): Rng;
  readonly seed: number;
}

// FNV-1a over the text, then a murmur-style finaliser so close keys spread apart.
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of some keys, for stable ids and seeds. */
export function hashKeys(...keys: (string | number)[]): number {
  return hash32(keys.join('\u0001'));
}

/** mulberry32: fast, small state, good enough for generating test data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(values: readonly T[]): T => {
    if (values.length === 0) throw new RangeError('pick from an empty list');
    return values[int(0, values.length - 1)] as T;
  };
  return {
    seed,
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weighted: <T>(entries: readonly (readonly [T, number])[]): T => {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [value, weight] of entries) {
        r -= weight;
        if (r < 0) return value;
      }
      return (entries.at(-1) as readonly [T, number])[0];
    },
    shuffle: <T>(values: readonly T[]): T[] => {
      const out = [...values];
      for (let i = out.length - 1; i > 0; i -= 1) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    },
    derive: (...keys) => createRng(hashKeys(seed, ...keys)),
  };
}

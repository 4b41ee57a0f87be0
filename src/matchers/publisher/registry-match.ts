import type { BodyLevel, BodyRole } from '../../catalog/index.js';
import { diceSimilarity } from '../text/similarity.js';
import { guessBodyLevel } from './body-level.js';

/** A body of the registry as the matchers need it. */
export interface RegistryBody {
  id: string;
  name: string;
  level: BodyLevel;
  aliases: readonly string[];
  /** What a district body does (poverty office, finance, sector), when the registry says. */
  role?: BodyRole;
}

/** A registry body a written name was matched to, and how sure the match is (0..1). */
export interface BodyMatch {
  body: RegistryBody;
  score: number;
  via: 'name' | 'alias' | 'contains' | 'contained' | 'similar';
}

const MIN_CONTAINED_CHARS = 3;
const ACCEPT = 0.75;

const clean = (name: string) => name.replace(/[\s\u3000]+/g, '').replace(/^中共/, '');

function scoreOne(written: string, body: RegistryBody): BodyMatch | undefined {
  const name = clean(body.name);
  if (written === name) return { body, score: 1, via: 'name' };
  const aliases = body.aliases.map(clean);
  if (aliases.includes(written)) return { body, score: 0.98, via: 'alias' };
  let best: BodyMatch | undefined;
  for (const known of [name, ...aliases]) {
    if (known.length < MIN_CONTAINED_CHARS) continue;
    const ratio = Math.min(known.length, written.length) / Math.max(known.length, written.length);
    if (written.includes(known)) {
      const score = 0.8 + 0.15 * ratio;
      if (!best || score > best.score) best = { body, score, via: 'contains' };
    } else if (known.includes(written) && written.length >= MIN_CONTAINED_CHARS) {
      const score = 0.75 + 0.2 * ratio;
      if (!best || score > best.score) best = { body, score, via: 'contained' };
    }
  }
  const similar = Math.max(...[name, ...aliases].map((k) => diceSimilarity(written, k)));
  if (!best || similar > best.score) best = { body, score: similar, via: 'similar' };
  return best;
}

/**
 * The registry body a written publisher name means: by name or alias, by one containing the other, or by
 * bigram similarity; never a body of another level than the name implies. Undefined when nothing fits.
 */
export function matchBody(written: string, bodies: readonly RegistryBody[]): BodyMatch | undefined {
  const name = clean(written);
  if (name.length === 0) return undefined;
  const level = guessBodyLevel(name);
  let best: BodyMatch | undefined;
  for (const body of bodies) {
    const match = scoreOne(name, body);
    if (!match || match.score < ACCEPT) continue;
    if (
      level &&
      level !== body.level &&
      match.score < 0.98 &&
      !(level === 'county' && body.level === 'department')
    )
      continue;
    const longer = match.score === best?.score && match.body.name.length > best.body.name.length;
    if (!best || match.score > best.score || longer) best = match;
  }
  return best;
}

import { type BodyLevel, type BodyRole, inferBodyRole } from '../../catalog/index.js';
import type { Publisher } from './publisher.js';
import type { RegistryBody } from './registry-match.js';

/** The body a post speaks for, as far as the catalog's 公开主体 care: its level and role, and how sure that is. */
export interface PublishingBody {
  level: BodyLevel;
  role?: BodyRole;
  /** True when the page names the body and the name matched the registry; false for a guess. */
  certain: boolean;
}

const roleOf = (name: string, level: BodyLevel, stated?: BodyRole) => stated ?? inferBodyRole(name, level);

function withRole(name: string, level: BodyLevel, certain: boolean, stated?: BodyRole): PublishingBody {
  const role = roleOf(name, level, stated);
  return { level, certain, ...(role === undefined ? {} : { role }) };
}

/**
 * Who speaks for a post: the publisher the page names, matched to the registry (certain); else the level its
 * name implies; else the body whose source carried the post (a portal carries many bodies' posts: a guess).
 */
export function publishingBody(
  publisher: Publisher | null,
  bodies: readonly RegistryBody[],
  sourceBodyId?: string,
): PublishingBody | undefined {
  if (publisher?.body) {
    const known = bodies.find((b) => b.id === publisher.body?.id);
    return withRole(publisher.body.name, publisher.body.level, true, known?.role);
  }
  if (publisher?.level) return withRole(publisher.name, publisher.level, false);
  const source = sourceBodyId === undefined ? undefined : bodies.find((b) => b.id === sourceBodyId);
  return source ? withRole(source.name, source.level, false, source.role) : undefined;
}

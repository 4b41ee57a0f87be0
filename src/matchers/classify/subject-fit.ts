import type { BodyLevel, Subject } from '../../catalog/index.js';
import type { PublishingBody } from '../publisher/publishing-body.js';
import type { Evidence } from './evidence.js';
import { WEIGHTS as W } from './weights.js';

/** A township posts its villages' notices (their lists reposted on its column) as well as its own. */
const levelFits = (levels: readonly BodyLevel[], level: BodyLevel) =>
  levels.includes(level) || (level === 'township' && levels.includes('village'));

/** Whether one of the subjects may name the body; a district body whose role is unknown may be any of them. */
function mayBeSubject(subjects: readonly Subject[], body: PublishingBody): boolean {
  return subjects.some((s) => {
    if (s.levels && !levelFits(s.levels, body.level)) return false;
    if (!s.roles) return true;
    if (body.role) return s.roles.includes(body.role);
    return body.level === 'county' || body.level === 'department';
  });
}

/**
 * Against a disclosure whose 公开主体 cannot include the body that posted it (a village's notice is no sector
 * department's 行业资金 disclosure): a prior, not a veto, and half as strong when the body is a guess.
 */
export function subjectEvidence(subjects: readonly Subject[], body: PublishingBody | undefined): Evidence[] {
  if (!body || subjects.length === 0 || mayBeSubject(subjects, body)) return [];
  const text = body.role ? `${body.level}/${body.role}` : body.level;
  return [{ kind: 'not-subject', text, weight: -W.notSubject * (body.certain ? 1 : 0.5) }];
}

import type { BodyLevel } from '../catalog/index.js';

const DAY_MS = 86_400_000;

/**
 * When a known post is next fetched again to catch removal and edits: daily while a township or village
 * notice is within its first weeks (its ≥10-day posting), weekly for county notices (they must stay online),
 * and monthly once a post is a year old.
 */
export function nextCheckAt(now: Date, firstSeen: string, level: BodyLevel | undefined): string {
  const ageDays = (now.getTime() - Date.parse(firstSeen)) / DAY_MS;
  const local = level === 'township' || level === 'village';
  const days = ageDays > 365 ? 30 : local && ageDays < 20 ? 1 : 7;
  return new Date(now.getTime() + days * DAY_MS).toISOString();
}

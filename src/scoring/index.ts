/** Scoring: obligations from records and standing rules, their status on a day, findings, scorecards. */
export { chinaDate } from './context.js';
export { findingJson } from './finding-json.js';
export { requiredChannels, standingKeys } from './obligations.js';
export { type FindingRule, findingPoints, type Scheme, SchemeSchema } from './scheme.js';
export { overdueList, scoreYear, statusOn } from './score.js';
export {
  type Evidence,
  FINDING_KINDS,
  type Finding,
  type FindingKind,
  type Obligation,
  type ObligationStatus,
  type PrivacyKind,
  type Scorecard,
  type ScoringBody,
  type ScoringClaim,
  type ScoringInput,
  type ScoringOffline,
  type ScoringPost,
  type ScoringRecord,
  type ScoringResult,
  type ScoringRun,
  type ScoringSource,
} from './types.js';

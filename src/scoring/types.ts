import type {
  BodyLevel,
  BodyRole,
  Catalog,
  ChannelName,
  IsoDate,
  ItemId,
  WorkingCalendar,
} from '../catalog/index.js';
import type { Scheme } from './scheme.js';

/** A publishing body as scoring sees it. */
export interface ScoringBody {
  id: string;
  name: string;
  level: BodyLevel;
  parentId: string | null;
  role: BodyRole | null;
  active: boolean;
}

/** Where a body publishes: its channel decides which obligations the source can evidence. */
export interface ScoringSource {
  id: string;
  bodyId: string;
  kind: 'website' | 'feed' | 'offline';
  channel: ChannelName;
  active: boolean;
}

/** One crawl of a source: when, and whether it reached the source. */
export interface ScoringRun {
  sourceId: string;
  startedAt: string;
  ok: boolean;
  /** The stored crawl run, so a finding of absence can point to the visit that showed it. */
  runId?: number;
}

/** An imported record: something formed that a body had to publish. */
export interface ScoringRecord {
  id: number;
  item: ItemId;
  row: string;
  bodyId: string;
  title: string;
  refNo: string | null;
  formed: IsoDate;
  amount: number | null;
}

export type PrivacyKind = 'id_number' | 'bank_card' | 'mobile';

/** A crawled post with what the matchers (or a reviewer) read in it. */
export interface ScoringPost {
  id: number;
  sourceId: string;
  url: string;
  title: string;
  /** When gongkai first saw it (ISO instant). */
  firstSeen: string;
  /** When gongkai first found it gone (404/410), if ever. */
  removedAt: string | null;
  versionId: number;
  fetchId: number;
  sha256: string;
  items: ItemId[];
  publishedAt: IsoDate | null;
  formedAt: IsoDate | null;
  notice: {
    start: IsoDate | null;
    end: IsoDate | null;
    days: number | null;
    unit: 'calendar' | 'workdays';
  } | null;
  publisherBodyId: string | null;
  elements: { present: string[]; missing: string[] };
  /** Unmasked personal numbers in any version of the post; `fixed` when the current version has none. */
  privacy: { kind: PrivacyKind; count: number; fixed: boolean }[];
  /** The document a 解读 explains (its title), when the post is one. */
  interpretationOf: string | null;
  docNo: string | null;
  recordIds: number[];
  reviewed: boolean;
}

/** A posting on a notice board or at a service centre, entered by a person. */
export interface ScoringOffline {
  id: number;
  bodyId: string;
  item: ItemId;
  recordId: number | null;
  channel: ChannelName;
  title: string | null;
  postedFrom: IsoDate;
  postedTo: IsoDate | null;
  statedDays: number | null;
}

/** A body's "we did publish it, here is the link" for one obligation, and what became of it. */
export interface ScoringClaim {
  id: number;
  bodyId: string;
  obligationKey: string;
  url: string;
  status: 'pending' | 'confirmed' | 'rejected';
  /** The day the body says it published. */
  publishedOn: IsoDate | null;
  by: string;
  at: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  /** The page gongkai fetched from the link and keeps, when it could. */
  post: {
    id: number;
    title: string | null;
    publishedAt: IsoDate | null;
    firstSeen: string;
    versionId: number | null;
    fetchId: number | null;
    sha256: string | null;
  } | null;
}

/** Everything `scoreYear` needs; it reads nothing else (no clock, no store). */
export interface ScoringInput {
  catalog: Catalog;
  calendar: WorkingCalendar;
  scheme: Scheme;
  year: number;
  today: IsoDate;
  bodies: readonly ScoringBody[];
  sources: readonly ScoringSource[];
  runs: readonly ScoringRun[];
  records: readonly ScoringRecord[];
  posts: readonly ScoringPost[];
  offline: readonly ScoringOffline[];
  /** Claims of the bodies scored; a confirmed one is evidence, a pending one is shown beside its obligation. */
  claims?: readonly ScoringClaim[];
}

export type ObligationStatus = 'pending' | 'on_time' | 'late' | 'missing' | 'unverifiable' | 'exempt';

/** What shows an obligation was met: a crawled post version, or an entered offline posting. */
export interface Evidence {
  kind: 'post' | 'offline' | 'claim' | 'crawl';
  id: number;
  title: string;
  /** The date publication is judged on (the stated date, or the day first seen when that is not credible). */
  published: IsoDate;
  statedPublished: IsoDate | null;
  url?: string;
  /** For a crawl: the source visited (the evidence of an absence is the visit that did not find it). */
  sourceId?: string;
  versionId?: number;
  fetchId?: number;
  sha256?: string;
  firstSeen?: IsoDate;
}

/** A record (or standing rule) × body × required channel, with its due date and what became of it. */
export interface Obligation {
  key: string;
  bodyId: string;
  item: ItemId;
  row: string;
  channel: ChannelName;
  origin: 'record' | 'standing';
  record: { id: number; title: string; refNo: string | null } | null;
  formed: IsoDate | null;
  due: IsoDate;
  rule: string;
  ruleText: string;
  status: ObligationStatus;
  published: IsoDate | null;
  workdaysLate: number | null;
  workdaysLeft: number | null;
  evidence: Evidence[];
  /** Other channels the same record (or rule) was published on, when not on this one. */
  elsewhere: ChannelName[];
  /** For a missing obligation: the latest successful crawl of a source that should carry it. */
  checked: { sourceId: string; day: IsoDate; runId: number | null } | null;
  /** Claims filed against this obligation, with their decisions. */
  claims: {
    id: number;
    status: ScoringClaim['status'];
    url: string;
    by: string;
    at: string;
    reviewedBy: string | null;
  }[];
  detail: string;
}

/** Kinds of findings; DESIGN.md keeps the first eleven names. */
export const FINDING_KINDS = [
  'late',
  'missing',
  'element_missing',
  'notice_short',
  'removed_early',
  'not_kept_online',
  'personal_data',
  'no_interpretation',
  'channel_missing',
  'backdated',
  'unverifiable',
  'undated',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** One scored fact with its rule, dates and evidence. */
export interface Finding {
  kind: FindingKind;
  bodyId: string;
  item: ItemId | null;
  /** The record's title or 文号, where there is one. */
  record: string | null;
  due: IsoDate | null;
  published: IsoDate | null;
  workdaysLate: number | null;
  /** The notice length, for notice_short and removed_early. */
  days: number | null;
  url: string | null;
  detail: string;
  rule: string;
  obligationKey: string | null;
  evidence: Evidence | null;
  severity: 'info' | 'minor' | 'major' | 'critical';
  points: number;
  veto: boolean;
}

/** A body's card for the year: rates, points under the scheme, findings. */
export interface Scorecard {
  body: { id: string; name: string; level: BodyLevel };
  scope: 'own' | 'with_villages';
  timeliness: number | null;
  completeness: number | null;
  elementCompleteness: number | null;
  points: number;
  grade: '优秀' | '合格' | '不合格';
  vetoed: boolean;
  indicators: { id: string; name: string; max: number; deducted: number }[];
  counts: Record<ObligationStatus, number>;
  findings: Finding[];
}

export interface ScoringResult {
  obligations: Obligation[];
  findings: Finding[];
  scorecards: Scorecard[];
}

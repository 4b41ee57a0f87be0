import type { Finding, Obligation, Scheme, Scorecard } from '../scoring/index.js';

/** The catalog as a report states it: items with their time rules (`summarizeCatalog` of src/catalog fits). */
export interface ReportCatalog {
  id: string;
  name: string;
  version: string;
  /** The catalog files' hash, when the caller loaded them (else the stored catalog's is used). */
  sha256?: string | undefined;
  items: readonly {
    id: string;
    no: number;
    category: string;
    name: string;
    rule: string;
    ruleText: string;
    rows: readonly { id: string; content?: string; rule: string; ruleText: string }[];
  }[];
}

/** What a report is asked for: the year, the whole district or one body with its villages, and the rules. */
export interface ReportRequest {
  year: number;
  bodyId?: string | undefined;
  catalog: ReportCatalog;
  scheme: Scheme;
}

export type ReportCard = Omit<Scorecard, 'findings'>;

/** A finding as the report lists it: with names, the scheme's label, and what people decided about it. */
export interface ReportFinding extends Finding {
  /** Its number in the report (扣分明细 序号), in body order. */
  no: number;
  bodyName: string;
  itemName: string;
  label: string;
  /** Reviewer decisions on the evidence post, made before the score run. */
  reviews: string[];
  /** Claims filed against the obligation, with their decisions, as scored. */
  claims: string[];
}

/** One body's part of the report: its card, rank within the report's scope, and findings. */
export interface ReportBody {
  card: ReportCard;
  rank: number;
  parentId: string | null;
  findings: ReportFinding[];
}

/** An obligation still not published on the run's day, past its due date. */
export interface OverdueObligation
  extends Pick<
    Obligation,
    'key' | 'bodyId' | 'item' | 'channel' | 'due' | 'workdaysLate' | 'rule' | 'ruleText' | 'checked'
  > {
  bodyName: string;
  itemName: string;
  record: string | null;
  elsewhere: string[];
  claims: string[];
}

export interface KindTotal {
  kind: string;
  label: string;
  severity: string;
  count: number;
  points: number;
}

export interface ItemStatus {
  item: string;
  itemName: string;
  counts: Record<Obligation['status'], number>;
}

/** Figures of the report's scope as a whole. */
export interface ReportTotals {
  bodies: number;
  meanPoints: number | null;
  due: number;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
  unverifiable: number;
  timeliness: number | null;
  completeness: number | null;
  findings: number;
  deductions: number;
  pointsDeducted: number;
  vetoed: number;
  grades: Record<Scorecard['grade'], number>;
}

/** Everything the xlsx, csv and pdf formats show, read from one finished score run and nothing else. */
export interface AnnualReport {
  title: string;
  district: string;
  year: number;
  scope:
    | { kind: 'district'; name: string }
    | { kind: 'body'; id: string; name: string; level: string; members: number; card: ReportCard | null };
  run: { id: number; today: string; computedAt: string; inputsSha256: string; calendar: string };
  catalog: Omit<ReportCatalog, 'sha256'> & { sha256: string | null };
  scheme: Scheme & { sha256: string };
  /** In scoring order (a township followed by its villages). */
  bodies: ReportBody[];
  /** Best first. */
  ranking: ReportBody[];
  findings: ReportFinding[];
  overdue: OverdueObligation[];
  kinds: KindTotal[];
  items: ItemStatus[];
  totals: ReportTotals;
}

/** Why a report cannot be made: expected outcomes, each with its Chinese message. */
export type ReportProblem =
  | { kind: 'no_run'; message: string }
  | { kind: 'unknown_body'; message: string }
  | { kind: 'rules_mismatch'; message: string };

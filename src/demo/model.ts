import type { BodyLevel, BodyRole, ChannelName, IsoDate, ItemId } from '../catalog/index.js';

/** How a body tends to publish; drawn per event, so scorecards differ from body to body. */
export interface PublishingProfile {
  /** Weights of on time, late, never. */
  onTime: number;
  late: number;
  never: number;
  lateWorkdays: readonly [number, number];
  /** Chance that a post leaves out one or two required elements. */
  omitElements: number;
  /** Chance that a township or village notice states a period under 10 days. */
  shortNotice: number;
  /** Chance that a list of people shows full ID or bank-card numbers. */
  exposePersonalData: number;
  /** Chance that a village notice comes down from the township site before its period ends. */
  removeEarly: number;
  /** Chance that a county notice is removed some weeks later (it must stay online). */
  removeLater: number;
  /** Chance that a post is edited after it appeared. */
  edit: number;
  /** Chance that a post states a publication date days before it really appeared. */
  backdate: number;
  /** Chance that a policy document goes out without its 解读. */
  skipInterpretation: number;
  /** Chance that a notice required on the 村公示栏 is only put on the website. */
  skipBoard: number;
}

export type SiteKind = 'trs' | 'hanweb' | 'gkmlpt' | 'plain' | 'boda' | 'rss' | 'atom';

/** A column of a site: where a body's posts of some kinds land. */
export interface DemoColumn {
  id: string;
  siteId: string;
  name: string;
  /** Numeric id the CMS uses in URLs (Hanweb col12, gkmlpt column, plain ClassID). */
  code: number;
  /** Path of the column folder or list, e.g. `/fpzl/zcwj/`. */
  path: string;
}

export interface DemoSite {
  id: string;
  kind: SiteKind;
  name: string;
  /** Path prefix on the demo server: `/fpzl/`, `/chengcun/`, `/feeds/shiqiao.xml`. */
  prefix: string;
  charset: 'utf-8' | 'gbk';
  columns: DemoColumn[];
}

export interface DemoBody {
  id: string;
  name: string;
  shortName: string;
  level: BodyLevel;
  role?: BodyRole;
  parentId?: string;
  aliases: string[];
  /** The site this body publishes on, if any (villages post through their township's site). */
  siteId?: string;
  /** A WeChat-like feed this body also publishes on. */
  feedSiteId?: string;
  profile: PublishingProfile;
}

export interface Household {
  name: string;
  idNumber: string;
  members: number;
  village: string;
  reason: string;
  phone: string;
  bankCard: string;
  income: number;
}

export interface Project {
  id: string;
  name: string;
  category: '产业发展' | '基础设施' | '公共服务' | '就业扶贫' | '危房改造';
  nature: '新建' | '续建' | '改建';
  village: string;
  township: string;
  ownerBodyId: string;
  amount: number;
  fundSource: string;
  task: string;
  subsidyStandard: string;
  startMonth: number;
  months: number;
  unit: string;
  manager: string;
  beneficiaries: number;
  poorBeneficiaries: number;
  target: string;
  mechanism: string;
}

/** Something formed under a catalog item that some body must publish. */
export interface DemoEvent {
  id: string;
  item: ItemId;
  row: string;
  bodyId: string;
  /** When the clock starts: the formation, issue (下达) or, for annual rules, a date in the year. */
  formed: IsoDate;
  title: string;
  refNo?: string;
  amount?: number;
  /** Listed in the records file a district imports (standing rules and most policy reposts are not). */
  record: boolean;
  note?: string;
  payload: EventPayload;
}

export type EventPayload =
  | {
      kind: 'policy';
      docTitle: string;
      issuer: string;
      docNo?: string;
      level: 'central' | 'province' | 'city' | 'district' | 'township';
      topic: string;
      needsInterpretation: boolean;
    }
  | {
      kind: 'households';
      village: string;
      households: Household[];
      batch: string;
      phase: 'identification' | 'exit';
    }
  | {
      kind: 'allocation';
      fundName: string;
      source: string;
      total: number;
      lines: { unit: string; project: string; amount: number; purpose: string }[];
      principle: string;
      phone: string;
    }
  | {
      kind: 'loans';
      year: number;
      scope: string;
      borrowers: {
        household: Household;
        amount: number;
        months: number;
        rate: string;
        purpose: string;
        bank: string;
      }[];
      enterprises: { name: string; amount: number; months: number; subsidy: number; mechanism: string }[];
    }
  | { kind: 'projects'; scope: string; projects: Project[]; phase?: 'before' | 'after'; approvedBy?: string }
  | { kind: 'hotline'; unit: string; phone: string; address: string }
  | { kind: 'complaints'; cases: { received: IsoDate; summary: string; result: string }[] };

export type Outcome =
  | { status: 'on_time' }
  | { status: 'late'; workdaysLate: number }
  | { status: 'missing' };

/** An attachment a post links to; its file is rendered on request. */
export interface AttachmentSpec {
  name: string;
  format: 'xlsx' | 'docx' | 'pdf';
}

/** The truth about one published post, as truth.json states it. */
export interface DemoPost {
  id: string;
  seq: number;
  siteId: string;
  columnId: string;
  url: string;
  bodyId: string;
  eventId?: string;
  kind: 'disclosure' | 'interpretation' | 'distractor' | 'filler';
  items: ItemId[];
  title: string;
  /** The publication date the page states. */
  publishedAt: IsoDate | null;
  /** The day the post really went online (differs when back-dated). */
  appearsAt: IsoDate;
  removedAt: IsoDate | null;
  formedAt: IsoDate | null;
  notice: { start: IsoDate; end: IsoDate; days: number } | null;
  elements: { present: string[]; missing: string[] };
  privacy: { kind: 'id_number' | 'bank_card' | 'mobile'; count: number }[];
  /** Edits after publication; `title` is set when the edit changed the title. */
  edits: { at: IsoDate; change: string; title?: string }[];
  attachments: AttachmentSpec[];
  channel: ChannelName;
  flags: string[];
}

/** A notice put up on a physical board (村公示栏) or at a service centre: evidence entered by people. */
export interface BoardPosting {
  id: string;
  bodyId: string;
  eventId: string;
  item: ItemId;
  channel: ChannelName;
  title: string;
  postedFrom: IsoDate;
  postedTo: IsoDate;
  statedDays: number;
}

import type { BodyLevel } from '../catalog/index.js';
import type { CrawlRun, FrontierItem, Source, Store } from '../store/index.js';
import type { Fetcher } from './fetcher.js';
import type { CrawlLog } from './log.js';
import type { HostLimits, PoliteScheduler } from './politeness.js';
import type { RetryOptions } from './retry.js';
import type { Robots } from './robots.js';

/** What a rendering backend gives back for one page; the Chromium renderer fits it. */
export interface RenderedPage {
  finalUrl: string;
  status: number;
  html: string;
  screenshotPng?: Uint8Array;
  timing: { startedAt: string; durationMs: number };
}

/** Renders a page in a browser for sources whose lists are built by script. */
export interface PageRenderer {
  render(
    url: string,
    options: { scope?: readonly string[]; allowPrivate?: boolean; screenshot?: boolean },
  ): Promise<RenderedPage>;
}

/** Text read from an attachment, or why not. */
export type AttachmentReading =
  | { kind: 'text'; format: string; text: string }
  | { kind: 'unsupported'; format: string; reason: string }
  | { kind: 'failed'; format: string; reason: string };

/** The crawler's effects, built once by the shell (cli) and passed in; tests pass their own. */
export interface CrawlEffects {
  store: Store;
  fetcher: Fetcher;
  robots: Robots;
  scheduler: PoliteScheduler;
  retry: Omit<RetryOptions, 'log'>;
  renderer?: PageRenderer;
  readAttachment: (bytes: Uint8Array, fileName: string, contentType?: string) => Promise<AttachmentReading>;
  clock: () => Date;
  log: CrawlLog;
}

/** How far one pass may go. */
export interface CrawlOptions {
  trigger?: CrawlRun['trigger'];
  scheduledFor?: string;
  /** Pages of one list followed at most (a pagination trap stops earlier). */
  maxListPages?: number;
  /** How many links deep from a start page hub pages are followed. */
  maxHubDepth?: number;
  /** Re-check known posts whose check is due (removal and edits). */
  recheck?: boolean;
  attachments?: boolean;
  onProgress?: (progress: CrawlProgress) => void;
  /**
   * Visit only these article pages (one a body says it published): no start pages, lists or re-checks. The run's
   * scope is `urls`, so it never counts as the source having been reached.
   */
  urls?: readonly string[];
  /** Stops taking new work; what is in flight finishes and the run is left resumable. */
  signal?: AbortSignal;
}

export interface CrawlProgress {
  sourceId: string;
  done: number;
  queued: number;
  newPosts: number;
  failed: number;
}

/** The counters a run keeps and reports. */
export interface CrawlStats {
  fetched: number;
  notModified: number;
  failed: number;
  newPosts: number;
  newVersions: number;
  removed: number;
  attachments: number;
  pages: number;
  [key: string]: number;
}

/** Everything a visit needs about the run in progress. */
export interface CrawlContext {
  effects: CrawlEffects;
  source: Source;
  /** The level of the source's body, which sets how often its posts are re-checked. */
  bodyLevel: BodyLevel | undefined;
  run: CrawlRun;
  options: Required<Pick<CrawlOptions, 'maxListPages' | 'maxHubDepth' | 'recheck' | 'attachments'>>;
  stats: CrawlStats;
  errors: Record<string, number>;
  known: Set<string>;
  /** Link sets of list pages seen this run, to cut off a pagination trap. */
  listSignatures: Set<string>;
  limits(url: string): Promise<HostLimits>;
  enqueue(items: Pick<FrontierItem, 'url' | 'kind' | 'depth' | 'data'>[]): void;
  now(): string;
}

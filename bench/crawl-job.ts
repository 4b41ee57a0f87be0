/** What both benchmark crawlers are asked to do: the same start pages and scope, the same concurrency. */
export interface CrawlJob {
  sourceId: string;
  start: string[];
  scope: string[];
  concurrency: number;
  attachments: boolean;
  /** Where the demo server wrote registry.yaml. */
  demoDir: string;
  /** A directory per crawler: gongkai's SQLite store, or Crawlee's storage. */
  storeDir: string;
  /** Crawlee only: its default configuration (request queue persisted to disk) or in memory. */
  persistStorage?: boolean;
}

/** What a crawler child reports on its last stdout line, after `result `. */
export interface CrawlResult {
  /** Wall time of the crawl itself, after the modules are loaded. */
  seconds: number;
  /** User + system CPU time of the crawl. */
  cpuSeconds: number;
  /** Peak RSS of the whole process (`process.resourceUsage().maxRSS`). */
  maxRssMb: number;
  /** RSS once the modules are loaded, before the crawl starts. */
  rssAtStartMb: number;
  /** Articles the crawler read. */
  articles: number;
  /** Requests by kind (gongkai: ledger purpose and outcome; Crawlee: request label). */
  requests: Record<string, number>;
  /** gongkai: URLs fetched more than once in the run. */
  urlsFetchedTwice?: number;
  notes: string[];
}

import { setTimeout as sleep } from 'node:timers/promises';
import {
  type CrawlEffects,
  type CrawlLog,
  createFetcher,
  createPoliteScheduler,
  createRobots,
  extractAttachmentText,
  type PageRenderer,
} from '../crawlers/index.js';
import type { Store } from '../store/index.js';

/** The crawler's identity on the sites it visits. */
// ASCII only: header values must be byte strings.
export const USER_AGENT = 'Mozilla/5.0 (compatible; gongkai/0.1; government disclosure monitor)';

// Chromium is loaded and launched only when a page first needs it.
function lazyRenderer(options: {
  log: CrawlLog;
  chromiumPath?: string;
}): PageRenderer & { close(): Promise<void> } {
  type Real = Awaited<ReturnType<typeof load>>;
  const load = async () => {
    const { createRenderer } = await import('../crawlers/render/index.js');
    return createRenderer({
      ...(options.chromiumPath ? { executablePath: options.chromiumPath } : {}),
      log: options.log,
    });
  };
  let real: Promise<Real> | undefined;
  return {
    render: async (url, renderOptions) => {
      real ??= load();
      return (await real).render(url, renderOptions);
    },
    close: async () => {
      if (real) await (await real).close();
    },
  };
}

export interface CrawlSetup {
  effects: CrawlEffects;
  close(): Promise<void>;
}

/** Builds the real fetcher, robots cache, politeness, retries and (when a source needs it) Chromium. */
export function createCrawlEffects(
  store: Store,
  options: {
    log: CrawlLog;
    chromiumPath?: string;
    needsBrowser: boolean;
    clock?: () => Date;
    /** The crawler's identity (default USER_AGENT); a district may name itself in its config. */
    userAgent?: string;
  },
): CrawlSetup {
  const clock = options.clock ?? (() => new Date());
  const userAgent = options.userAgent ?? USER_AGENT;
  const fetcher = createFetcher({
    userAgent,
    connectTimeoutMs: 10_000,
    timeoutMs: 30_000,
    maxBytes: 20 * 1024 * 1024,
    maxRedirects: 5,
    log: options.log,
    clock,
  });
  const robots = createRobots({ fetcher, userAgent, clock, log: options.log });
  const renderer = options.needsBrowser ? lazyRenderer(options) : undefined;
  const effects: CrawlEffects = {
    store,
    fetcher,
    robots,
    scheduler: createPoliteScheduler({ clock, sleep: (ms) => sleep(ms) }),
    retry: {
      maxAttempts: 3,
      baseDelayMs: 1000,
      maxDelayMs: 30_000,
      sleep: (ms) => sleep(ms),
      random: Math.random,
    },
    ...(renderer ? { renderer } : {}),
    readAttachment: async (bytes, fileName, contentType) => {
      const result = await extractAttachmentText(bytes, {
        fileName,
        ...(contentType ? { contentType } : {}),
      });
      return result.kind === 'text' ? { kind: 'text', format: result.format, text: result.text } : result;
    },
    clock,
    log: options.log,
  };
  return {
    effects,
    close: async () => {
      await renderer?.close();
      await fetcher.close();
    },
  };
}

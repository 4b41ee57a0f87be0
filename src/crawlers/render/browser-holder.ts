import type { Browser } from 'playwright-core';
import type { CrawlLog } from '../log.js';
import type { LaunchBrowser } from './chromium.js';

/** A launched browser, and a signal that fires when it goes away (crash, kill, close). */
export interface LiveBrowser {
  browser: Browser;
  disconnected: AbortSignal;
  launchMs: number;
}

/** The one shared browser: launched on first use, launched again on the next use after it died. */
export interface BrowserHolder {
  /** The live browser; `launchedNow` is true for the caller whose call started the launch. */
  acquire(): Promise<LiveBrowser & { launchedNow: boolean }>;
  /** How many browsers were launched so far. */
  readonly launches: number;
  close(): Promise<void>;
}

/** Holds one browser at a time; concurrent first users share one launch, and a failed launch is not kept. */
export function createBrowserHolder(options: {
  executablePath: string;
  launch: LaunchBrowser;
  log: CrawlLog;
}): BrowserHolder {
  const { executablePath, log } = options;
  let current: Promise<LiveBrowser> | undefined;
  let launches = 0;
  let closing = false;

  const start = async (forget: () => void): Promise<LiveBrowser> => {
    const startedAt = performance.now();
    const browser = await options.launch(executablePath);
    launches += 1;
    const launchMs = Math.round(performance.now() - startedAt);
    const lost = new AbortController();
    browser.on('disconnected', () => {
      if (closing) log.debug({ executablePath }, 'Chromium closed');
      else log.warn({ executablePath }, 'Chromium disconnected');
      lost.abort();
      forget();
    });
    log.debug({ executablePath, launchMs }, 'Chromium launched');
    return { browser, disconnected: lost.signal, launchMs };
  };

  return {
    acquire: async () => {
      const launchedNow = current === undefined;
      if (!current) {
        const launching: Promise<LiveBrowser> = start(() => {
          if (current === launching) current = undefined;
        });
        current = launching;
        // The caller sees the failure; the holder only forgets it so the next render launches again.
        launching.catch(() => {
          if (current === launching) current = undefined;
        });
      }
      return { ...(await current), launchedNow };
    },
    get launches() {
      return launches;
    },
    close: async () => {
      closing = true;
      const last = current;
      current = undefined;
      // A launch that failed left nothing to close.
      const held = await last?.catch(() => undefined);
      await held?.browser.close();
    },
  };
}

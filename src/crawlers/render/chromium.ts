import { accessSync, constants } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium; playwright-core drives it since its own browsers cannot be downloaded here. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Launches a browser from an executable; injectable so tests can keep a handle on what was launched. */
export type LaunchBrowser = (executablePath: string) => Promise<Browser>;

// Headless without a sandbox (containers), no GPU, no QUIC, nothing phoning home; WebRTC may not reveal or
// reach local addresses. No --user-data-dir: launch() makes a fresh profile and throws if given one.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--dns-prefetch-disable',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
];

/** The executable is missing or not runnable; the message says how to install it. */
export class ChromiumMissingError extends Error {
  override readonly name = 'ChromiumMissingError';

  constructor(
    readonly executablePath: string,
    options?: { cause?: unknown },
  ) {
    super(
      `找不到可运行的 Chromium：${executablePath}。请安装 Debian 软件包 chromium（apt-get install -y chromium fonts-noto-cjk），` +
        '或用环境变量 CHROMIUM_PATH 指向浏览器程序',
      options,
    );
  }
}

/** Launches the system Chromium headless with the flags this machine's closed network needs. */
export const launchChromium: LaunchBrowser = async (executablePath) => {
  try {
    accessSync(executablePath, constants.X_OK);
  } catch (error) {
    throw new ChromiumMissingError(executablePath, { cause: error });
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
};

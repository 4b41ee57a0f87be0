import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { createApp } from '../../src/server/index.js';

/** Debian's Chromium, driven by playwright-core (browsers cannot be downloaded here). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium with the flags this machine's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Where tests keep screenshots and other files a person should look at. */
export function artifactPath(name: string): string {
  const dir = path.resolve(import.meta.dirname, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/** Serves the app on a free loopback port. */
export async function serveApp(
  app: ReturnType<typeof createApp>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A full-page screenshot kept in test-artifacts/screenshots for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = artifactPath(path.join('screenshots', `${name}.png`));
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Logs in through the form, as a person does. */
export async function loginInBrowser(page: Page, url: string, name: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(name);
  await page.getByLabel('密码').fill(password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/login')),
    page.getByRole('button', { name: '登录' }).click(),
  ]);
}

import { describe, expect, it } from 'vitest';
import { createRobots, PermanentFetchError, type RobotsOptions } from '../../src/crawlers/index.js';
import { answers, type FaultHandler, redirectsTo, serves, useFaultServer } from '../helpers/fault-server.js';
import { aFetcher, aManualClock, rejectionOf, TEST_USER_AGENT } from './builders.js';

const ROBOTS = ['User-agent: *', 'Disallow: /private/', 'Crawl-delay: 5', ''].join('\n');
const server = useFaultServer({
  '/open/page.html': serves('<p>公开</p>'),
  '/open/to-private': redirectsTo('/private/page.html'),
  '/private/page.html': serves('<p>不公开</p>'),
});
const fetcher = aFetcher();
const local = { allowPrivate: true };

function aRobots(robotsTxt: FaultHandler, overrides: Partial<RobotsOptions> = {}) {
  server().route('/robots.txt', robotsTxt);
  return createRobots({ fetcher, userAgent: TEST_USER_AGENT, clock: aManualClock(), ...overrides });
}

describe('createRobots', () => {
  it('returns false for a path robots.txt disallows and true for the rest', async () => {
    const robots = aRobots(serves(ROBOTS, { 'content-type': 'text/plain' }));
    expect(await robots.isAllowed(server().url('/private/page.html'), local)).toBe(false);
    expect(await robots.isAllowed(server().url('/open/page.html'), local)).toBe(true);
  });

  it('applies the group naming our user agent over the catch-all', async () => {
    const robots = aRobots(serves('User-agent: gongkai-test\nDisallow: /\n\nUser-agent: *\nAllow: /\n'));
    expect(await robots.isAllowed(server().url('/open/page.html'), local)).toBe(false);
  });

  it('returns the Crawl-delay in milliseconds, or undefined when there is none', async () => {
    expect(await aRobots(serves(ROBOTS)).crawlDelayMs(server().origin, local)).toBe(5000);
    expect(
      await aRobots(serves('User-agent: *\nDisallow:\n')).crawlDelayMs(server().origin, local),
    ).toBeUndefined();
  });

  it('fetches robots.txt once per origin while it is fresh, even for concurrent questions', async () => {
    const robots = aRobots(serves(ROBOTS));
    const before = server().hits('/robots.txt');
    await Promise.all([
      robots.isAllowed(server().url('/open/page.html'), local),
      robots.isAllowed(server().url('/private/page.html'), local),
      robots.crawlDelayMs(server().origin, local),
    ]);
    await robots.isAllowed(server().url('/open/page.html'), local);
    expect(server().hits('/robots.txt') - before).toBe(1);
  });

  it('fetches robots.txt again once the TTL has passed', async () => {
    const clock = aManualClock();
    const robots = aRobots(serves(ROBOTS), { clock, ttlMs: 60_000 });
    const before = server().hits('/robots.txt');
    await robots.isAllowed(server().url('/open/page.html'), local);
    clock.advance(59_000);
    await robots.isAllowed(server().url('/open/page.html'), local);
    expect(server().hits('/robots.txt') - before).toBe(1);
    clock.advance(2000);
    await robots.isAllowed(server().url('/open/page.html'), local);
    expect(server().hits('/robots.txt') - before).toBe(2);
  });

  it('allows everything when robots.txt is missing (404) or forbidden (403)', async () => {
    for (const status of [404, 403]) {
      const robots = aRobots(answers(status));
      expect(await robots.verdict(server().url('/private/page.html'), local)).toEqual({ kind: 'allowed' });
    }
  });

  it('disallows everything while robots.txt answers 5xx, and asks again after a short while', async () => {
    const clock = aManualClock();
    const robots = aRobots(answers(503), { clock, unavailableTtlMs: 60_000 });
    const verdict = await robots.verdict(server().url('/open/page.html'), local);
    expect(verdict).toMatchObject({ kind: 'unavailable' });
    expect(await robots.isAllowed(server().url('/open/page.html'), local)).toBe(false);
    server().route('/robots.txt', serves(ROBOTS));
    clock.advance(61_000);
    expect(await robots.isAllowed(server().url('/open/page.html'), local)).toBe(true);
  });

  it('disallows everything when the host cannot be reached', async () => {
    const robots = createRobots({ fetcher, userAgent: TEST_USER_AGENT, clock: aManualClock() });
    const verdict = await robots.verdict('http://127.0.0.1:1/page.html', local);
    expect(verdict).toMatchObject({ kind: 'unavailable', detail: expect.stringContaining('网络出错') });
  });

  describe('as the fetcher’s gate', () => {
    it('refuses a disallowed page without requesting it', async () => {
      const robots = aRobots(serves(ROBOTS));
      const before = server().hits('/private/page.html');
      const error = await rejectionOf(
        fetcher.fetch(server().url('/private/page.html'), { ...local, robots }),
      );
      expect(error).toBeInstanceOf(PermanentFetchError);
      expect(error).toMatchObject({ reason: 'robots_disallowed' });
      expect(server().hits('/private/page.html')).toBe(before);
    });

    it('checks every redirect hop', async () => {
      const robots = aRobots(serves(ROBOTS));
      const before = server().hits('/private/page.html');
      const error = await rejectionOf(fetcher.fetch(server().url('/open/to-private'), { ...local, robots }));
      expect(error).toMatchObject({ reason: 'robots_disallowed', url: server().url('/private/page.html') });
      expect(server().hits('/private/page.html')).toBe(before);
    });
  });
});

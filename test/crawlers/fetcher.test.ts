import { describe, expect, it, vi } from 'vitest';
import {
  PermanentFetchError,
  RetryableFetchError,
  type RobotsGate,
  type RobotsVerdict,
} from '../../src/crawlers/index.js';
import {
  answers,
  conditional,
  failsThenServes,
  hangsMidBody,
  neverAnswers,
  redirectChain,
  redirectsTo,
  serves,
  streamsBytes,
  useFaultServer,
} from '../helpers/fault-server.js';
import { aFetcher, aResolver, rejectionOf } from './builders.js';

const MB = 1024 * 1024;
const PAGE =
  '<html><head><title>关于2020年财政专项扶贫资金分配结果的公告</title></head><body>正文</body></html>';
const LAST_MODIFIED = 'Tue, 12 May 2020 01:00:00 GMT';
const huge = streamsBytes(30 * MB);

const server = useFaultServer({
  '/page': serves(PAGE, { etag: '"v1"', 'last-modified': LAST_MODIFIED }),
  '/empty': answers(204),
  '/conditional': conditional({ body: PAGE, etag: '"v2"', lastModified: LAST_MODIFIED }),
  '/never': neverAnswers(),
  '/hangs': hangsMidBody(),
  '/huge': huge,
  '/declared-huge': serves('x'.repeat(2 * MB), { 'content-length': String(2 * MB) }),
  '/unavailable': answers(503),
  '/throttled': answers(429, { 'retry-after': '2' }),
  '/request-timeout': answers(408),
  '/gone': answers(404),
  '/forbidden': answers(403),
  ...redirectChain('five', 5, '/page'),
  ...redirectChain('six', 6, '/page'),
  '/loop-a': redirectsTo('/loop-b', 301),
  '/loop-b': redirectsTo('/loop-a#again', 302),
  '/no-location': answers(302),
  '/to-file': redirectsTo('file:///etc/passwd'),
  '/fpzl/leaves': redirectsTo('/other/page.html'),
  '/other/page.html': serves(PAGE),
  '/flaky': failsThenServes(2, 503, PAGE),
});

const local = { allowPrivate: true };

describe('createFetcher', () => {
  const fetcher = aFetcher();

  it('returns the raw bytes, final URL, headers, timing and no redirects of a 200', async () => {
    const result = await fetcher.fetch(server().url('/page'), local);
    expect(result).toMatchObject({
      kind: 'fetched',
      url: server().url('/page'),
      finalUrl: server().url('/page'),
      status: 200,
      headers: {
        contentType: 'text/html; charset=utf-8',
        etag: '"v1"',
        lastModified: LAST_MODIFIED,
        retryAfter: null,
      },
      redirects: [],
      timing: { startedAt: '2020-06-30T02:00:00.000Z', durationMs: 0 },
    });
    expect(result.kind === 'fetched' && new TextDecoder().decode(result.body)).toBe(PAGE);
  });

  it('sends its User-Agent and no validators when none are given', async () => {
    await fetcher.fetch(server().url('/page'), local);
    const headers = server().requests.findLast((r) => r.path === '/page')?.headers;
    expect(headers?.['user-agent']).toBe('gongkai-test/0.1 (+https://example.org/gongkai)');
    expect(headers).not.toHaveProperty('if-none-match');
    expect(headers).not.toHaveProperty('if-modified-since');
  });

  it('returns an empty body for a 204', async () => {
    const result = await fetcher.fetch(server().url('/empty'), local);
    expect(result.kind === 'fetched' && result.body.byteLength).toBe(0);
  });

  describe('conditional requests', () => {
    it('returns not-modified when the ETag matches', async () => {
      const result = await fetcher.fetch(server().url('/conditional'), {
        ...local,
        validators: { etag: '"v2"' },
      });
      expect(result).toMatchObject({ kind: 'not-modified', status: 304, headers: { etag: '"v2"' } });
      expect(server().requests.at(-1)?.headers['if-none-match']).toBe('"v2"');
    });

    it('returns not-modified when If-Modified-Since is not older than the page', async () => {
      const validators = { etag: null, lastModified: LAST_MODIFIED };
      const result = await fetcher.fetch(server().url('/conditional'), { ...local, validators });
      expect(result.kind).toBe('not-modified');
      expect(server().requests.at(-1)?.headers['if-modified-since']).toBe(LAST_MODIFIED);
    });

    it('returns the page again when the ETag has changed', async () => {
      const result = await fetcher.fetch(server().url('/conditional'), {
        ...local,
        validators: { etag: '"v1"' },
      });
      expect(result).toMatchObject({ kind: 'fetched', status: 200, headers: { etag: '"v2"' } });
    });
  });

  describe('redirects', () => {
    it('follows five redirects and returns the chain', async () => {
      const result = await fetcher.fetch(server().url('/five-1'), local);
      expect(result.url).toBe(server().url('/five-1'));
      expect(result.finalUrl).toBe(server().url('/page'));
      expect(
        result.redirects.map((hop) => [
          new URL(hop.url).pathname,
          hop.status,
          new URL(hop.location).pathname,
        ]),
      ).toEqual([
        ['/five-1', 302, '/five-2'],
        ['/five-2', 302, '/five-3'],
        ['/five-3', 302, '/five-4'],
        ['/five-4', 302, '/five-5'],
        ['/five-5', 302, '/page'],
      ]);
    });

    it('refuses a sixth redirect without following it', async () => {
      const before = server().hits('/page');
      const error = await rejectionOf(fetcher.fetch(server().url('/six-1'), local));
      expect(error).toBeInstanceOf(PermanentFetchError);
      expect(error).toMatchObject({ reason: 'too_many_redirects', url: server().url('/six-1') });
      expect(server().hits('/page')).toBe(before);
    });

    it('refuses a redirect loop, even when the loop differs by a fragment', async () => {
      const error = await rejectionOf(fetcher.fetch(server().url('/loop-a'), local));
      expect(error).toMatchObject({ reason: 'redirect_loop' });
      expect(server().hits('/loop-a')).toBe(1);
      expect((error as Error).message.replaceAll(server().origin, 'ORIGIN')).toMatchInlineSnapshot(
        `"ORIGIN/loop-a 的跳转形成循环：又回到 ORIGIN/loop-a#again"`,
      );
    });

    it('refuses a redirect without a Location', async () => {
      const error = await rejectionOf(fetcher.fetch(server().url('/no-location'), local));
      expect(error).toMatchObject({ reason: 'bad_redirect', status: 302 });
    });

    it('refuses a redirect to a scheme other than http(s)', async () => {
      const error = await rejectionOf(fetcher.fetch(server().url('/to-file'), local));
      expect(error).toMatchObject({ reason: 'unsupported_scheme', url: 'file:///etc/passwd' });
    });
  });

  describe('scope', () => {
    it('refuses a URL outside the scope before sending anything', async () => {
      const error = await rejectionOf(
        fetcher.fetch(server().url('/page'), { ...local, scope: [server().url('/fpzl/')] }),
      );
      expect(error).toMatchObject({ reason: 'out_of_scope' });
      expect((error as Error).message.replaceAll(server().origin, 'ORIGIN')).toMatchInlineSnapshot(
        `"网址 ORIGIN/page 不在该来源的抓取范围内：ORIGIN/fpzl/"`,
      );
    });

    it('refuses a redirect that leaves the scope', async () => {
      const scope = [server().url('/fpzl/')];
      const error = await rejectionOf(fetcher.fetch(server().url('/fpzl/leaves'), { ...local, scope }));
      expect(error).toMatchObject({ reason: 'out_of_scope', url: server().url('/other/page.html') });
      expect(server().hits('/other/page.html')).toBe(0);
    });
  });

  describe('statuses', () => {
    it('throws a retryable error for a 503', async () => {
      const error = await rejectionOf(fetcher.fetch(server().url('/unavailable'), local));
      expect(error).toBeInstanceOf(RetryableFetchError);
      expect(error).toMatchObject({ reason: 'server_error', status: 503, retryAfterMs: undefined });
    });

    it('throws a retryable error carrying Retry-After for a 429', async () => {
      const error = await rejectionOf(fetcher.fetch(server().url('/throttled'), local));
      expect(error).toBeInstanceOf(RetryableFetchError);
      expect(error).toMatchObject({ reason: 'too_many_requests', status: 429, retryAfterMs: 2000 });
    });

    it('throws a retryable error for a 408', async () => {
      const error = await rejectionOf(fetcher.fetch(server().url('/request-timeout'), local));
      expect(error).toMatchObject({ reason: 'request_timeout', status: 408 });
    });

    it('throws a permanent error for a 404 and a 403', async () => {
      for (const path of ['/gone', '/forbidden']) {
        const error = await rejectionOf(fetcher.fetch(server().url(path), local));
        expect(error).toBeInstanceOf(PermanentFetchError);
        expect(error).toMatchObject({ reason: 'client_error' });
      }
    });
  });

  describe('timeouts', () => {
    const impatient = aFetcher({ timeoutMs: 200 });

    it('gives up on a server that never answers', async () => {
      const error = await rejectionOf(impatient.fetch(server().url('/never'), local));
      expect(error).toBeInstanceOf(RetryableFetchError);
      expect(error).toMatchObject({ reason: 'timeout' });
    });

    it('gives up on a body that hangs halfway', async () => {
      const error = await rejectionOf(impatient.fetch(server().url('/hangs'), local));
      expect(error).toMatchObject({ reason: 'timeout' });
    });

    it('passes on the caller’s own abort as it is', async () => {
      const controller = new AbortController();
      const waiting = server().hits('/never') + 1;
      const pending = fetcher.fetch(server().url('/never'), { ...local, signal: controller.signal });
      await vi.waitFor(() => expect(server().hits('/never')).toBe(waiting));
      controller.abort(new Error('crawl cancelled'));
      await expect(pending).rejects.toThrow('crawl cancelled');
    });
  });

  describe('byte cap', () => {
    it('cuts a 30 MB streamed body off at the cap without reading the rest', async () => {
      const error = await rejectionOf(fetcher.fetch(server().url('/huge'), local));
      expect(error).toBeInstanceOf(PermanentFetchError);
      expect(error).toMatchObject({ reason: 'too_large' });
      const bytesRead = (error as PermanentFetchError).bytesRead ?? 0;
      expect(bytesRead).toBeGreaterThan(MB);
      expect(bytesRead).toBeLessThanOrEqual(MB + 64 * 1024);
      await vi.waitFor(() => expect(huge.stats.closed).toBe(true));
      expect(huge.stats.finished).toBe(false);
      expect(huge.stats.bytesSent).toBeLessThan(10 * MB);
    });

    it('refuses a declared Content-Length over the cap without reading the body', async () => {
      const error = await rejectionOf(fetcher.fetch(server().url('/declared-huge'), local));
      expect(error).toMatchObject({ reason: 'too_large', bytesRead: 0 });
    });
  });

  describe('address guard', () => {
    it('refuses 127.0.0.1 unless the request allows private addresses', async () => {
      const before = server().hits('/page');
      const error = await rejectionOf(fetcher.fetch(server().url('/page')));
      expect(error).toMatchObject({ reason: 'private_address' });
      expect(server().hits('/page')).toBe(before);
    });

    it('connects to the address the resolver gave for a name', async () => {
      const named = aFetcher({ resolveHost: aResolver({ 'fpb.example.test': ['127.0.0.1'] }) });
      const port = new URL(server().origin).port;
      const result = await named.fetch(`http://fpb.example.test:${port}/page`, local);
      expect(result.status).toBe(200);
      expect(server().requests.at(-1)?.headers.host).toBe(`fpb.example.test:${port}`);
    });

    it('refuses at connect time a name that rebinds to a private address after the check', async () => {
      let calls = 0;
      const rebinding = aFetcher({
        resolveHost: async () => [{ address: ++calls === 1 ? '93.184.216.34' : '127.0.0.1', family: 4 }],
      });
      const port = new URL(server().origin).port;
      const before = server().hits('/page');
      const error = await rejectionOf(rebinding.fetch(`http://rebind.test:${port}/page`));
      expect(error).toBeInstanceOf(PermanentFetchError);
      expect(error).toMatchObject({ reason: 'private_address' });
      expect(calls).toBe(2);
      expect(server().hits('/page')).toBe(before);
    });

    it('refuses a scheme other than http(s)', async () => {
      const error = await rejectionOf(fetcher.fetch('ftp://public.test/file.txt'));
      expect(error).toMatchObject({ reason: 'unsupported_scheme' });
    });

    it('refuses a malformed URL', async () => {
      const error = await rejectionOf(fetcher.fetch('http://[bad'));
      expect(error).toMatchObject({ reason: 'invalid_url' });
    });
  });

  describe('robots gate', () => {
    const gate = (verdict: RobotsVerdict): RobotsGate => ({ verdict: async () => verdict });

    it('refuses a URL robots.txt disallows before sending it', async () => {
      const before = server().hits('/page');
      const robots = gate({ kind: 'disallowed' });
      const error = await rejectionOf(fetcher.fetch(server().url('/page'), { ...local, robots }));
      expect(error).toBeInstanceOf(PermanentFetchError);
      expect(error).toMatchObject({ reason: 'robots_disallowed' });
      expect(server().hits('/page')).toBe(before);
    });

    it('asks to retry later when robots.txt is unavailable', async () => {
      const robots = gate({ kind: 'unavailable', detail: 'HTTP 503' });
      const error = await rejectionOf(fetcher.fetch(server().url('/page'), { ...local, robots }));
      expect(error).toBeInstanceOf(RetryableFetchError);
      expect(error).toMatchObject({ reason: 'robots_unavailable' });
    });
  });
});

import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PermanentFetchError, RetryableFetchError } from '../../src/crawlers/index.js';
import { serves, useFaultServer } from '../helpers/fault-server.js';
import { aFetcher, aResolver, rejectionOf } from './builders.js';

// Single-request edge cases that a real server cannot easily produce; msw answers instead of the network.
const mock = setupServer();
beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.resetHandlers());
afterAll(() => mock.close());

const internal = useFaultServer({ '/secret': serves('内部数据') });

const resolveHost = aResolver({
  'www.shifanqu.gov.cn': ['93.184.216.34'],
  'metadata.shifanqu.gov.cn': ['169.254.169.254'],
  'v6.shifanqu.gov.cn': ['2001:db8::1', 'fd00::1'],
});

describe('createFetcher at the edges', () => {
  const fetcher = aFetcher({ resolveHost });

  it('refuses a redirect from a public host to 127.0.0.1 without requesting it', async () => {
    mock.use(
      http.get('http://www.shifanqu.gov.cn/fpzl/a.html', () =>
        HttpResponse.redirect(internal().url('/secret'), 302),
      ),
    );
    const error = await rejectionOf(fetcher.fetch('http://www.shifanqu.gov.cn/fpzl/a.html'));
    expect(error).toBeInstanceOf(PermanentFetchError);
    expect(error).toMatchObject({ reason: 'private_address', url: internal().url('/secret') });
    expect(internal().hits('/secret')).toBe(0);
  });

  it('refuses a redirect to a name that resolves to the cloud metadata address', async () => {
    const location = 'http://metadata.shifanqu.gov.cn/latest/meta-data/';
    mock.use(http.get('http://www.shifanqu.gov.cn/go', () => HttpResponse.redirect(location, 301)));
    const error = await rejectionOf(fetcher.fetch('http://www.shifanqu.gov.cn/go'));
    expect(error).toMatchObject({ reason: 'private_address' });
    expect((error as Error).message).toMatchInlineSnapshot(
      `"拒绝访问内网或本机地址 metadata.shifanqu.gov.cn（169.254.169.254）：如确需抓取，请在该来源上设置 allowPrivate: true"`,
    );
  });

  it('refuses a host when any of its addresses is private', async () => {
    const error = await rejectionOf(fetcher.fetch('http://v6.shifanqu.gov.cn/'));
    expect(error).toMatchObject({ reason: 'private_address' });
  });

  it('throws a retryable DNS error when the name does not resolve', async () => {
    const error = await rejectionOf(fetcher.fetch('http://nxdomain.shifanqu.gov.cn/'));
    expect(error).toBeInstanceOf(RetryableFetchError);
    expect(error).toMatchObject({ reason: 'dns' });
    expect((error as Error).cause).toMatchObject({ code: 'ENOTFOUND' });
  });

  it('throws a retryable network error when the connection fails', async () => {
    mock.use(http.get('http://www.shifanqu.gov.cn/reset', () => HttpResponse.error()));
    const error = await rejectionOf(fetcher.fetch('http://www.shifanqu.gov.cn/reset'));
    expect(error).toBeInstanceOf(RetryableFetchError);
    expect(error).toMatchObject({ reason: 'network' });
  });

  it('refuses a malformed Location', async () => {
    mock.use(
      http.get(
        'http://www.shifanqu.gov.cn/bad',
        () => new HttpResponse(null, { status: 302, headers: { location: 'http://[::1' } }),
      ),
    );
    const error = await rejectionOf(fetcher.fetch('http://www.shifanqu.gov.cn/bad'));
    expect(error).toMatchObject({ reason: 'bad_redirect', status: 302 });
    expect((error as Error).message).toMatchInlineSnapshot(
      `"http://www.shifanqu.gov.cn/bad 返回 HTTP 302 但无效的跳转地址“http://[::1”"`,
    );
  });

  it('reads a Retry-After given as an HTTP date against its clock', async () => {
    const retryAfter = 'Tue, 30 Jun 2020 02:01:30 GMT';
    mock.use(
      http.get(
        'http://www.shifanqu.gov.cn/busy',
        () => new HttpResponse(null, { status: 503, headers: { 'retry-after': retryAfter } }),
      ),
    );
    const error = await rejectionOf(fetcher.fetch('http://www.shifanqu.gov.cn/busy'));
    expect(error).toMatchObject({ reason: 'server_error', retryAfterMs: 90_000 });
  });

  it('ignores a Retry-After it cannot read', async () => {
    mock.use(
      http.get(
        'http://www.shifanqu.gov.cn/busy',
        () => new HttpResponse(null, { status: 429, headers: { 'retry-after': 'soon' } }),
      ),
    );
    const error = await rejectionOf(fetcher.fetch('http://www.shifanqu.gov.cn/busy'));
    expect(error).toMatchObject({ reason: 'too_many_requests', retryAfterMs: undefined });
  });

  it('follows a relative Location and an upgrade to https within an http scope', async () => {
    mock.use(
      http.get('http://www.shifanqu.gov.cn/fpzl/', () =>
        HttpResponse.redirect('https://www.shifanqu.gov.cn/fpzl/index.html', 301),
      ),
      http.get(
        'https://www.shifanqu.gov.cn/fpzl/index.html',
        () => new HttpResponse(null, { status: 302, headers: { location: './list.html' } }),
      ),
      http.get('https://www.shifanqu.gov.cn/fpzl/list.html', () => HttpResponse.html('<ul></ul>')),
    );
    const result = await fetcher.fetch('http://www.shifanqu.gov.cn/fpzl/', {
      scope: ['http://www.shifanqu.gov.cn/fpzl/'],
    });
    expect(result.finalUrl).toBe('https://www.shifanqu.gov.cn/fpzl/list.html');
    expect(result.redirects.map((hop) => hop.status)).toEqual([301, 302]);
  });
});

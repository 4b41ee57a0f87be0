import { describe, expect, it } from 'vitest';
import { guardUrl, isPrivateAddress, PermanentFetchError } from '../../src/crawlers/index.js';
import { aResolver, rejectionOf } from './builders.js';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:8.8.8.8',
    '64:ff9b::a00:1',
  ])('returns true for %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '192.169.0.1',
    '2001:db8::1',
    '2400:3200::1',
  ])('returns false for %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe('guardUrl', () => {
  const resolveHost = aResolver({
    'www.shifanqu.gov.cn': ['93.184.216.34', '2400:3200::1'],
    'intranet.shifanqu.gov.cn': ['93.184.216.34', '192.168.10.5'],
  });
  const strict = { resolveHost, allowPrivate: false };

  it('returns the addresses of a public host', async () => {
    const addresses = await guardUrl(new URL('http://www.shifanqu.gov.cn/fpzl/'), strict);
    expect(addresses.map((a) => a.address)).toEqual(['93.184.216.34', '2400:3200::1']);
  });

  it('refuses a host with any private address and names it', async () => {
    const error = await rejectionOf(guardUrl(new URL('http://intranet.shifanqu.gov.cn/'), strict));
    expect(error).toBeInstanceOf(PermanentFetchError);
    expect((error as Error).message).toMatchInlineSnapshot(
      `"拒绝访问内网或本机地址 intranet.shifanqu.gov.cn（192.168.10.5）：如确需抓取，请在该来源上设置 allowPrivate: true"`,
    );
  });

  it('refuses private IP literals in any spelling without resolving them', async () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://[::1]/',
      'http://2130706433/',
      'http://0x7f.1/',
      'http://[::ffff:a00:1]/',
    ]) {
      const error = await rejectionOf(guardUrl(new URL(url), strict));
      expect(error, url).toMatchObject({ reason: 'private_address' });
    }
    expect(resolveHost.asked).not.toContain('127.0.0.1');
  });

  it('lets a private address through when the source allows it', async () => {
    const addresses = await guardUrl(new URL('http://127.0.0.1:8080/'), { resolveHost, allowPrivate: true });
    expect(addresses).toEqual([{ address: '127.0.0.1', family: 4 }]);
  });

  it('refuses schemes other than http and https', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://www.shifanqu.gov.cn/', 'gopher://127.0.0.1:6379/_']) {
      const error = await rejectionOf(guardUrl(new URL(url), { resolveHost, allowPrivate: true }));
      expect(error, url).toMatchObject({ reason: 'unsupported_scheme' });
    }
  });
});

import { lookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { PermanentFetchError, RetryableFetchError } from './errors.js';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses; injected so tests decide what a name points at. */
export type ResolveHost = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** The system resolver (`dns.promises.lookup` with `all: true`), which also reads /etc/hosts. */
export const resolveHostWithDns: ResolveHost = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

// Loopback, private, link-local (cloud metadata 169.254.169.254), CGNAT, "this network", multicast, reserved.
const BLOCKED_V4: readonly [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
// Unspecified, loopback, NAT64 (embeds an IPv4 address), unique local, link-local, old site-local, multicast.
const BLOCKED_V6: readonly [string, number][] = [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
];

const BLOCKED = new BlockList();
for (const [net, prefix] of BLOCKED_V4) BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of BLOCKED_V6) BLOCKED.addSubnet(net, prefix, 'ipv6');
// Kept apart: in one list, BlockList would match every IPv4 address against the mapped range.
const IPV4_MAPPED = new BlockList();
IPV4_MAPPED.addSubnet('::ffff:0:0', 96, 'ipv6');

/** Whether an IP address is one a crawler must not reach unless the source allows private addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) throw new TypeError(`not an IP address: ${address}`);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  return BLOCKED.check(address, 'ipv6') || IPV4_MAPPED.check(address, 'ipv6');
}

/** Throws `PermanentFetchError('unsupported_scheme')` for anything but http and https. */
export function assertHttpUrl(url: URL): void {
  if (url.protocol === 'http:' || url.protocol === 'https:') return;
  const message = `只支持 http 和 https 网址，不支持“${url.protocol}”：${url.href}`;
  throw new PermanentFetchError(url.href, 'unsupported_scheme', message);
}

/** What the guard needs to know about a request. */
export interface GuardOptions {
  resolveHost: ResolveHost;
  allowPrivate: boolean;
}

/**
 * Refuses a URL whose scheme is not http(s) or whose host is, or resolves to, a private address;
 * returns the addresses checked.
 */
export async function guardUrl(url: URL, options: GuardOptions): Promise<readonly ResolvedAddress[]> {
  assertHttpUrl(url);
  const hostname = bareHostname(url);
  const addresses = isIP(hostname)
    ? [{ address: hostname, family: isIP(hostname) === 6 ? 6 : 4 } as const]
    : await resolveOrThrow(url.href, hostname, options.resolveHost);
  if (!options.allowPrivate) assertPublic(url.href, hostname, addresses);
  return addresses;
}

/**
 * A `net` lookup that resolves with the injected resolver and refuses private addresses at connect time,
 * so a name cannot point elsewhere between the check and the connection (DNS rebinding).
 */
export function guardedLookup(options: GuardOptions): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    resolveOrThrow(hostname, hostname, options.resolveHost)
      .then((addresses) => {
        if (!options.allowPrivate) assertPublic(hostname, hostname, addresses);
        const wanted = lookupOptions.family
          ? addresses.filter((a) => a.family === lookupOptions.family)
          : addresses;
        const first = wanted[0];
        if (!first) throw new RetryableFetchError(hostname, 'dns', `域名 ${hostname} 没有可用的地址`);
        if (lookupOptions.all) callback(null, [...wanted]);
        else callback(null, first.address, first.family);
      })
      .catch((error: Error) => callback(error as NodeJS.ErrnoException, ''));
  };
}

function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

async function resolveOrThrow(
  url: string,
  hostname: string,
  resolveHost: ResolveHost,
): Promise<readonly ResolvedAddress[]> {
  try {
    const addresses = await resolveHost(hostname);
    if (addresses.length > 0) return addresses;
  } catch (error) {
    throw new RetryableFetchError(url, 'dns', `无法解析域名 ${hostname}`, { cause: error });
  }
  throw new RetryableFetchError(url, 'dns', `域名 ${hostname} 没有可用的地址`);
}

function assertPublic(url: string, hostname: string, addresses: readonly ResolvedAddress[]): void {
  const blocked = addresses.find((a) => isPrivateAddress(a.address));
  if (!blocked) return;
  const shown = blocked.address === hostname ? hostname : `${hostname}（${blocked.address}）`;
  throw new PermanentFetchError(
    url,
    'private_address',
    `拒绝访问内网或本机地址 ${shown}：如确需抓取，请在该来源上设置 allowPrivate: true`,
  );
}

import { PermanentFetchError } from './errors.js';

/**
 * A URL in the one spelling the crawler compares: no fragment, lower-case host, no default port
 * (WHATWG `URL` does the last two).
 */
export function normaliseUrl(url: string | URL): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

// http and https compare alike: the commonest redirect on government sites is the upgrade to https.
function comparable(url: string | URL): string {
  return normaliseUrl(url).replace(/^https:/, 'http:');
}

/** Whether a URL starts with one of the source's scope prefixes, compared after normalising both. */
export function isInScope(url: string | URL, prefixes: readonly string[]): boolean {
  const target = comparable(url);
  return prefixes.some((prefix) => target.startsWith(comparable(prefix)));
}

/** Throws `PermanentFetchError('out_of_scope')` for a URL outside the prefixes; `undefined` means no limit. */
export function assertInScope(url: URL, prefixes: readonly string[] | undefined): void {
  if (prefixes === undefined || isInScope(url, prefixes)) return;
  const listed = prefixes.length > 0 ? prefixes.join('、') : '（空）';
  throw new PermanentFetchError(
    url.href,
    'out_of_scope',
    `网址 ${url.href} 不在该来源的抓取范围内：${listed}`,
  );
}

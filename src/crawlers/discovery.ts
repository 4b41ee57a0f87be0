import { ATTACHMENT_EXTENSIONS, classifyUrl, hanwebDataproxyRange } from './extract/index.js';
import { isInScope } from './scope.js';

const SKIP_SCHEME = /^(javascript|mailto|tel|data):/i;
const ASSET = /\.(css|js|png|jpe?g|gif|ico|svg|woff2?|ttf|mp4|mp3)(\?|$)/i;

function absolute(href: string, base: string): string | undefined {
  const clean = href.trim().replaceAll('&amp;', '&');
  if (!clean || clean.startsWith('#') || SKIP_SCHEME.test(clean)) return undefined;
  try {
    const url = new URL(clean, base);
    url.hash = '';
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function isAttachment(url: string): boolean {
  const path = new URL(url).pathname.toLowerCase();
  return ATTACHMENT_EXTENSIONS.some((ext) => path.endsWith(`.${ext}`));
}

/**
 * In-scope links of a hub page that are neither articles, attachments nor assets: the column and list
 * pages a start page leads to.
 */
export function hubLinks(
  html: string,
  base: string,
  scope: readonly string[],
  articles: ReadonlySet<string>,
): string[] {
  const out = new Set<string>();
  for (const match of html.matchAll(/<a\b[^>]*?\bhref\s*=\s*["']([^"']+)["']/gi)) {
    const url = absolute(match[1] as string, base);
    if (!url || articles.has(url) || out.has(url) || !isInScope(url, scope)) continue;
    if (isAttachment(url) || ASSET.test(url) || classifyUrl(url)?.kind === 'article') continue;
    out.add(url);
  }
  out.delete(new URL(base).href);
  return [...out];
}

/** The JSON list API of a gkmlpt-style platform page: one request per column, first page. */
export function gkmlptApiUrls(html: string, base: string): string[] {
  const page = new URL(base);
  const literal = [...html.matchAll(/["'`]([^"'`]*\/gkmlpt\/api\/all\/\d+[^"'`]*)["'`]/g)].map((m) =>
    absolute(m[1] as string, base),
  );
  const tree = /\bTREE\s*=\s*(\[[^\]]*\])/.exec(html);
  const sid = /\bSID\s*=\s*['"]?(\d+)/.exec(html);
  const fromTree: (string | undefined)[] = [];
  if (tree && sid) {
    const prefix = page.pathname.replace(/gkmlpt\/.*$/, '');
    for (const m of (tree[1] as string).matchAll(/\bid\s*["']?\s*:\s*(\d+)/g)) {
      fromTree.push(new URL(`${prefix}gkmlpt/api/all/${m[1]}?page=1&sid=${sid[1]}`, page).href);
    }
  }
  const all = [...fromTree, ...literal].filter((u): u is string => u !== undefined && !/\+/.test(u));
  return [...new Set(all)];
}

/** The dataproxy.jsp requests that load a Hanweb column's records beyond those embedded in the page. */
export function hanwebRequests(dataproxyUrl: string, totalRecords: number, embedded: number): string[] {
  const urls: string[] = [];
  for (let k = 1; ; k += 1) {
    const { startrecord, endrecord } = hanwebDataproxyRange(k);
    if (startrecord > totalRecords) break;
    if (endrecord <= embedded) continue;
    const url = new URL(dataproxyUrl);
    url.searchParams.set('startrecord', String(Math.max(startrecord, embedded + 1)));
    url.searchParams.set('endrecord', String(endrecord));
    url.searchParams.set('perpage', '15');
    urls.push(url.href);
  }
  return urls;
}

import { isIP } from 'node:net';
import { type FetchError, PermanentFetchError } from '../errors.js';
import { isInScope } from '../scope.js';
import { isPrivateAddress } from '../ssrf.js';

/** Where a render may go: navigations stay under the scope prefixes, other requests on the scope's hosts. */
export interface RenderScope {
  /** URL prefixes documents may be loaded from. */
  prefixes: readonly string[];
  /** The prefixes' origins: styles, scripts, images and API calls may come from anywhere on them. */
  origins: readonly string[];
  /** Private addresses allowed, for the scope's own hosts only. */
  allowPrivate: boolean;
}

/** Why the renderer refused a request before sending it. */
export type PolicyBlock = 'unsupported_scheme' | 'out_of_scope' | 'private_address';

/** The scope of one render: the given prefixes, else the folder of the URL rendered. */
export function renderScopeOf(
  url: URL,
  prefixes: readonly string[] | undefined,
  allowPrivate: boolean,
): RenderScope {
  const chosen = prefixes && prefixes.length > 0 ? prefixes : [new URL('./', url).href];
  const origins = [...new Set(chosen.map((prefix) => `${new URL(prefix).origin}/`))];
  return { prefixes: chosen, origins, allowPrivate };
}

/**
 * Decides without DNS whether a request may leave the browser; names on the scope's hosts are resolved and
 * checked again when the transport connects.
 */
export function policyBlockOf(url: URL, isDocument: boolean, scope: RenderScope): PolicyBlock | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'unsupported_scheme';
  const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const privateLiteral = isIP(literal) !== 0 && isPrivateAddress(literal);
  if (!isInScope(url, scope.origins)) return privateLiteral ? 'private_address' : 'out_of_scope';
  if (privateLiteral && !scope.allowPrivate) return 'private_address';
  if (isDocument && !isInScope(url, scope.prefixes)) return 'out_of_scope';
  return undefined;
}

/** Why a request was refused unsent: the policy, or the render's spent byte or request budget. */
export type RequestBlock = PolicyBlock | 'too_large' | 'too_many_requests';

/** The error a render fails with when its own document was refused. */
export function blockedError(url: string, block: RequestBlock, scope: RenderScope): FetchError {
  const messages: Record<typeof block, string> = {
    unsupported_scheme: `只支持 http 和 https 网址：${url}`,
    out_of_scope: `网址 ${url} 不在该来源的抓取范围内：${scope.prefixes.join('、')}`,
    private_address: `拒绝访问内网或本机地址 ${url}：如确需抓取，请在该来源上设置 allowPrivate: true`,
    too_large: `渲染 ${url} 超过了字节上限`,
    too_many_requests: `渲染 ${url} 发出的请求超过上限`,
  };
  const reason = block === 'too_many_requests' ? 'too_large' : block;
  return new PermanentFetchError(url, reason, messages[block]);
}

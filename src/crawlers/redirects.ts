import { PermanentFetchError } from './errors.js';
import { normaliseUrl } from './scope.js';

/** One redirect followed: where from, with which status, to where. */
export interface RedirectHop {
  url: string;
  status: number;
  location: string;
}

/** The next hop of a 3xx (other than 304), resolved against the current URL; undefined for other statuses. */
export function redirectTarget(response: Response, current: URL): URL | undefined {
  if (response.status < 300 || response.status >= 400 || response.status === 304) return undefined;
  const location = response.headers.get('location');
  try {
    if (location) return new URL(location, current);
  } catch (error) {
    throw badRedirect(current, response.status, location ?? '', error);
  }
  throw badRedirect(current, response.status, '', undefined);
}

function badRedirect(current: URL, status: number, location: string, cause: unknown): PermanentFetchError {
  const shown = location ? `无效的跳转地址“${location}”` : '没有跳转地址（Location）';
  return new PermanentFetchError(
    current.href,
    'bad_redirect',
    `${current.href} 返回 HTTP ${status} 但${shown}`,
    {
      status,
      cause,
    },
  );
}

/** Throws when the next hop closes a loop or goes past `maxRedirects`. */
export function assertRedirectAllowed(
  url: string,
  next: URL,
  redirects: readonly RedirectHop[],
  seen: ReadonlySet<string>,
  maxRedirects: number,
): void {
  if (seen.has(normaliseUrl(next))) {
    throw new PermanentFetchError(url, 'redirect_loop', `${url} 的跳转形成循环：又回到 ${next.href}`);
  }
  if (redirects.length > maxRedirects) {
    throw new PermanentFetchError(
      url,
      'too_many_redirects',
      `${url} 跳转超过 ${maxRedirects} 次（最后到 ${next.href}）`,
    );
  }
}

import { errors } from 'playwright-core';
import { type FetchError, findFetchError, PermanentFetchError, RetryableFetchError } from '../errors.js';
import { ChromiumMissingError } from './chromium.js';

/** The fetch-layer error for a browser that could not be launched: missing is permanent, the rest retryable. */
export function launchError(url: string, error: unknown): FetchError {
  if (error instanceof ChromiumMissingError) {
    return new PermanentFetchError(url, 'browser_missing', error.message, { cause: error });
  }
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new RetryableFetchError(
    url,
    'browser_crashed',
    `启动 Chromium 失败，渲染 ${url} 未进行：${detail}`,
    { cause: error },
  );
}

/**
 * The fetch-layer error for a failed render: why it was stopped (crash, browser gone, deadline) first, then
 * an error of ours from the route guard, then Playwright's timeout, else a retryable network error.
 */
export function renderError(
  url: string,
  error: unknown,
  stopped: AbortSignal,
  navigationTimeoutMs: number,
): FetchError {
  if (stopped.aborted && stopped.reason instanceof Error) {
    const reason = findFetchError(stopped.reason);
    if (reason) return reason;
  }
  const ours = findFetchError(error);
  if (ours) return ours;
  if (error instanceof errors.TimeoutError) {
    return new RetryableFetchError(url, 'timeout', `打开 ${url} 未在 ${navigationTimeoutMs} 毫秒内加载完成`, {
      cause: error,
    });
  }
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (/crash/i.test(detail ?? '')) {
    return new RetryableFetchError(url, 'page_crashed', `渲染 ${url} 时页面崩溃：${detail}`, {
      cause: error,
    });
  }
  if (/has been closed|disconnected/i.test(detail ?? '')) {
    return new RetryableFetchError(url, 'browser_crashed', `渲染 ${url} 时 Chromium 断开：${detail}`, {
      cause: error,
    });
  }
  return new RetryableFetchError(url, 'network', `渲染 ${url} 失败：${detail}`, { cause: error });
}

import {
  type FetchError,
  findFetchError,
  PermanentFetchError,
  RetryableFetchError,
  type RetryableReason,
} from './errors.js';
import { parseRetryAfter } from './retry.js';

/** The response headers the crawler uses. */
export interface FetchedHeaders {
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  retryAfter: string | null;
}

/**
 * Reads a response body into memory but stops at `maxBytes`: a declared Content-Length over the cap is
 * refused unread, and a stream that grows past it is cancelled, which closes the connection.
 */
export async function readCappedBody(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(url, maxBytes, 0, `声明长度 ${declared} 字节`);
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytesRead = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytesRead += value.byteLength;
    if (bytesRead > maxBytes) {
      await reader.cancel();
      throw tooLarge(url, maxBytes, bytesRead, `已读 ${bytesRead} 字节`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, bytesRead);
}

function tooLarge(url: string, maxBytes: number, bytesRead: number, seen: string): PermanentFetchError {
  return new PermanentFetchError(
    url,
    'too_large',
    `网页 ${url} 超过大小上限 ${maxBytes} 字节（${seen}），已停止下载`,
    {
      bytesRead,
    },
  );
}

/** What the transport knew when it failed: the deadline and the caller's own signal. */
export interface TransportContext {
  url: string;
  timeoutMs: number;
  deadline: AbortSignal;
  callerSignal: AbortSignal | undefined;
}

/**
 * Classifies what `fetch` or a body read threw: our own guard errors pass through, a caller's abort is
 * rethrown as is, the rest is a timeout, a DNS failure or a network error, all retryable.
 */
export function toTransportError(error: unknown, context: TransportContext): unknown {
  const ours = findFetchError(error);
  if (ours) return ours;
  if (context.callerSignal?.aborted) return error;
  const { url } = context;
  const code = errorCode(error);
  if (context.deadline.aborted || /TIMEOUT/.test(code)) return timeout(url, context.timeoutMs, code, error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new RetryableFetchError(url, 'dns', `无法解析 ${url} 的域名（${code}）`, { cause: error });
  }
  const detail = code || (error instanceof Error ? error.message : String(error));
  return new RetryableFetchError(url, 'network', `连接 ${url} 时网络出错（${detail}）`, { cause: error });
}

function timeout(url: string, timeoutMs: number, code: string, cause: unknown): FetchError {
  const what = code === 'UND_ERR_CONNECT_TIMEOUT' ? '连接超时' : `未在 ${timeoutMs} 毫秒内完成`;
  return new RetryableFetchError(url, 'timeout', `抓取 ${url} ${what}`, { cause });
}

// undici puts the system error code on the cause, sometimes two levels down.
function errorCode(error: unknown): string {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return '';
}

const RETRYABLE_STATUSES: Readonly<Record<number, [RetryableReason, string]>> = {
  408: ['request_timeout', '请求超时'],
  429: ['too_many_requests', '请求过于频繁'],
};

/** The error for a final status other than 2xx and 304: 408, 429 and 5xx are retryable, with Retry-After. */
export function statusError(url: string, response: Response, now: Date): FetchError {
  const { status } = response;
  const retryable =
    RETRYABLE_STATUSES[status] ?? (status >= 500 ? ['server_error', '服务器出错'] : undefined);
  if (!retryable)
    return new PermanentFetchError(url, 'client_error', `${url} 返回 HTTP ${status}`, { status });
  const [reason, what] = retryable;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
  const wait = retryAfterMs === undefined ? '' : `，服务器要求 ${Math.ceil(retryAfterMs / 1000)} 秒后再试`;
  const details = { status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  return new RetryableFetchError(url, reason, `${url} ${what}（HTTP ${status}）${wait}`, details);
}

/** The response headers the crawler keeps. */
export function pickHeaders(headers: Headers): FetchedHeaders {
  return {
    contentType: headers.get('content-type'),
    etag: headers.get('etag'),
    lastModified: headers.get('last-modified'),
    retryAfter: headers.get('retry-after'),
  };
}

import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/** Answers one request; `hit` counts the requests to this path so far, this one included. */
export type FaultHandler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

/** A misbehaving HTTP server on 127.0.0.1 and a port of its own. */
export interface FaultServer {
  origin: string;
  url(path: string): string;
  /** Adds or replaces a route while the server runs. */
  route(path: string, handler: FaultHandler): void;
  hits(path: string): number;
  /** The headers of every request, oldest first. */
  requests: { path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** Starts a fault server with the given routes (by path, query ignored); other paths answer 404. */
export async function startFaultServer(routes: Record<string, FaultHandler> = {}): Promise<FaultServer> {
  const table = new Map(Object.entries(routes));
  const counts = new Map<string, number>();
  const requests: FaultServer['requests'] = [];
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://fault.test').pathname;
    const hit = (counts.get(path) ?? 0) + 1;
    counts.set(path, hit);
    requests.push({ path, headers: req.headers });
    const handler = table.get(path);
    if (handler) handler(req, res, hit);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    route: (path, handler) => table.set(path, handler),
    hits: (path) => counts.get(path) ?? 0,
    requests,
    close: () => {
      // Hanging routes keep their sockets open; close them so the server can stop.
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A fault server for the tests of one file: started before them, closed after. */
export function useFaultServer(routes: Record<string, FaultHandler> = {}): () => FaultServer {
  let server: FaultServer | undefined;
  beforeAll(async () => {
    server = await startFaultServer(routes);
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the fault server is not running yet');
    return server;
  };
}

/** Answers 200 with the given body and headers. */
export function serves(body: string | Uint8Array, headers: http.OutgoingHttpHeaders = {}): FaultHandler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
  };
}

/** Answers with a status, the given headers and a short body. */
export function answers(status: number, headers: http.OutgoingHttpHeaders = {}): FaultHandler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(`status ${status}`);
  };
}

/** Reads the request and never answers. */
export function neverAnswers(): FaultHandler {
  return () => {};
}

/** Sends the headers and the first part of the body, then hangs. */
export function hangsMidBody(firstPart = '<html><body>开始了'): FaultHandler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': '100000' });
    res.write(firstPart);
  };
}

/** Fails with `status` (and its headers) for the first `failures` requests, then serves `body`. */
export function failsThenServes(
  failures: number,
  status: number,
  body: string,
  headers: http.OutgoingHttpHeaders = {},
): FaultHandler {
  return (req, res, hit) => (hit <= failures ? answers(status, headers) : serves(body))(req, res, hit);
}

/** Redirects to `location` with the given status. */
export function redirectsTo(location: string, status = 302): FaultHandler {
  return (_req, res) => {
    res.writeHead(status, { location, 'content-type': 'text/plain' }).end('moved');
  };
}

/** A chain of `length` redirects /chain-1 → /chain-2 → … → `final`, as routes to register. */
export function redirectChain(name: string, length: number, final: string): Record<string, FaultHandler> {
  const routes: Record<string, FaultHandler> = {};
  for (let i = 1; i <= length; i++) {
    routes[`/${name}-${i}`] = redirectsTo(i === length ? final : `/${name}-${i + 1}`);
  }
  return routes;
}

/** What a streaming route wrote before the client went away. */
export interface StreamStats {
  bytesSent: number;
  finished: boolean;
  closed: boolean;
}

/**
 * Streams `totalBytes` of HTML-ish filler without a Content-Length, honouring backpressure, and counts the
 * bytes the socket actually took.
 */
export function streamsBytes(totalBytes: number): FaultHandler & { stats: StreamStats } {
  const stats: StreamStats = { bytesSent: 0, finished: false, closed: false };
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const handler: FaultHandler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.on('close', () => {
      stats.closed = true;
    });
    let queued = 0;
    const pump = () => {
      while (queued < totalBytes && !res.destroyed) {
        queued += chunk.length;
        const more = res.write(chunk, (error) => {
          if (!error) stats.bytesSent += chunk.length;
        });
        if (!more) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end(() => (stats.finished = true));
    };
    pump();
  };
  return Object.assign(handler, { stats });
}

/**
 * Serves `body` with an ETag and a Last-Modified, and answers 304 when the request carries a matching
 * If-None-Match or an If-Modified-Since not older than the page.
 */
export function conditional(page: { body: string; etag: string; lastModified: string }): FaultHandler {
  return (req, res) => {
    const validators = { etag: page.etag, 'last-modified': page.lastModified };
    const sinceMs = Date.parse(req.headers['if-modified-since'] ?? '');
    const unchanged =
      req.headers['if-none-match'] === page.etag ||
      (!Number.isNaN(sinceMs) && sinceMs >= Date.parse(page.lastModified));
    if (unchanged) res.writeHead(304, validators).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...validators }).end(page.body);
  };
}

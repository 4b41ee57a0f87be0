import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import type { IsoDate } from '../catalog/index.js';
import type { DemoSite, SiteKind } from './model.js';
import { ATTACHMENT_TYPES, DEFAULT_CJK_FONT, renderAttachment } from './sites/attachments.js';
import { handleBoda } from './sites/boda.js';
import { handleGkmlpt } from './sites/gkmlpt.js';
import { handleHanweb } from './sites/hanweb.js';
import { handlePlain } from './sites/plain.js';
import { handleStatic } from './sites/static.js';
import { handleTrs } from './sites/trs.js';
import {
  type DemoIndex,
  type DemoRequest,
  type DemoResponse,
  indexWorld,
  isOnline,
  notFound,
  SiteView,
} from './sites/view.js';
import { handleWechat } from './sites/wechat.js';
import { composePost, type DemoWorld, versionOn } from './world.js';

type Handler = (view: SiteView, req: DemoRequest & { origin: string }) => DemoResponse | undefined;

// One renderer per CMS kind: adding a layout is adding an entry here.
const HANDLERS: Record<SiteKind, Handler> = {
  trs: handleTrs,
  hanweb: handleHanweb,
  gkmlpt: handleGkmlpt,
  plain: handlePlain,
  boda: handleBoda,
  rss: handleWechat,
  atom: handleWechat,
};

export interface DemoServerOptions {
  today: IsoDate;
  fontPath?: string;
  /** Called for each request, for tests that count requests. */
  onRequest?: (method: string, url: string, status: number) => void;
}

/** The simulated district web on one HTTP server, showing what was online on `today`. */
export interface DemoServer {
  readonly origin: string;
  readonly server: Server;
  today: IsoDate;
  close(): Promise<void>;
}

// The site whose prefix is the longest match; WeChat article pages belong to the feed that carries them.
function siteFor(world: DemoWorld, index: DemoIndex, path: string): DemoSite | undefined {
  if (path.startsWith('/mp/s/')) {
    const post = index.byPath.get(path);
    return post ? world.district.sites.find((s) => s.id === post.siteId) : undefined;
  }
  let best: DemoSite | undefined;
  for (const site of world.district.sites) {
    const matches = site.prefix.endsWith('/') ? path.startsWith(site.prefix) : path === site.prefix;
    if (matches && (!best || site.prefix.length > best.prefix.length)) best = site;
  }
  return best;
}

async function respond(
  world: DemoWorld,
  index: DemoIndex,
  options: DemoServerOptions & { today: IsoDate },
  req: DemoRequest & { origin: string },
): Promise<DemoResponse> {
  const asset = handleStatic(req.path);
  if (asset) return asset;
  const attachment = index.attachments.get(req.path);
  if (attachment && isOnline(attachment.post, options.today)) {
    const composed = composePost(world, attachment.post, versionOn(attachment.post, options.today));
    const file = composed.attachments[attachment.index];
    if (file) {
      const bytes = await renderAttachment(
        file,
        attachment.post.appearsAt,
        options.fontPath ?? DEFAULT_CJK_FONT,
      );
      return {
        status: 200,
        contentType: ATTACHMENT_TYPES[file.format],
        body: bytes,
        lastModified: attachment.post.appearsAt,
      };
    }
  }
  const site = siteFor(world, index, req.path);
  if (!site) return notFound();
  const view = new SiteView(world, index, site, options.today);
  return HANDLERS[site.kind](view, req) ?? notFound();
}

function httpDate(date: IsoDate): string {
  return new Date(`${date}T01:00:00Z`).toUTCString();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 64 * 1024) chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, req: IncomingMessage, out: DemoResponse): number {
  const bytes =
    typeof out.body === 'string'
      ? out.encoding === 'gbk'
        ? iconv.encode(out.body, 'gbk')
        : Buffer.from(out.body, 'utf8')
      : Buffer.from(out.body);
  const etag = `"${createHash('sha1').update(bytes).digest('base64url').slice(0, 20)}"`;
  const headers: Record<string, string> = {
    'Content-Type': out.contentType,
    ETag: etag,
    'Cache-Control': 'no-cache',
  };
  if (out.lastModified) headers['Last-Modified'] = httpDate(out.lastModified);
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  const fresh =
    out.status === 200 &&
    (inm
      ? inm.split(/\s*,\s*/).includes(etag)
      : Boolean(ims && out.lastModified && Date.parse(ims) >= Date.parse(httpDate(out.lastModified))));
  if (fresh) {
    res.writeHead(304, {
      ETag: etag,
      ...(headers['Last-Modified'] ? { 'Last-Modified': headers['Last-Modified'] } : {}),
    });
    res.end();
    return 304;
  }
  headers['Content-Length'] = String(bytes.length);
  res.writeHead(out.status, headers);
  res.end(req.method === 'HEAD' ? undefined : bytes);
  return out.status;
}

/** Starts the demo web on 127.0.0.1 (port 0 picks a free one). */
export async function startDemoServer(
  world: DemoWorld,
  port: number,
  options: DemoServerOptions,
): Promise<DemoServer> {
  const index = indexWorld(world);
  const state = { today: options.today };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://demo.local');
    let path = url.pathname;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      // A malformed escape is looked up as written, and will be a 404.
    }
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    readBody(req)
      .then((body) =>
        respond(
          world,
          index,
          { ...options, today: state.today },
          { method: req.method ?? 'GET', path, query: url.searchParams, body, origin },
        ),
      )
      .then((out) => send(res, req, out))
      .then((status) => options.onRequest?.(req.method ?? 'GET', req.url ?? '', status))
      .catch((error: unknown) => {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`demo server error: ${error instanceof Error ? error.message : String(error)}`);
        options.onRequest?.(req.method ?? 'GET', req.url ?? '', 500);
      });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${address.port}`,
    server,
    get today() {
      return state.today;
    },
    set today(date: IsoDate) {
      state.today = date;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

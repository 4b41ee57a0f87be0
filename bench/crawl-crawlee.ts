/**
 * The same crawl job done with Crawlee's CheerioCrawler, in its own process so its peak RSS is its own.
 * What a Crawlee user writes for these sites: follow in-scope links, expand each CMS's script-built pager
 * (TRS createPageHTML, Hanweb dataproxy.jsp, the gkmlpt JSON API), parse every article's title and text
 * and keep the results in memory.
 * Usage: tsx bench/crawl-crawlee.ts <job.json>; prints one line `result <json>`.
 */
import { readFileSync } from 'node:fs';
import { CheerioCrawler, type CheerioCrawlingContext, Configuration, LogLevel, log } from '@crawlee/cheerio';
import type { CrawlJob, CrawlResult } from './crawl-job.js';

const job = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as CrawlJob;
const rssAtStartMb = process.memoryUsage().rss / 2 ** 20;
log.setLevel(LogLevel.WARNING);

const ARTICLE =
  /(\/t\d{8}_\d+\.html|\/art\/\d{4}\/\d+\/\d+\/art_\d+_\d+\.html|\/post_\d+\.html|\/Content-\d+\.html|\/info\/\d+\/\d+\.htm)$/;
const ASSET = /\.(css|js|png|jpe?g|gif|ico|svg|pdf|docx?|xlsx?|zip|rar)(\?|$)/i;
const HANWEB_BATCH = 45;
const HANWEB_EMBEDDED = 15;
const GKMLPT_PER_PAGE = 10;

const inScope = (url: string) => job.scope.some((prefix) => url.startsWith(prefix));

function absolute(href: string, base: string): string | undefined {
  try {
    const url = new URL(href.replaceAll('&amp;', '&'), base);
    url.hash = '';
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

interface Article {
  url: string;
  title: string;
  text: string;
}
const articles: Article[] = [];
const requestsByLabel: Record<string, number> = {};

/** Queues in-scope URLs as articles or list pages by their CMS URL pattern. */
async function queue(ctx: CheerioCrawlingContext, hrefs: Iterable<string>): Promise<void> {
  const lists: string[] = [];
  const items: string[] = [];
  for (const href of hrefs) {
    const url = absolute(href, ctx.request.loadedUrl ?? ctx.request.url);
    if (!url || !inScope(url) || ASSET.test(url)) continue;
    (ARTICLE.test(new URL(url).pathname) ? items : lists).push(url);
  }
  // addRequests, not enqueueLinks: Crawlee gives JSON responses an enqueueLinks that does nothing.
  await ctx.addRequests([
    ...items.map((url) => ({ url, label: 'ARTICLE' })),
    ...lists.map((url) => ({ url, label: 'LIST' })),
  ]);
}

// TRS: createPageHTML(countPage, currentPage, "index", "html") draws index_1.html … index_{n-1}.html.
function trsPages(body: string, url: string): string[] {
  const count = Number(/countPage\s*=\s*(\d+)/.exec(body)?.[1] ?? 0);
  const current = Number(/currentPage\s*=\s*(\d+)/.exec(body)?.[1] ?? -1);
  if (current !== 0) return [];
  return Array.from({ length: Math.max(0, count - 1) }, (_, k) => new URL(`index_${k + 1}.html`, url).href);
}

// Hanweb: the first records sit in a <datastore> script; the rest come from dataproxy.jsp in batches.
function hanwebRequests(body: string, url: string): string[] {
  const next = /<nextgroup><!\[CDATA\[<a href="([^"]+)"/.exec(body)?.[1];
  const total = Number(/totalRecord\s*=\s*(\d+)/.exec(body)?.[1] ?? 0);
  if (!next) return [];
  const out: string[] = [];
  for (let start = 1; start <= total; start += HANWEB_BATCH) {
    const end = start + HANWEB_BATCH - 1;
    if (end <= HANWEB_EMBEDDED) continue;
    const proxy = new URL(next, url);
    proxy.searchParams.set('startrecord', String(Math.max(start, HANWEB_EMBEDDED + 1)));
    proxy.searchParams.set('endrecord', String(end));
    proxy.searchParams.set('perpage', '15');
    out.push(proxy.href);
  }
  return out;
}

// gkmlpt: the list shell names its columns in TREE and the site in SID; the JSON API pages each column.
function gkmlptApis(body: string, url: string): string[] {
  const tree = /\bTREE\s*=\s*(\[[^\]]*\])/.exec(body)?.[1];
  const sid = /\bSID\s*=\s*(\d+)/.exec(body)?.[1];
  if (!tree || !sid) return [];
  const base = new URL(url).pathname.replace(/gkmlpt\/.*$/, '');
  return (JSON.parse(tree) as { id: number }[]).map(
    (c) => new URL(`${base}gkmlpt/api/all/${c.id}?page=1&sid=${sid}`, url).href,
  );
}

async function handleList(ctx: CheerioCrawlingContext): Promise<void> {
  const { request, body, $ } = ctx;
  const url = request.loadedUrl ?? request.url;
  const json = ctx.json as { articles?: { url: string }[]; total?: number } | null;
  if (json) {
    await queue(
      ctx,
      (json.articles ?? []).map((a) => a.url),
    );
    const page = Number(new URL(url).searchParams.get('page') ?? 1);
    const pages = Math.ceil((json.total ?? 0) / GKMLPT_PER_PAGE);
    if (page === 1) {
      const more = Array.from({ length: Math.max(0, pages - 1) }, (_, k) => {
        const next = new URL(url);
        next.searchParams.set('page', String(k + 2));
        return next.href;
      });
      await queue(ctx, more);
    }
    return;
  }
  const text = typeof body === 'string' ? body : body.toString();
  // Links inside scripts and CDATA (Hanweb records, dataproxy XML) are not elements; read them as text.
  const hrefs = new Set<string>(
    $('a[href]')
      .map((_, a) => $(a).attr('href') ?? '')
      .get(),
  );
  for (const m of text.matchAll(/<a\s+href="([^"]+)"/g)) hrefs.add(m[1] as string);
  for (const u of [...trsPages(text, url), ...hanwebRequests(text, url), ...gkmlptApis(text, url)])
    hrefs.add(u);
  await queue(ctx, hrefs);
}

function handleArticle(ctx: CheerioCrawlingContext): void {
  const { $, request } = ctx;
  const title =
    $('meta[name="ArticleTitle"]').attr('content') ?? ($('h1').first().text() || $('title').text());
  const container = $('#zoom, .TRS_Editor, .article-content, .content, #js_content, .v_news_content').first();
  const text = (container.length > 0 ? container : $('body')).text().replace(/\s+/g, ' ').trim();
  articles.push({ url: request.url, title: title.trim(), text });
}

const config = job.persistStorage ? undefined : new Configuration({ persistStorage: false });
const crawler = new CheerioCrawler(
  {
    maxConcurrency: job.concurrency,
    minConcurrency: job.concurrency,
    requestHandler: async (ctx) => {
      const label = ctx.request.label ?? 'LIST';
      requestsByLabel[label] = (requestsByLabel[label] ?? 0) + 1;
      if (label === 'ARTICLE') handleArticle(ctx);
      else await handleList(ctx);
    },
  },
  config,
);

const cpuBefore = process.cpuUsage();
const startedAt = performance.now();
const stats = await crawler.run(job.start.map((url) => ({ url, label: 'LIST' })));
const seconds = (performance.now() - startedAt) / 1000;
const cpu = process.cpuUsage(cpuBefore);
// Crawlee decodes by the HTTP header's charset (UTF-8 when it names none), so Hanweb's GBK pages come out garbled.
const garbled = articles.filter((a) => a.title.includes('\uFFFD')).length;
const result: CrawlResult = {
  seconds,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
  rssAtStartMb,
  articles: articles.length,
  requests: requestsByLabel,
  notes: [
    ...(stats.requestsFailed > 0 ? [`${stats.requestsFailed} requests failed`] : []),
    ...(garbled > 0 ? [`${garbled} titles garbled (GBK read as UTF-8)`] : []),
  ],
};
process.stdout.write(`result ${JSON.stringify(result)}\n`);

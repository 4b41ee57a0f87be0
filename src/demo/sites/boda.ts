import type { DemoColumn } from '../model.js';
import type { WorldPost } from '../world.js';
import { blocksHtml, esc, metaTags, pubDateTime, signatureHtml } from './html.js';
import { type DemoRequest, type DemoResponse, notFound, type SiteView } from './view.js';

// 博达 (VSB) style: xxgk/gsgg.htm is the newest page, older pages count down (gsgg/7.htm, gsgg/6.htm …),
// articles at info/<column>/<id>.htm with the body in div.v_news_content.
const PER_PAGE = 12;

function shell(view: SiteView, title: string, head: string, main: string): string {
  const nav = view.site.columns.map((c) => `<li><a href="${c.path}.htm">${esc(c.name)}</a></li>`).join('');
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
${head}
<meta name="description" content="${esc(view.site.name)}">
</head>
<body>
<div class="top"><h1>${esc(view.site.name)}</h1></div>
<ul class="nav"><li><a href="${view.site.prefix}index.htm">首页</a></li>${nav}</ul>
<div class="container">${main}</div>
<div class="foot">${esc(view.site.name)}　地址：河西街道办事处　<a href="${view.site.prefix}sitemap.htm">网站地图</a></div>
</body>
</html>`;
}

function pagePath(column: DemoColumn, page: number, pages: number): string {
  return page === 1 ? `${column.path}.htm` : `${column.path}/${pages - page + 1}.htm`;
}

function listPage(view: SiteView, column: DemoColumn, page: number): DemoResponse {
  const posts = view.visible(column.id);
  const pages = Math.max(1, Math.ceil(posts.length / PER_PAGE));
  if (page < 1 || page > pages) return notFound();
  const items = posts
    .slice((page - 1) * PER_PAGE, page * PER_PAGE)
    .map(
      (p) =>
        `<li id="line_u8_${p.seq % 100}"><a href="${p.url}" title="${esc(p.title)}">${esc(p.title)}</a><span>${p.publishedAt ?? ''}</span></li>`,
    );
  const links: string[] = [`共${posts.length}条&nbsp;&nbsp;${page}/${pages}&nbsp;`];
  if (page > 1)
    links.push(
      `<a href="${pagePath(column, 1, pages)}">首页</a>`,
      `<a href="${pagePath(column, page - 1, pages)}">上页</a>`,
    );
  if (page < pages)
    links.push(
      `<a href="${pagePath(column, page + 1, pages)}" class="Next">下页</a>`,
      `<a href="${pagePath(column, pages, pages)}">尾页</a>`,
    );
  const main = `<div class="lm">${esc(column.name)}</div><ul class="list">${items.join('\n')}</ul><div class="pb_sys_common">${links.join('&nbsp;')}</div>`;
  const head = metaTags({ SiteName: view.site.name, ColumnName: column.name, ColumnType: '信息公开' });
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: shell(view, `${column.name}-${view.site.name}`, head, main),
    lastModified: view.lastChange(posts),
  };
}

function articlePage(view: SiteView, post: WorldPost): DemoResponse {
  const a = view.article(post);
  const files = a.attachments
    .map((f) => `<li>附件【<a href="${esc(f.href)}" target="_blank">${esc(f.name)}</a>】</li>`)
    .join('');
  const head = metaTags({
    SiteName: view.site.name,
    ColumnName: a.columnName,
    ArticleTitle: a.composed.title,
    PubDate: a.publishedAt ? pubDateTime(a.publishedAt, a.minuteOfDay) : undefined,
    ContentSource: a.publisher,
  });
  const main = `<form name="_newscontent_fromname"><div class="article"><h1>${esc(a.composed.title)}</h1>
<div class="info">${a.publishedAt ? `时间：${a.publishedAt}&nbsp;&nbsp;` : ''}作者：&nbsp;&nbsp;来源：${esc(a.publisher)}&nbsp;&nbsp;点击数：<script>_showDynClicks("wbnews", ${post.seq % 99_999}, ${post.seq})</script></div>
<div id="vsb_content"><div class="v_news_content">
${blocksHtml(a.composed.blocks)}
${signatureHtml(a.composed.signature)}
</div></div>
${files ? `<ul style="list-style-type:none;">${files}</ul>` : ''}
</div></form>`;
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: shell(view, `${a.composed.title}-${view.site.name}`, head, main),
    lastModified: view.lastChange([post]),
  };
}

function homePage(view: SiteView): DemoResponse {
  const boxes = view.site.columns.map((c) => {
    const items = view
      .visible(c.id)
      .slice(0, 6)
      .map((p) => `<li><a href="${p.url}">${esc(p.title)}</a></li>`);
    return `<div class="box"><h3><a href="${c.path}.htm">${esc(c.name)}</a></h3><ul>${items.join('')}</ul></div>`;
  });
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: shell(view, view.site.name, '', boxes.join('\n')),
  };
}

/** Serves a 博达-style township site whose older list pages count down. */
export function handleBoda(view: SiteView, req: DemoRequest): DemoResponse | undefined {
  const { path } = req;
  if (path === view.site.prefix || path === `${view.site.prefix}index.htm`) return homePage(view);
  for (const column of view.site.columns) {
    if (path === `${column.path}.htm`) return listPage(view, column, 1);
    const older = new RegExp(`^${column.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(\\d+)\\.htm$`).exec(
      path,
    );
    if (older) {
      const pages = Math.max(1, Math.ceil(view.visible(column.id).length / PER_PAGE));
      return listPage(view, column, pages - Number(older[1]) + 1);
    }
  }
  const post = view.post(path);
  return post ? articlePage(view, post) : undefined;
}

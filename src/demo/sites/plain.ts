import type { DemoColumn } from '../model.js';
import type { WorldPost } from '../world.js';
import { blocksHtml, esc, signatureHtml } from './html.js';
import { type DemoRequest, type DemoResponse, notFound, type SiteView } from './view.js';

// A small county CMS of the kind many townships bought: News.aspx?ClassID=N&page=K lists with 下一页 links,
// Content-<id>.html articles, no standard <meta> tags, a one-line header under the title.
const PER_PAGE = 15;

function shell(view: SiteView, title: string, main: string): string {
  const nav = view.site.columns
    .map((c) => `<a href="${view.site.prefix}News.aspx?ClassID=${c.code}">${esc(c.name)}</a>`)
    .join('');
  return `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>${esc(title)}</title>
<link href="${view.site.prefix}css/style.css" rel="stylesheet" type="text/css" />
</head>
<body>
<div id="top"><div class="sitename">${esc(view.site.name)}</div></div>
<div id="menu"><a href="${view.site.prefix}index.html">网站首页</a>${nav}</div>
<div id="main">${main}</div>
<div id="foot">Copyright © ${esc(view.site.name)} 技术支持：县网络信息中心</div>
</body>
</html>`;
}

function listPage(view: SiteView, column: DemoColumn, page: number): DemoResponse {
  const posts = view.visible(column.id);
  const pages = Math.max(1, Math.ceil(posts.length / PER_PAGE));
  if (page > pages) return notFound();
  const rows = posts
    .slice((page - 1) * PER_PAGE, page * PER_PAGE)
    .map(
      (p) =>
        `<tr><td class="dot">·</td><td><a href="${p.url}" target="_blank">${esc(p.title)}</a></td><td class="time">[${p.publishedAt ?? ''}]</td></tr>`,
    );
  const link = (k: number, text: string) =>
    `<a href="${view.site.prefix}News.aspx?ClassID=${column.code}&page=${k}">${text}</a>`;
  const pager = [
    `共${posts.length}条 第${page}/${pages}页`,
    page > 1 ? link(1, '首页') : '首页',
    page > 1 ? link(page - 1, '上一页') : '上一页',
    page < pages ? link(page + 1, '下一页') : '下一页',
    page < pages ? link(pages, '尾页') : '尾页',
  ].join(' ');
  const main = `<div class="position">您现在的位置：<a href="${view.site.prefix}index.html">首页</a> &gt;&gt; ${esc(column.name)}</div>
<table class="newslist" width="100%">${rows.join('\n')}</table>
<div class="pager">${pager}</div>`;
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: shell(view, `${column.name}-${view.site.name}`, main),
    lastModified: view.lastChange(posts),
  };
}

function articlePage(view: SiteView, post: WorldPost): DemoResponse {
  const a = view.article(post);
  const files = a.attachments.map((f) => `<br /><a href="${esc(f.href)}">附件：${esc(f.name)}</a>`).join('');
  const main = `<div class="position">您现在的位置：<a href="${view.site.prefix}index.html">首页</a> &gt;&gt; ${esc(a.columnName)} &gt;&gt; 正文</div>
<div class="show_title">${esc(a.composed.title)}</div>
<div class="show_info">${a.publishedAt ? `发布时间：${a.publishedAt} ${String(Math.floor(a.minuteOfDay / 60)).padStart(2, '0')}:${String(a.minuteOfDay % 60).padStart(2, '0')}　` : ''}来源：${esc(a.publisher)}　浏览：${(post.seq % 900) + 37}次</div>
<div class="show_content">
${blocksHtml(a.composed.blocks)}
${signatureHtml(a.composed.signature)}
${files}
</div>`;
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: shell(view, `${a.composed.title}-${view.site.name}`, main),
    lastModified: view.lastChange([post]),
  };
}

function homePage(view: SiteView): DemoResponse {
  const boxes = view.site.columns.map((c) => {
    const items = view
      .visible(c.id)
      .slice(0, 8)
      .map(
        (p) =>
          `<li><a href="${p.url}">${esc(p.title)}</a> <span>${(p.publishedAt ?? '').slice(5)}</span></li>`,
      );
    return `<div class="box"><h3>${esc(c.name)}<a href="${view.site.prefix}News.aspx?ClassID=${c.code}">more</a></h3><ul>${items.join('')}</ul></div>`;
  });
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: shell(view, view.site.name, boxes.join('\n')),
  };
}

/** Serves a small township CMS with query-string lists and 下一页 links. */
export function handlePlain(view: SiteView, req: DemoRequest): DemoResponse | undefined {
  const { path } = req;
  if (path === view.site.prefix || path === `${view.site.prefix}index.html`) return homePage(view);
  if (path === `${view.site.prefix}News.aspx`) {
    const column = view.site.columns.find((c) => String(c.code) === req.query.get('ClassID'));
    return column
      ? listPage(view, column, Math.max(1, Number(req.query.get('page') ?? '1') || 1))
      : notFound();
  }
  const post = view.post(path);
  return post ? articlePage(view, post) : undefined;
}

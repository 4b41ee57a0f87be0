import type { PostList } from '../fillers.js';
import type { WorldPost } from '../world.js';
import { blocksHtml, esc, metaTags, pubDateTime, signatureHtml } from './html.js';
import { type DemoRequest, type DemoResponse, notFound, type SiteView } from './view.js';

// A Guangdong-style 政府信息公开 platform (gkmlpt): the list page is an empty shell whose script fetches
// /gkmlpt/api/all/<column>?page=N&sid=<site> and draws the list, so only a browser or the JSON reveals it.
const PER_PAGE = 10;
const SITE_SID = 1301;

const unixSeconds = (date: string, minuteOfDay: number) =>
  Date.parse(`${date}T00:00:00+08:00`) / 1000 + minuteOfDay * 60;

function listShell(view: SiteView): DemoResponse {
  const tree = [{ id: 0, name: '全部' }, ...view.site.columns.map((c) => ({ id: c.code, name: c.name }))];
  const body = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>政府信息公开 - ${esc(view.site.name)}</title>
${metaTags({ SiteName: view.site.name, SiteDomain: `${view.site.id}.smxsfq.gov.cn`, SiteIDCode: '4112000052', ColumnName: '政府信息公开', ColumnType: '信息公开目录' })}
</head>
<body>
<div class="gkml-header">${esc(view.site.name)} 政府信息公开</div>
<div class="gkml-tree" id="tree"></div>
<div class="gkml-list"><ul id="list"><li class="loading">正在加载…</li></ul><div id="pager"></div></div>
<script>
var TREE = ${JSON.stringify(tree)};
var SID = ${SITE_SID};
(function () {
  var tree = document.getElementById('tree');
  var list = document.getElementById('list');
  var pager = document.getElementById('pager');
  var current = location.hash.slice(1) | 0;
  tree.innerHTML = TREE.map(function (c) { return '<a href="#' + c.id + '" data-id="' + c.id + '">' + c.name + '</a>'; }).join(' ');
  function load(column, page) {
    fetch('${view.site.prefix}gkmlpt/api/all/' + column + '?page=' + page + '&sid=' + SID)
      .then(function (r) { return r.json(); })
      .then(function (data) {
        list.innerHTML = data.articles.map(function (a) {
          return '<li><a href="' + a.url + '" target="_blank">' + a.title + '</a><span>' + a.display_publish_time + '</span></li>';
        }).join('');
        var pages = Math.ceil(data.total / ${PER_PAGE});
        pager.innerHTML = page < pages ? '<a href="#" id="next">下一页</a>' : '';
        var next = document.getElementById('next');
        if (next) next.onclick = function (e) { e.preventDefault(); load(column, page + 1); };
      });
  }
  window.addEventListener('hashchange', function () { load(location.hash.slice(1) | 0, 1); });
  load(current, 1);
})();
</script>
</body>
</html>`;
  return { status: 200, contentType: 'text/html; charset=utf-8', body };
}

// Column 0 is 全部: every column's posts, newest first, as the platform's default view.
function postsOf(view: SiteView, code: string): PostList | undefined {
  if (code === '0') {
    return view.site.columns
      .flatMap((c) => view.visible(c.id).slice())
      .sort(
        (a, b) => (b.publishedAt ?? b.appearsAt).localeCompare(a.publishedAt ?? a.appearsAt) || b.seq - a.seq,
      );
  }
  const column = view.site.columns.find((c) => String(c.code) === code);
  return column ? view.visible(column.id) : undefined;
}

function api(view: SiteView, code: string, page: number): DemoResponse {
  const posts = postsOf(view, code);
  if (!posts) return { status: 404, contentType: 'application/json', body: '{"code":404,"msg":"not found"}' };
  const articles = posts.slice((page - 1) * PER_PAGE, page * PER_PAGE).map((p) => {
    const a = view.article(p);
    const time = unixSeconds(p.publishedAt ?? p.appearsAt, a.minuteOfDay);
    return {
      id: p.seq,
      identifier: a.indexNo,
      publisher: a.publisher,
      title: p.title,
      url: p.url,
      post_url: p.url,
      created_at: unixSeconds(p.appearsAt, a.minuteOfDay),
      first_publish_time: time,
      display_publish_time: p.publishedAt ?? '',
      document_number: a.refNo ?? '',
    };
  });
  const body = JSON.stringify({ articles, total: posts.length, page, sid: SITE_SID, column: Number(code) });
  return {
    status: 200,
    contentType: 'application/json; charset=utf-8',
    body,
    lastModified: view.lastChange(posts),
  };
}

function articlePage(view: SiteView, post: WorldPost): DemoResponse {
  const a = view.article(post);
  const detail = {
    id: post.seq,
    title: a.composed.title,
    publisher: a.publisher,
    identifier: a.indexNo,
    document_number: a.refNo ?? '',
    date: a.publishedAt,
  };
  const rows = [
    ['索引号', a.indexNo],
    ['分类', '扶贫'],
    ['发布机构', a.publisher],
    ['成文日期', a.formedAt ?? ''],
    ['名称', a.composed.title],
    ['文号', a.refNo ?? ''],
    ['发布日期', a.publishedAt ?? ''],
  ];
  const files = a.attachments.map((f) => `<li><a href="${esc(f.href)}">${esc(f.name)}</a></li>`).join('');
  const body = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(a.composed.title)}</title>
${metaTags({ SiteName: view.site.name, SiteIDCode: '4112000052', ColumnName: a.columnName, ArticleTitle: a.composed.title, PubDate: a.publishedAt ? pubDateTime(a.publishedAt, a.minuteOfDay) : undefined, ContentSource: a.publisher })}
<script>window.__INITIAL__ = { DETAIL: ${JSON.stringify(detail)}, TREE: [] };</script>
</head>
<body>
<div class="nfw-cms-classify"><table class="classify">${rows.map(([k, v]) => `<tr><td class="td-label">${k}：</td><td class="td-value">${esc(v ?? '')}</td></tr>`).join('')}</table></div>
<div class="nfw-cms-article">
<h1 class="title">${esc(a.composed.title)}</h1>
<div class="article-content nfw-cms-content">
${blocksHtml(a.composed.blocks)}
${signatureHtml(a.composed.signature)}
</div>
${files ? `<div class="nfw-cms-attachment"><p>附件：</p><ul>${files}</ul></div>` : ''}
</div>
</body>
</html>`;
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body,
    lastModified: view.lastChange([post]),
  };
}

/** Serves a gkmlpt-style township disclosure platform whose lists exist only as JSON. */
export function handleGkmlpt(view: SiteView, req: DemoRequest): DemoResponse | undefined {
  const { path } = req;
  if (
    path === view.site.prefix ||
    path === `${view.site.prefix}index.html` ||
    path === `${view.site.prefix}gkmlpt/index`
  ) {
    return listShell(view);
  }
  const apiMatch = /gkmlpt\/api\/all\/(\d+)$/.exec(path);
  if (apiMatch)
    return api(view, apiMatch[1] as string, Math.max(1, Number(req.query.get('page') ?? '1') || 1));
  if (path.endsWith('gkmlpt/api/tree')) {
    return {
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify(view.site.columns.map((c) => ({ id: c.code, name: c.name }))),
    };
  }
  const post = view.post(path);
  if (post) return articlePage(view, post);
  return path.startsWith(`${view.site.prefix}gkmlpt/`) ? notFound() : undefined;
}

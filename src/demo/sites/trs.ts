import type { DemoColumn } from '../model.js';
import type { WorldPost } from '../world.js';
import { blocksHtml, esc, metaTags, pubDateTime, signatureHtml } from './html.js';
import { type DemoRequest, type DemoResponse, notFound, type SiteView } from './view.js';

// TRS WCM style: column folders, index.html / index_N.html lists paged by createPageHTML, tYYYYMMDD_id articles.
const PER_PAGE = 12;
const SITE_DOMAIN = 'www.smxsfq.gov.cn';
const SITE_ID_CODE = '4112000033';

const sectionOf = (column: DemoColumn) => column.path.replace(/[^/]+\/$/, '');

function shell(view: SiteView, title: string, head: string, main: string): string {
  const sections = [...new Set(view.site.columns.map(sectionOf))];
  const nav = sections
    .map((s) => `<li><a href="${s}index.html">${esc(sectionName(view, s))}</a></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>${esc(title)}</title>
${head}
<link rel="stylesheet" href="/images/common.css">
</head>
<body>
<div class="header"><div class="logo"><a href="/index.html">${esc(view.site.name)}</a></div>
<div class="search"><form action="/was5/web/search" method="get"><input name="searchword" placeholder="请输入关键字"><button>搜索</button></form></div></div>
<div class="nav"><ul><li><a href="/index.html">首页</a></li>${nav}</ul></div>
<div class="main">
${main}
</div>
<div class="footer"><p>主办：${esc(view.site.name)}管理委员会办公室　网站标识码：${SITE_ID_CODE}　豫ICP备12001234号</p><p>豫公网安备 41120202000123号　技术支持：拓尔思信息技术股份有限公司</p></div>
</body>
</html>`;
}

function sectionName(view: SiteView, section: string): string {
  const names: Record<string, string> = {
    '/fpzl/': '扶贫专栏',
    '/czj/': '区财政局',
    '/bm/jtj/': '区交通运输局',
    '/bm/slj/': '区水利局',
    '/bm/jyj/': '区教育局',
    '/xwzx/': '新闻中心',
  };
  return names[section] ?? view.site.name;
}

function listItem(post: WorldPost, column: DemoColumn): string {
  const href = `./${post.url.slice(column.path.length)}`;
  return `<li><a href="${esc(href)}" target="_blank" title="${esc(post.title)}">${esc(post.title)}</a><span class="date">${post.publishedAt ?? ''}</span></li>`;
}

function columnPage(view: SiteView, column: DemoColumn, page: number): DemoResponse | undefined {
  const posts = view.visible(column.id);
  const pages = Math.max(1, Math.ceil(posts.length / PER_PAGE));
  if (page >= pages) return undefined;
  const items = posts.slice(page * PER_PAGE, (page + 1) * PER_PAGE).map((p) => listItem(p, column));
  const main = `<div class="location">当前位置：<a href="/index.html">首页</a> &gt; <a href="${sectionOf(column)}index.html">${esc(sectionName(view, sectionOf(column)))}</a> &gt; ${esc(column.name)}</div>
<div class="list_box"><h2>${esc(column.name)}</h2>
<ul class="list_ul">
${items.join('\n')}
</ul>
<script src="/images/createPageHTML.js"></script>
<div class="page"><script type="text/javascript">
var currentPage = ${page};//所在页从0开始
var countPage = ${pages}//共多少页
createPageHTML(countPage, currentPage, "index", "html");
</script></div></div>`;
  const head = metaTags({
    SiteName: view.site.name,
    SiteDomain: SITE_DOMAIN,
    SiteIDCode: SITE_ID_CODE,
    ColumnName: column.name,
    ColumnType: '信息公开，扶贫领域',
    ColumnDescription: `${column.name}栏目`,
    ColumnKeywords: `扶贫,${column.name}`,
  });
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: shell(view, `${column.name}_${view.site.name}`, head, main),
    lastModified: view.lastChange(posts),
  };
}

function sectionPage(view: SiteView, section: string): DemoResponse | undefined {
  const columns = view.site.columns.filter((c) => sectionOf(c) === section);
  if (columns.length === 0) return undefined;
  const boxes = columns.map((column) => {
    const items = view
      .visible(column.id)
      .slice(0, 7)
      .map((p) => listItem(p, column).replace('href="./', `href="${column.path}`));
    return `<div class="col_box"><h3><a href="${column.path}index.html">${esc(column.name)}</a><a class="more" href="${column.path}index.html">更多&gt;&gt;</a></h3><ul>${items.join('')}</ul></div>`;
  });
  const main = `<div class="section"><h2>${esc(sectionName(view, section))}</h2>${boxes.join('\n')}</div>`;
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: shell(view, `${sectionName(view, section)}_${view.site.name}`, '', main),
  };
}

function articlePage(view: SiteView, post: WorldPost): DemoResponse {
  const a = view.article(post);
  const header = [
    ['索引号', a.indexNo],
    ['主题分类', '扶贫'],
    ['发布机构', a.publisher],
    ['成文日期', a.formedAt ?? ''],
    ['文号', a.refNo ?? ''],
    ['发布日期', a.publishedAt ?? ''],
  ];
  const table = `<div class="xxgk_table"><table><tr>${header
    .slice(0, 2)
    .map(([k, v]) => `<th>${k}：</th><td>${esc(v ?? '')}</td>`)
    .join('')}</tr><tr>${header
    .slice(2, 4)
    .map(([k, v]) => `<th>${k}：</th><td>${esc(v ?? '')}</td>`)
    .join('')}</tr><tr>${header
    .slice(4, 6)
    .map(([k, v]) => `<th>${k}：</th><td>${esc(v ?? '')}</td>`)
    .join('')}</tr><tr><th>名　　称：</th><td colspan="3">${esc(a.composed.title)}</td></tr></table></div>`;
  const attachments = a.attachments.length
    ? `<div class="fj"><p>附件：</p>${a.attachments.map((f, i) => `<p><a href="./${esc(f.href.slice(f.href.lastIndexOf('/') + 1))}" OLDSRC="/protect/P0${i}.${f.name.split('.').pop()}">${i + 1}.${esc(f.name)}</a></p>`).join('')}</div>`
    : '';
  const head = metaTags({
    SiteName: view.site.name,
    SiteDomain: SITE_DOMAIN,
    SiteIDCode: SITE_ID_CODE,
    ColumnName: a.columnName,
    ColumnType: '信息公开，扶贫领域',
    ArticleTitle: a.composed.title,
    PubDate: a.publishedAt ? pubDateTime(a.publishedAt, a.minuteOfDay) : undefined,
    ContentSource: a.publisher,
    Url: `http://${SITE_DOMAIN}${post.url}`,
  });
  const main = `<div class="location">当前位置：<a href="/index.html">首页</a> &gt; ${esc(a.columnName)}</div>
${table}
<div class="article"><h1 class="article-title">${esc(a.composed.title)}</h1>
<div class="article-info">${a.publishedAt ? `发布时间：${a.publishedAt}　` : ''}来源：${esc(a.publisher)}　【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</div>
<div class="TRS_Editor">
${blocksHtml(a.composed.blocks)}
${signatureHtml(a.composed.signature)}
</div>
${attachments}
</div>`;
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: shell(view, `${a.composed.title}_${a.columnName}`, head, main),
    lastModified: view.lastChange([post]),
  };
}

/** Serves a TRS-style site: the portal (and 扶贫专栏, departments) or a township subsite. */
export function handleTrs(view: SiteView, req: DemoRequest): DemoResponse | undefined {
  const path = req.path;
  const post = view.post(path);
  if (post) return articlePage(view, post);
  const list = /^(.*\/)index(?:_(\d+))?\.html$/.exec(path);
  if (list) {
    const folder = list[1] as string;
    const column = view.site.columns.find((c) => c.path === folder);
    if (column) return columnPage(view, column, list[2] ? Number(list[2]) : 0) ?? notFound();
    return sectionPage(view, folder) ?? (folder === view.site.prefix ? homePage(view) : undefined);
  }
  return path === view.site.prefix ? homePage(view) : undefined;
}

function homePage(view: SiteView): DemoResponse {
  const sections = [...new Set(view.site.columns.map(sectionOf))];
  const boxes = sections.map((section) => {
    const latest = view.site.columns
      .filter((c) => sectionOf(c) === section)
      .flatMap((c) =>
        view
          .visible(c.id)
          .slice(0, 3)
          .map((p) => listItem(p, c).replace('href="./', `href="${c.path}`)),
      );
    return `<div class="col_box"><h3><a href="${section}index.html">${esc(sectionName(view, section))}</a></h3><ul>${latest.join('')}</ul></div>`;
  });
  const main = `<div class="banner">${esc(view.site.name)}人民政府门户网站</div>${boxes.join('\n')}`;
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: shell(view, view.site.name, '', main),
  };
}

import type { DemoColumn } from '../model.js';
import { createRng, hashKeys } from '../random.js';
import type { WorldPost } from '../world.js';
import { blocksHtml, esc, metaTags, pubDateTime, signatureHtml } from './html.js';
import { type DemoRequest, type DemoResponse, notFound, type SiteView } from './view.js';

// Hanweb JCMS (大汉) style, served in GBK with no charset in the HTTP header: column pages embed their first
// records in a <datastore> script block; the rest come from module/web/jpage/dataproxy.jsp as XML.
const EMBEDDED = 15;
const PER_PAGE = 15;
const GBK = 'text/html';

function record(post: WorldPost): string {
  return `<record><![CDATA[\n<li><a href="${post.url}" target="_blank" title="${esc(post.title)}">${esc(post.title)}</a><span class="bt-data-time">${post.publishedAt ?? ''}</span></li>\n]]></record>`;
}

function shell(view: SiteView, title: string, head: string, main: string, withCharset = true): string {
  const nav = view.site.columns.map((c) => `<a href="${c.path}index.html">${esc(c.name)}</a>`).join(' | ');
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
${withCharset ? '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />\n' : ''}<title>${esc(title)}</title>
${head}
<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script>
</head>
<body>
<table width="1000" align="center" class="top"><tr><td><img src="${view.site.prefix}images/banner.jpg" alt="${esc(view.site.name)}" /></td></tr></table>
<table width="1000" align="center" class="daohang"><tr><td><a href="${view.site.prefix}index.html">首页</a> | ${nav}</td></tr></table>
${main}
<table width="1000" align="center" class="bottom"><tr><td>${esc(view.site.name)} 版权所有　地址：${esc(view.site.name.replace('人民政府网', ''))}政府院内　电话：0398-2861234</td></tr></table>
</body>
</html>
<!-- Produced By 大汉网络 大汉版通发布系统 -->`;
}

function columnPage(view: SiteView, column: DemoColumn): DemoResponse {
  const posts = view.visible(column.id);
  const embedded = posts.slice(0, EMBEDDED).map(record).join('\n');
  const params = `{col:1,appid:1,webid:${(column.code % 7) + 2},path:'${view.site.prefix}',columnid:${column.code},sourceContentType:1,unitid:'${40_000 + column.code}',webname:'${view.site.name}',permissiontype:0}`;
  const main = `<table width="1000" align="center"><tr><td class="lm_title">${esc(column.name)}</td></tr>
<tr><td><div id="${40_000 + column.code}"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="${view.site.prefix}module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=2&path=${view.site.prefix}&columnid=${column.code}&unitid=${40_000 + column.code}&webname=${encodeURIComponent(view.site.name)}&permissiontype=0"></a>]]></nextgroup>
<recordset>
${embedded}
</recordset>
</datastore></script><script language="javascript" src="/module/web/jpage/dataproxy.js"></script><script>var totalRecord = ${posts.length}; var dataParams = ${params};</script></div></td></tr></table>`;
  const head = metaTags({
    SiteName: view.site.name,
    SiteDomain: `${view.site.id}.smxsfq.gov.cn`,
    SiteIDCode: '4112000041',
    ColumnName: column.name,
    ColumnType: '信息公开',
  });
  return {
    status: 200,
    contentType: GBK,
    body: shell(view, `${column.name} - ${view.site.name}`, head, main),
    encoding: 'gbk',
    lastModified: view.lastChange(posts),
  };
}

function dataproxy(view: SiteView, req: DemoRequest): DemoResponse {
  const params = new URLSearchParams(req.body);
  for (const [k, v] of req.query) if (!params.has(k)) params.set(k, v);
  const column = view.site.columns.find((c) => String(c.code) === params.get('columnid'));
  if (!column)
    return {
      status: 200,
      contentType: 'text/xml',
      body: '<?xml version="1.0" encoding="GB2312"?><datastore><totalrecord>0</totalrecord></datastore>',
      encoding: 'gbk',
    };
  const posts = view.visible(column.id);
  const start = Math.max(1, Number(params.get('startrecord') ?? '1') || 1);
  const end = Math.min(
    posts.length,
    Number(params.get('endrecord') ?? String(start + EMBEDDED - 1)) || start,
  );
  const perpage = Number(params.get('perpage') ?? PER_PAGE) || PER_PAGE;
  const records = posts
    .slice(start - 1, end)
    .map(record)
    .join('\n');
  const body = `<?xml version="1.0" encoding="GB2312"?>
<datastore>
<totalrecord>${posts.length}</totalrecord>
<totalpage>${Math.ceil(posts.length / perpage)}</totalpage>
<recordset>
${records}
</recordset>
</datastore>`;
  return {
    status: 200,
    contentType: 'text/xml',
    body,
    encoding: 'gbk',
    lastModified: view.lastChange(posts),
  };
}

function articlePage(view: SiteView, post: WorldPost): DemoResponse {
  const a = view.article(post);
  const r = createRng(hashKeys(view.world.seed, 'hanweb', post.id));
  const head = metaTags({
    SiteName: view.site.name,
    SiteDomain: `${view.site.id}.smxsfq.gov.cn`,
    SiteIDCode: '4112000041',
    ColumnName: a.columnName,
    ArticleTitle: a.composed.title,
    PubDate: a.publishedAt ? pubDateTime(a.publishedAt, a.minuteOfDay) : undefined,
    ContentSource: a.publisher,
  });
  const files = a.attachments.map((f) => `<p><a href="${esc(f.href)}">${esc(f.name)}</a></p>`).join('');
  const main = `<table width="1000" align="center" class="article"><tr><td class="title" align="center">${esc(a.composed.title)}</td></tr>
<tr><td class="info" align="center">${a.publishedAt ? `发布日期：${a.publishedAt}　` : ''}浏览次数：<script language="javascript" src="/module/visitcount/articlehits.jsp?colid=${post.columnId.length}&artid=${post.seq}"></script>　信息来源：${esc(a.publisher)}</td></tr>
<tr><td><div id="zoom">
${blocksHtml(a.composed.blocks)}
${signatureHtml(a.composed.signature)}
${files ? `<p>附件：</p>${files}` : ''}
</div></td></tr></table>`;
  // Some Hanweb article templates omit the charset meta; the crawler must still decode GBK.
  const withCharset = r.chance(0.7);
  return {
    status: 200,
    contentType: GBK,
    body: shell(view, a.composed.title, head, main, withCharset),
    encoding: 'gbk',
    lastModified: view.lastChange([post]),
  };
}

function homePage(view: SiteView): DemoResponse {
  const boxes = view.site.columns.map((c) => {
    const items = view
      .visible(c.id)
      .slice(0, 6)
      .map((p) => `<li><a href="${p.url}">${esc(p.title)}</a><span>${p.publishedAt ?? ''}</span></li>`);
    return `<div class="box"><div class="box_title"><a href="${c.path}index.html">${esc(c.name)}</a></div><ul>${items.join('')}</ul></div>`;
  });
  return {
    status: 200,
    contentType: GBK,
    body: shell(view, view.site.name, '', boxes.join('\n')),
    encoding: 'gbk',
  };
}

/** Serves a Hanweb-style township site in GBK. */
export function handleHanweb(view: SiteView, req: DemoRequest): DemoResponse | undefined {
  const { path } = req;
  if (path === view.site.prefix || path === `${view.site.prefix}index.html`) return homePage(view);
  if (path === `${view.site.prefix}module/web/jpage/dataproxy.jsp`) return dataproxy(view, req);
  const col = /\/col\/col(\d+)\/index\.html$/.exec(path);
  if (col) {
    const column = view.site.columns.find((c) => String(c.code) === col[1]);
    return column ? columnPage(view, column) : notFound();
  }
  const post = view.post(path);
  return post ? articlePage(view, post) : undefined;
}

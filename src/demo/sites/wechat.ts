import type { WorldPost } from '../world.js';
import { blocksHtml, esc, signatureHtml } from './html.js';
import type { DemoRequest, DemoResponse, SiteView } from './view.js';

// WeChat official accounts seen through a feed bridge: an RSS 2.0 or Atom feed of the latest entries, and
// article pages (mp.weixin.qq.com/s/…) whose publish time is only in the inline script variable `ct`.
const FEED_LENGTH = 30;

const unixSeconds = (date: string, minuteOfDay: number) =>
  Date.parse(`${date}T00:00:00+08:00`) / 1000 + minuteOfDay * 60;

function rfc822(seconds: number): string {
  const d = new Date((seconds + 8 * 3600) * 1000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0800`;
}

function isoSeconds(seconds: number): string {
  return new Date((seconds + 8 * 3600) * 1000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

function entries(view: SiteView): { post: WorldPost; seconds: number; summary: string }[] {
  const column = view.site.columns[0];
  if (!column) return [];
  return view
    .visible(column.id)
    .slice(0, FEED_LENGTH)
    .map((post) => {
      const a = view.article(post);
      const first = a.composed.blocks.find((b) => b.kind === 'p');
      return {
        post,
        seconds: unixSeconds(post.publishedAt ?? post.appearsAt, a.minuteOfDay),
        summary: first?.kind === 'p' ? first.text.slice(0, 80) : '',
      };
    });
}

function rss(view: SiteView, origin: string): string {
  const items = entries(view).map(
    (e) => `<item>
<title><![CDATA[${e.post.title}]]></title>
<link>${origin}${e.post.url}</link>
<guid isPermaLink="false">${e.post.url.slice(6)}</guid>
<pubDate>${rfc822(e.seconds)}</pubDate>
<description><![CDATA[${e.summary}]]></description>
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>${esc(view.site.name)}</title>
<link>${origin}${view.site.prefix}</link>
<description>${esc(view.site.name)} 微信公众号文章（由订阅桥接服务生成）</description>
<language>zh-cn</language>
${items.join('\n')}
</channel>
</rss>`;
}

function atom(view: SiteView, origin: string): string {
  const list = entries(view);
  // The bridge stamps entries when it saw them (hours later); only the article page knows the real time.
  const seen = (s: number) => isoSeconds(s + 5 * 3600);
  const updated = list[0] ? seen(list[0].seconds) : `${view.today}T00:00:00+08:00`;
  const items = list.map(
    (e) => `<entry>
<title>${esc(e.post.title)}</title>
<link rel="alternate" href="${origin}${e.post.url}"/>
<id>urn:wechat:${e.post.url.slice(6)}</id>
<updated>${seen(e.seconds)}</updated>
<summary>${esc(e.summary)}</summary>
</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${esc(view.site.name)}</title>
<id>urn:wechat:account:${view.site.id}</id>
<link rel="self" href="${origin}${view.site.prefix}"/>
<updated>${updated}</updated>
${items.join('\n')}
</feed>`;
}

function articlePage(view: SiteView, post: WorldPost): DemoResponse {
  const a = view.article(post);
  const seconds = unixSeconds(post.publishedAt ?? post.appearsAt, a.minuteOfDay);
  const inlineTables = a.composed.attachments.map((f) => ({ kind: 'table' as const, rows: f.rows }));
  const body = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1.0,maximum-scale=1.0,user-scalable=0">
<meta property="og:title" content="${esc(a.composed.title)}">
<meta property="og:type" content="article">
<title>${esc(a.composed.title)}</title>
<style>
body{margin:0;background:#fff;font-family:-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;color:#333}
.rich_media_area_primary{padding:20px 16px;max-width:677px;margin:0 auto}
.rich_media_title{font-size:22px;line-height:1.4;margin:0 0 14px;font-weight:500}
.rich_media_meta_list{font-size:15px;color:rgba(0,0,0,.3);margin-bottom:22px}
#js_name{color:#576b95;text-decoration:none;margin-right:8px}
.rich_media_content{font-size:17px;line-height:1.75;letter-spacing:.5px}
.rich_media_content table{border-collapse:collapse;font-size:13px;width:100%}.rich_media_content td{border:1px solid #ddd;padding:4px}
</style>
</head>
<body id="activity-detail" class="zh_CN">
<div class="rich_media_inner"><div id="page-content" class="rich_media_area_primary">
<h1 class="rich_media_title" id="activity-name">${esc(a.composed.title)}</h1>
<div id="meta_content" class="rich_media_meta_list"><span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" id="js_name">${esc(view.site.name)}</a></span> <em id="publish_time" class="rich_media_meta rich_media_meta_text"></em></div>
<div class="rich_media_content" id="js_content" style="visibility: hidden;">
${blocksHtml([...a.composed.blocks, ...inlineTables], { indent: false })}
${signatureHtml(a.composed.signature)}
</div></div></div>
<script type="text/javascript">
var nickname = "${esc(view.site.name)}";
var msg_title = '${esc(a.composed.title)}';
var ct = "${seconds}";
var publish_time = "" || "";
var d = new Date((+ct + 8 * 3600) * 1000);
document.getElementById('publish_time').textContent = d.getUTCFullYear() + '年' + (d.getUTCMonth() + 1) + '月' + d.getUTCDate() + '日';
document.getElementById('js_content').style.visibility = 'visible';
</script>
</body>
</html>`;
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body,
    lastModified: view.lastChange([post]),
  };
}

/** Serves a WeChat-like account's feed (RSS 2.0 or Atom) and its article pages. */
export function handleWechat(
  view: SiteView,
  req: DemoRequest & { origin: string },
): DemoResponse | undefined {
  if (req.path === view.site.prefix) {
    const column = view.site.columns[0];
    const body = view.site.kind === 'rss' ? rss(view, req.origin) : atom(view, req.origin);
    const type =
      view.site.kind === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8';
    return {
      status: 200,
      contentType: type,
      body,
      ...(column ? { lastModified: view.lastChange(view.visible(column.id)) } : {}),
    };
  }
  const post = view.post(req.path);
  return post ? articlePage(view, post) : undefined;
}

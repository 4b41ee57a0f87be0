import type { Catalog } from '../../catalog/index.js';

/** A catalog item as people name it: 6. 财政专项扶贫资金分配结果 */
export function itemLabel(catalog: Catalog, id: string): string {
  const item = catalog.items.find((i) => i.id === id);
  return item ? `${item.no}. ${item.name}` : id;
}

/** The URL when it is http(s), else undefined: crawled text decides what a link may point at. */
export function webUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link to a crawled page (never followed for ranking, no referrer); other schemes are shown as text. */
export function CrawledLink(props: { url: string | null | undefined; children?: unknown }) {
  const href = webUrl(props.url);
  const label = props.children ?? props.url ?? '';
  return href ? (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank">
      {label}
    </a>
  ) : (
    <span class="mono">{label}</span>
  );
}

/** Long digit runs (ID, bank card, mobile numbers) in crawled snippets shown as 411***********12. */
export const maskNumbers = (text: string): string =>
  text.replace(/\d{11,}[\dXx]?/g, (run) => `${run.slice(0, 3)}${'*'.repeat(run.length - 5)}${run.slice(-2)}`);

export const PRIVACY_ZH: Record<string, string> = {
  id_number: '身份证号',
  bank_card: '银行卡号',
  mobile: '手机号码',
};

export const SOURCE_KIND_ZH: Record<string, string> = {
  website: '网站栏目',
  feed: '订阅源',
  offline: '线下',
};

export const RUN_STATUS_ZH: Record<string, string> = {
  running: '进行中',
  ok: '成功',
  partial: '部分成功',
  failed: '失败',
  interrupted: '已中断',
  missed: '错过（程序未运行）',
};

export const RUN_TRIGGER_ZH: Record<string, string> = {
  manual: '手动',
  schedule: '定时',
  'catch-up': '补抓',
  resume: '续抓',
};

/** Crawl error reasons (fetch failures and the crawl's own) in Chinese. */
export const CRAWL_ERROR_ZH: Record<string, string> = {
  network: '网络连接失败',
  dns: '域名解析失败',
  timeout: '请求超时',
  server_error: '网站服务器错误（5xx）',
  too_many_requests: '请求过于频繁被限流（429）',
  request_timeout: '网站报告请求超时（408）',
  robots_unavailable: '无法读取 robots.txt',
  page_crashed: '页面渲染崩溃',
  browser_crashed: '浏览器崩溃',
  client_error: '页面不存在或拒绝访问（4xx）',
  too_large: '页面过大',
  too_many_redirects: '重定向次数过多',
  redirect_loop: '重定向循环',
  bad_redirect: '无效的重定向',
  robots_disallowed: 'robots.txt 禁止抓取',
  out_of_scope: '超出抓取范围（已跳过）',
  private_address: '内网地址（已拒绝）',
  unsupported_scheme: '不支持的网址协议',
  invalid_url: '无效网址',
  browser_missing: '未安装浏览器（Chromium）',
  visit_failed: '页面处理失败',
  feed_failed: '订阅源无法解析',
};

export const crawlErrorZh = (reason: string): string => CRAWL_ERROR_ZH[reason] ?? reason;

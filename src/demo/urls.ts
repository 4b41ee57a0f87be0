import type { DemoColumn, DemoPost, DemoSite } from './model.js';
import { hashKeys } from './random.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** The article URL path a CMS of this kind gives a post, from its column, date and sequence number. */
export function articlePath(
  site: DemoSite,
  column: DemoColumn,
  post: Pick<DemoPost, 'seq' | 'appearsAt' | 'id'>,
): string {
  const [y, m, d] = post.appearsAt.split('-') as [string, string, string];
  switch (site.kind) {
    case 'trs':
      return `${column.path}${y}${m}/t${y}${m}${d}_${post.seq}.html`;
    case 'hanweb':
      return `${site.prefix}art/${y}/${Number(m)}/${Number(d)}/art_${column.code}_${post.seq}.html`;
    case 'gkmlpt':
      return `${site.prefix}gkmlpt/content/0/${column.code}/post_${post.seq}.html`;
    case 'plain':
      return `${site.prefix}Content-${post.seq}.html`;
    case 'boda':
      return `${site.prefix}info/${column.code}/${post.seq}.htm`;
    case 'rss':
    case 'atom':
      return `/mp/s/${wechatToken(post.id)}`;
  }
}

/** A WeChat-like article token (`mp.weixin.qq.com/s/<token>`), stable per post. */
export function wechatToken(postId: string): string {
  const a = hashKeys('wx', postId).toString(36);
  const b = hashKeys('wx2', postId).toString(36);
  const c = hashKeys('wx3', postId).toString(36);
  return `${a}${b}${c}`.slice(0, 22).padEnd(22, 'x');
}

/** The path of an attachment of a post, TRS-style `P0YYYYMMDD…` names or the CMS's upload folder. */
export function attachmentPath(
  articlePathname: string,
  post: Pick<DemoPost, 'seq' | 'appearsAt'>,
  index: number,
  format: string,
): string {
  const folder = articlePathname.slice(0, articlePathname.lastIndexOf('/') + 1);
  const stamp = post.appearsAt.replaceAll('-', '');
  return `${folder}P0${stamp}${pad(post.seq % 100)}${String(post.seq).padStart(6, '0')}${index + 1}.${format}`;
}

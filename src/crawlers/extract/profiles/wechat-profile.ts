import type { CmsProfile } from '../cms-profile.js';

const TOKEN = /^\/s\/([\w-]{8,})$/;

/** WeChat official-account articles: `mp.weixin.qq.com/s?__biz=…&sn=…` or `/s/<token>`, body `#js_content`. */
export const wechatProfile: CmsProfile = {
  family: 'wechat',
  bodySelectors: ['#js_content', '.rich_media_content'],
  classifyUrl(url) {
    if (url.hostname !== 'mp.weixin.qq.com') return undefined;
    const token = TOKEN.exec(url.pathname)?.[1];
    if (token) return { family: 'wechat', kind: 'article', id: token };
    if (url.pathname !== '/s' || !url.searchParams.has('__biz')) return undefined;
    const sn = url.searchParams.get('sn');
    return { family: 'wechat', kind: 'article', ...(sn ? { id: sn } : {}) };
  },
  recognisesPage: (doc) =>
    /id=["']js_content["']/.test(doc.html) && /msg_title|js_name|rich_media/.test(doc.html),
};

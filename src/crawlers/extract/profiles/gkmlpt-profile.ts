import type { CmsProfile } from '../cms-profile.js';

const LIST_API = /\/gkmlpt\/api\/all\/(\d+)\/?$/i;
const POST = /\/post_(\d+)\.html?$/i;

function positiveInt(value: string | null): number | undefined {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Guangdong's intensive platform (gkmlpt): `…/content/post_<id>.html`, JSON list API, `nfw-cms-*` bodies. */
export const gkmlptProfile: CmsProfile = {
  family: 'gkmlpt',
  bodySelectors: ['.nfw-cms-content', '[class*="nfw-cms-article"]', '.article-content'],
  classifyUrl(url) {
    const api = LIST_API.exec(url.pathname);
    if (api) {
      const site = url.searchParams.get('sid');
      const page = positiveInt(url.searchParams.get('page')) ?? 1;
      return { family: 'gkmlpt', kind: 'list-api', column: api[1] ?? '', page, ...(site ? { site } : {}) };
    }
    const post = POST.exec(url.pathname);
    return post ? { family: 'gkmlpt', kind: 'article', id: post[1] ?? '' } : undefined;
  },
  recognisesPage: (doc) => /gkmlpt|nfw-cms/.test(doc.html),
};

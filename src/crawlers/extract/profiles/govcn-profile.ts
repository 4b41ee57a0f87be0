import { type CmsProfile, dateHintOf } from '../cms-profile.js';

const DATED = /\/(\d{4})-(\d{2})\/(\d{2})\/content_(\d+)\.html?$/i;
const UNDATED = /\/content_(\d+)\.html?$/i;

/** www.gov.cn: `/zhengce/content/YYYY-MM/DD/content_<id>.htm` and `/zhengceku/YYYYMM/content_<id>.htm`. */
export const govcnProfile: CmsProfile = {
  family: 'govcn',
  bodySelectors: ['#UCAP-CONTENT', '.pages_content', '.article-content'],
  classifyUrl(url) {
    const dated = DATED.exec(url.pathname);
    if (dated) {
      const dateHint = dateHintOf(dated[1] ?? '', dated[2] ?? '', dated[3] ?? '');
      const facts = { family: 'govcn', kind: 'article', id: dated[4] ?? '' } as const;
      return dateHint === undefined ? facts : { ...facts, dateHint };
    }
    const undated = UNDATED.exec(url.pathname);
    return undated ? { family: 'govcn', kind: 'article', id: undated[1] ?? '' } : undefined;
  },
  recognisesPage: (doc) => /UCAP-CONTENT|pages_content/.test(doc.html),
};

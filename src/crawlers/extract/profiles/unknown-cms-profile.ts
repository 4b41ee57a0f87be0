import { type CmsProfile, dateHintOf, type UrlFacts } from '../cms-profile.js';

/** URL shapes seen on county sites whose CMS is not named (hanyin `Content-<id>`, 博达 `/info/<col>/<id>.htm`, …). */
const SHAPES: Array<{ pattern: RegExp; read(m: RegExpExecArray): UrlFacts }> = [
  {
    pattern: /\/Content-(\d+)\.html?$/i,
    read: (m) => ({ family: 'unknown', kind: 'article', id: m[1] ?? '' }),
  },
  {
    pattern: /\/info\/(\d+)\/(\d+)\.html?$/i,
    read: (m) => ({ family: 'unknown', kind: 'article', column: m[1] ?? '', id: m[2] ?? '' }),
  },
  {
    pattern: /\/doc\/(\d{4})\/(\d{2})\/(\d{2})\/(\d+)\.s?html?$/i,
    read: (m) => {
      const dateHint = dateHintOf(m[1] ?? '', m[2] ?? '', m[3] ?? '');
      const facts = { family: 'unknown', kind: 'article', id: m[4] ?? '' } as const;
      return dateHint === undefined ? facts : { ...facts, dateHint };
    },
  },
];

/** Article URLs of unnamed CMSs, and the body containers common to many of them. */
export const unknownCmsProfile: CmsProfile = {
  family: 'unknown',
  bodySelectors: [
    '#vsb_content',
    '.v_news_content',
    '.article-content',
    '.article_content',
    '.articleContent',
    '#zoom',
    '#Zoom',
    '.zoom',
    '.pages_content',
    '.bt-article',
    '.news_content',
    '.detail-content',
    '.content-text',
    '#content',
  ],
  classifyUrl(url) {
    for (const shape of SHAPES) {
      const m = shape.pattern.exec(url.pathname);
      if (m) return shape.read(m);
    }
    return undefined;
  },
  recognisesPage: () => false,
};

import { type CmsProfile, dateHintOf, type Pagination } from '../cms-profile.js';
import { type HtmlDoc, resolveUrl, scriptTexts } from '../dom.js';

const ARTICLE = /\/t(\d{4})(\d{2})(\d{2})_(\d+)\.s?html?$/i;
const CREATE_PAGE_HTML =
  /createPageHTML\(\s*(?:["'][^"']{0,40}["']\s*,\s*)?(\d{1,5})\s*,\s*(\d{1,5})\s*,\s*["']([\w-]{1,40})["']\s*,\s*["'](\w{1,10})["']/;
const COUNT_PAGE = /\bcountPage\s*=\s*(\d{1,5})/;
const CURRENT_PAGE = /\bcurrentPage\s*=\s*(\d{1,5})/;
const PREFIX = /\bprefix\s*=\s*["']([\w-]{1,40})["']/;
const SUFFIX = /\bsuffix\s*=\s*["'](\w{1,10})["']/;
const OWN_INDEX = /\/([\w-]+?)(?:_(\d+))?\.(s?html?)$/i;

interface TrsPaging {
  total: number;
  current: number;
  prefix: string;
  suffix: string;
}

function readPaging(doc: HtmlDoc): TrsPaging | undefined {
  const own = doc.url ? OWN_INDEX.exec(new URL(doc.url).pathname) : null;
  for (const script of scriptTexts(doc)) {
    const call = CREATE_PAGE_HTML.exec(script);
    if (call)
      return {
        total: Number(call[1]),
        current: Number(call[2]),
        prefix: call[3] ?? '',
        suffix: call[4] ?? '',
      };
    const count = COUNT_PAGE.exec(script);
    if (!count) continue;
    return {
      total: Number(count[1]),
      current: Number(CURRENT_PAGE.exec(script)?.[1] ?? own?.[2] ?? 0),
      prefix: PREFIX.exec(script)?.[1] ?? own?.[1] ?? 'index',
      suffix: SUFFIX.exec(script)?.[1] ?? own?.[3] ?? 'html',
    };
  }
  return undefined;
}

/** TRS counts pages from 0: page 1 is `index.html`, page 2 `index_1.html`. */
function paginate(doc: HtmlDoc): Pagination | undefined {
  const paging = readPaging(doc);
  if (!paging || paging.total < 1 || paging.total > 10_000) return undefined;
  const next = paging.current + 1;
  const nextUrl =
    next < paging.total ? resolveUrl(`${paging.prefix}_${next}.${paging.suffix}`, doc.baseUrl) : undefined;
  return {
    nextPageUrls: nextUrl ? [nextUrl] : [],
    totalPages: paging.total,
    currentPage: Math.min(paging.current + 1, paging.total),
  };
}

/** TRS WCM (拓尔思): `…/YYYYMM/tYYYYMMDD_<id>.html`, `div.TRS_Editor`, `createPageHTML` paging. */
export const trsProfile: CmsProfile = {
  family: 'trs',
  bodySelectors: ['.TRS_Editor', '.TRS_UEDITOR', '.trs_editor_view', '.trs_paper_default'],
  classifyUrl(url) {
    const m = ARTICLE.exec(url.pathname);
    if (!m) return undefined;
    const dateHint = dateHintOf(m[1] ?? '', m[2] ?? '', m[3] ?? '');
    return {
      family: 'trs',
      kind: 'article',
      id: m[4] ?? '',
      ...(dateHint === undefined ? {} : { dateHint }),
    };
  },
  recognisesPage: (doc) => /TRS_Editor|TRS_UEDITOR|createPageHTML/.test(doc.html),
  paginate,
};

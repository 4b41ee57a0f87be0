import type { CmsProfile, ListFragment } from '../cms-profile.js';
import { dateHintOf } from '../cms-profile.js';
import { type HtmlDoc, queryAll } from '../dom.js';
import { readHanwebDatastore } from '../hanweb-datastore.js';

const ARTICLE = /\/art\/(\d{4})\/(\d{1,2})\/(\d{1,2})\/art_(\d+)_(\d+)\.html?$/i;
const COLUMN = /\/col\/col(\d+)\/(?:index(?:_\d+)?\.html?)?$/i;
const DATAPROXY = /\/module\/(?:web\/)?(?:jslib\/jquery\/)?jpage\/dataproxy\.jsp$/i;

function listFragments(doc: HtmlDoc): ListFragment[] {
  return queryAll(doc, 'script').flatMap((host) => {
    const text = host.children.map((c) => ('data' in c ? String(c.data) : '')).join('');
    return (readHanwebDatastore(text)?.records ?? []).map((html) => ({ host, html }));
  });
}

/** Hanweb JCMS (大汉): `/art/YYYY/M/D/art_<col>_<id>.html`, `/col/col<id>/index.html`, datastore lists. */
export const hanwebProfile: CmsProfile = {
  family: 'hanweb',
  bodySelectors: ['#zoom', '.zoom', '#c', '.bt_content', '#art_content'],
  classifyUrl(url) {
    const art = ARTICLE.exec(url.pathname);
    if (art) {
      const dateHint = dateHintOf(art[1] ?? '', art[2] ?? '', art[3] ?? '');
      const facts = { family: 'hanweb', kind: 'article', column: art[4] ?? '', id: art[5] ?? '' } as const;
      return dateHint === undefined ? facts : { ...facts, dateHint };
    }
    const col = COLUMN.exec(url.pathname);
    if (col) return { family: 'hanweb', kind: 'list', column: col[1] ?? '' };
    if (!DATAPROXY.test(url.pathname)) return undefined;
    const column = url.searchParams.get('columnid') ?? url.searchParams.get('col');
    return { family: 'hanweb', kind: 'list-api', ...(column === null ? {} : { column }) };
  },
  recognisesPage: (doc) => /大汉版通|hanweb|\/module\/web\/jpage\/|<datastore>/i.test(doc.html),
  listFragments,
};

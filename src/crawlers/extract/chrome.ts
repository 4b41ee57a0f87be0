import type { Element } from 'domhandler';
import { type HtmlDoc, nameTokens, walk } from './dom.js';

const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside']);
const CHROME_TOKENS = new Set([
  'nav',
  'navbar',
  'menu',
  'mainnav',
  'header',
  'top',
  'topbar',
  'footer',
  'foot',
  'bottom',
  'breadcrumb',
  'crumb',
  'crumbs',
  'sidebar',
  'side',
  'aside',
  'banner',
  'logo',
  'copyright',
  'friendlink',
  'yqlj',
  'share',
  'search',
  'location',
  'position',
  'dqwz',
  'weizhi',
]);
const CHROME_AFFIX =
  /^(nav|menu|footer|sidebar|side|breadcrumb|crumbs?|friendlinks?)[-_]|[-_](nav|menu|footer|sidebar|breadcrumb|crumbs?)$/;

function isChromeRoot(el: Element, inArticle: boolean): boolean {
  // An HTML5 <header> inside <article> holds the title, not the site's banner.
  if (CHROME_TAGS.has(el.name) && !(inArticle && (el.name === 'header' || el.name === 'footer'))) return true;
  return nameTokens(el).some((token) => CHROME_TOKENS.has(token) || CHROME_AFFIX.test(token));
}

/** Every element inside the page's navigation, header, footer or sidebar, found in one pass. */
export function findChrome(doc: HtmlDoc): Set<Element> {
  const chrome = new Set<Element>();
  const article = new Set<Element>();
  walk(doc.root, {
    enter: (el) => {
      const parent = el.parent as Element | null;
      const inArticle = parent !== null && article.has(parent);
      if (inArticle || el.name === 'article' || el.name === 'main') article.add(el);
      if ((parent !== null && chrome.has(parent)) || isChromeRoot(el, inArticle)) chrome.add(el);
      return undefined;
    },
  });
  return chrome;
}

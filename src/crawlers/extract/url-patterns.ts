import type { UrlFacts } from './cms-profile.js';
import { CMS_PROFILES } from './cms-profiles.js';

/** Classifies a URL by the CMS profiles; undefined when no profile knows its shape or it is no URL. */
export function classifyUrl(url: string): UrlFacts | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  for (const profile of CMS_PROFILES) {
    const facts = profile.classifyUrl(parsed);
    if (facts) return facts;
  }
  return undefined;
}

/** True when the URL has the shape of an article page of a known CMS. */
export function isArticleUrl(url: string): boolean {
  return classifyUrl(url)?.kind === 'article';
}

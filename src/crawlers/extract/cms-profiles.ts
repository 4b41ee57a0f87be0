import type { CmsFamily, CmsProfile } from './cms-profile.js';
import type { HtmlDoc } from './dom.js';
import { gkmlptProfile } from './profiles/gkmlpt-profile.js';
import { govcnProfile } from './profiles/govcn-profile.js';
import { hanwebProfile } from './profiles/hanweb-profile.js';
import { trsProfile } from './profiles/trs-profile.js';
import { unknownCmsProfile } from './profiles/unknown-cms-profile.js';
import { wechatProfile } from './profiles/wechat-profile.js';

/** The CMS profiles, most specific first; a new CMS is a new file added here. */
export const CMS_PROFILES: readonly CmsProfile[] = [
  wechatProfile,
  trsProfile,
  hanwebProfile,
  gkmlptProfile,
  govcnProfile,
  unknownCmsProfile,
];

/** The profile of a family. */
export function profileOf(family: CmsFamily): CmsProfile | undefined {
  return CMS_PROFILES.find((p) => p.family === family);
}

/** The family a page belongs to: its URL's first, else the first profile that recognises its markup. */
export function detectFamily(doc: HtmlDoc): CmsFamily | undefined {
  if (doc.url) {
    const url = new URL(doc.url);
    for (const profile of CMS_PROFILES) if (profile.classifyUrl(url)) return profile.family;
  }
  return CMS_PROFILES.find((p) => p.recognisesPage(doc))?.family;
}

import { ORG_ENDING } from '../dates/signature.js';

/** The place that starts an issuer's name: 茂源县 in 茂源县财政局, 岳岭县 in 中共岳岭县委办公室. */
const PLACE = /^(?:中共)?([\u4e00-\u9fa5]{1,6}?(?:省|市|县|区|旗|镇|乡|街道))/;
/** Endings of a whole body (not a bare place such as 镇 or 村), after which another body may start. */
const BODY_ENDING =
  /(人民政府|政府|办公室|委员会|村委会|领导小组|指挥部|办事处|局|办|委|中心|工作站|工作队|公司|合作社)$/;
/** A village or community committee written after its township's body. */
const VILLAGE_BODY = /^[\u4e00-\u9fa5]{1,6}(?:村|社区)(?:村民委员会|民委员会|村委会|居民委员会|居委会)$/;
/** A township's or county's body written after another body (龙溪村村民委员会 + 长岭镇扶贫工作站). */
const PLACE_BODY = /^[\u4e00-\u9fa5]{2,6}?(?:镇|乡|街道|县|区)(?!村)/;
/** The head's ending goes on (委|员会, 办|公室): the cut is inside a word. */
const CONTINUES = /^(?:办公室|委员会|办事处|员会|公室|事处|会|室|办|委)/;
const MIN_PART = 4;

/**
 * Splits issuers written together (`茂源县财政局茂源县乡村振兴局`, `大柳乡人民政府花园村村民委员会`) where one
 * body's name ends and another's starts; a name that does not split comes back alone.
 */
export function splitIssuers(joined: string): string[] {
  const text = joined.replace(/\s+/g, '');
  const place = PLACE.exec(text)?.[1];
  for (let cut = MIN_PART; cut <= text.length - MIN_PART; cut++) {
    const head = text.slice(0, cut);
    const rest = text.slice(cut);
    if (!BODY_ENDING.test(head) || !ORG_ENDING.test(rest) || CONTINUES.test(rest)) continue;
    const samePlace = place !== undefined && (rest.startsWith(place) || rest.startsWith(`中共${place}`));
    if (samePlace || VILLAGE_BODY.test(rest) || PLACE_BODY.test(rest)) return [head, ...splitIssuers(rest)];
  }
  return [text];
}

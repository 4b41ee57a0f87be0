import type { BodyLevel } from '../../catalog/index.js';
import { findSignature, paragraphsOf, type Signature } from '../dates/signature.js';
import type { PostDocument } from '../post-document.js';
import { compact } from '../text/normalise.js';
import { guessBodyLevel } from './body-level.js';
import { matchBody, type RegistryBody } from './registry-match.js';
import { splitIssuers } from './split-issuers.js';

/** Where the publisher's name was read. */
export type PublisherSource =
  | 'signature'
  | 'header'
  | 'credit'
  | 'source'
  | 'meta-source'
  | 'unit'
  | 'account';

/** Who published a post: the name as written, where it was read, its level, and the registry body if known. */
export interface Publisher {
  name: string;
  source: PublisherSource;
  level: BodyLevel | null;
  /** `registry` when the level is the matched body's, `name` when it is read from the name itself. */
  levelFrom: 'registry' | 'name' | null;
  body: { id: string; name: string; level: BodyLevel; score: number } | null;
}

const FORMAL_LABELS = new Set(['发布机构', '发文机关', '发文机构', '发布单位', '公开责任部门', '公开主体']);
/** Bodies above the district (a province, the State Council): a reposted law's signer, not its poster. */
const ABOVE_DISTRICT = /^(?:国务院|全国|中华人民共和国|中共中央|国家)|省|自治区|常务委员会$/;
/** A 来源 names a body (or an outlet) only with a body's ending; a bare place (城村镇, 华川村) does not. */
const ORG_LIKE = /(府|室|会|局|厅|办|部|中心|处|所|站|院|科|组|队|委|指挥部|公司|合作社|网|报|台|社)$/;
/** A news outlet credited as the source of reposted content is not the poster. */
const OUTLET = /(网|报|台|社|新闻)$/;
/** A closing credit: （澜源县乡村振兴局编）, （来源：县财政局）, 供稿：…. */
const CREDIT = /^[（(]?(?:来源|供稿|稿件来源)?[:：]?\s*([\u4e00-\u9fa5]{4,30}?)(?:编|供稿|提供|整理)?[)）]?$/;
/** The unit a hotline or handling notice names for itself. */
const UNIT_LINE = /(?:公开单位|受理单位|责任单位)[:：]\s*([\u4e00-\u9fa5]{4,30})/;

function creditOf(doc: PostDocument): string | undefined {
  const last = paragraphsOf(doc).at(-1)?.trim() ?? '';
  if (!/^[（(].*[)）]$|编[)）]?$|供稿/.test(last)) return undefined;
  const name = CREDIT.exec(last)?.[1];
  return name && ORG_LIKE.test(name) && !OUTLET.test(name) ? name : undefined;
}

function candidatesOf(
  doc: PostDocument,
  signature: Signature | undefined,
): Array<{ name: string; source: PublisherSource }> {
  const out: Array<{ name: string; source: PublisherSource }> = [];
  const signer = signature?.issuers[0] ?? doc.signature?.issuers[0];
  const header = doc.header.publisher;
  const headerLabel = doc.header.labels.publisher ?? '';
  const formal = header !== undefined && FORMAL_LABELS.has(headerLabel) ? compact(header) : undefined;
  const informal = header !== undefined && !formal ? compact(header) : undefined;
  const firstSigner = signer ? splitIssuers(signer)[0] : undefined;
  const local = formal ?? informal;
  if (firstSigner && !(ABOVE_DISTRICT.test(firstSigner) && local))
    out.push({ name: firstSigner, source: 'signature' });
  if (formal) out.push({ name: splitIssuers(formal)[0] ?? formal, source: 'header' });
  const credit = creditOf(doc);
  if (credit) out.push({ name: credit, source: 'credit' });
  const unit = UNIT_LINE.exec(doc.text.slice(0, 3000))?.[1];
  const metaSource = doc.meta.source ? compact(doc.meta.source) : undefined;
  // On a WeChat article the account publishes; its 来源 only says where the content came from.
  if (doc.account) {
    if (unit && ORG_LIKE.test(unit)) out.push({ name: unit, source: 'unit' });
    out.push({ name: compact(doc.account), source: 'account' });
  }
  if (informal) out.push({ name: informal, source: 'source' });
  if (metaSource && ORG_LIKE.test(metaSource)) out.push({ name: metaSource, source: 'meta-source' });
  if (unit && ORG_LIKE.test(unit)) out.push({ name: unit, source: 'unit' });
  return out;
}

/**
 * The body that issued a post: the 落款's first organisation, else the header 发布机构, else a 来源 or
 * ContentSource naming a body, else the feed account; matched to the registry by name, alias or similarity.
 * An unknown publisher is reported as written, with no body. Null when the page names none.
 */
export function findPublisher(
  doc: PostDocument,
  bodies: readonly RegistryBody[],
  signature: Signature | undefined = findSignature(doc),
): Publisher | null {
  const candidates = candidatesOf(doc, signature);
  const first = candidates[0];
  if (!first) return null;
  const match = matchBody(first.name, bodies);
  if (match) {
    const { body, score } = match;
    return {
      ...first,
      level: body.level,
      levelFrom: 'registry',
      body: { id: body.id, name: body.name, level: body.level, score: Math.round(score * 1000) / 1000 },
    };
  }
  const level = guessBodyLevel(first.name) ?? null;
  return { ...first, level, levelFrom: level ? 'name' : null, body: null };
}

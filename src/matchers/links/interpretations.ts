import { compact } from '../text/normalise.js';
import { diceSimilarity } from '../text/similarity.js';

/** A post as the interpretation linker sees it. */
export interface TitledPost {
  id: string;
  title: string;
  /** The post's 文号, or 文号 its text cites. */
  docNumbers?: readonly string[];
}

/** A 解读 and the policy document it explains, with how sure the link is and why. */
export interface InterpretationLink {
  interpretation: string;
  document: string;
  score: number;
  via: 'quoted-title' | 'doc-number' | 'similar-title';
}

const INTERPRETATION = /解读|图解|读懂|问答|一图/;
const QUOTED = /《([^《》]{2,120})》/g;
const MIN_SIMILARITY = 0.75;

/** True when a title is a 解读 (图解, 一图读懂, 问答) of something. */
export function isInterpretationTitle(title: string): boolean {
  return INTERPRETATION.test(title);
}

/** The document titles a title quotes in 《》, or the title itself without its wrapper words. */
export function quotedTitles(title: string): string[] {
  const quoted = [...title.matchAll(QUOTED)].map((m) => compact(m[1] ?? ''));
  if (quoted.length > 0) return quoted;
  return [
    compact(
      title
        .replace(/^关于/, '')
        .replace(/的?(政策)?(解读|图解|问答)$/, '')
        .replace(/^(图解|一图读懂)[|｜:：]?/, ''),
    ),
  ];
}

/** The core of a document title: 关于印发《X》的通知 → X. */
function documentCore(title: string): string {
  return quotedTitles(title)[0] ?? compact(title);
}

/**
 * Links each 解读 to the policy documents it explains: the title it quotes equals (or nearly equals) the
 * document's, or it cites the document's 文号. Many to many; best first per interpretation.
 */
export function linkInterpretations(posts: readonly TitledPost[]): InterpretationLink[] {
  const interpretations = posts.filter((p) => isInterpretationTitle(p.title));
  const documents = posts.filter((p) => !isInterpretationTitle(p.title));
  const links: InterpretationLink[] = [];
  for (const reading of interpretations) {
    const quoted = quotedTitles(reading.title);
    for (const doc of documents) {
      const core = documentCore(doc.title);
      const numbers = new Set(doc.docNumbers ?? []);
      const cited = (reading.docNumbers ?? []).some((n) => numbers.has(n));
      const similarity = Math.max(...quoted.map((q) => (q === core ? 1 : diceSimilarity(q, core))));
      if (similarity === 1)
        links.push({ interpretation: reading.id, document: doc.id, score: 1, via: 'quoted-title' });
      else if (cited)
        links.push({ interpretation: reading.id, document: doc.id, score: 0.95, via: 'doc-number' });
      else if (similarity >= MIN_SIMILARITY)
        links.push({
          interpretation: reading.id,
          document: doc.id,
          score: Math.round(similarity * 1000) / 1000,
          via: 'similar-title',
        });
    }
  }
  return links.sort((a, b) => a.interpretation.localeCompare(b.interpretation) || b.score - a.score);
}

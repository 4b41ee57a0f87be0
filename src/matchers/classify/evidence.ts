import type { ItemId } from '../../catalog/index.js';

/** What a piece of evidence is. */
export type EvidenceKind =
  | 'title'
  | 'body'
  | 'elements'
  | 'attachment'
  | 'column'
  | 'publisher'
  | 'doc-number'
  | 'interpretation'
  | 'negative'
  | 'not-disclosure'
  | 'other-subject'
  | 'not-subject'
  | 'news-style'
  | 'headline'
  | 'no-disclosure'
  | 'no-topic';

/** One fact that moved an item's score: the phrase and the words that matched it, and by how much. */
export interface Evidence {
  kind: EvidenceKind;
  phrase?: string;
  text: string;
  weight: number;
}

/** A catalog item the post may disclose, with a confidence in 0..1 and the evidence that decided it. */
export interface ItemCandidate {
  id: ItemId;
  confidence: number;
  score: number;
  evidence: Evidence[];
}

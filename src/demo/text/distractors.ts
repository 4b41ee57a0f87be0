import { type DistractorWriter, distractorContext } from './distractor-context.js';
import { NEWS } from './distractor-news.js';
import { NOTICES } from './distractor-notices.js';
import type { DistractorComposer } from './types.js';

const WRITERS: Record<string, DistractorWriter> = { ...NEWS, ...NOTICES };

/** Topics of posts that share the vocabulary of the catalog items but disclose none of them. */
export const DISTRACTOR_TOPICS: readonly string[] = Object.keys(WRITERS);

/** Writes a distractor post on one of DISTRACTOR_TOPICS. */
export const composeDistractor: DistractorComposer = (input) => {
  const writer = WRITERS[input.topic];
  if (!writer)
    throw new Error(`unknown distractor topic “${input.topic}”; known: ${DISTRACTOR_TOPICS.join('、')}`);
  const d = distractorContext(input);
  const draft = writer(d);
  const style = input.rng.pick(['zh', 'zh', 'cn-numeral', 'iso'] as const);
  return {
    title: draft.title,
    blocks: draft.blocks,
    signature: draft.signed
      ? { name: input.rng.pick([input.body.name, ...input.body.aliases]), date: input.publishedAt, style }
      : null,
    attachments: draft.attachments ?? [],
  };
};

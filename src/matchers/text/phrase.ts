import { escapeRegExp } from './normalise.js';

/** A phrase compiled for matching: the words as written, its weight, and the pattern that finds them. */
export interface CompiledPhrase {
  phrase: string;
  weight: number;
  pattern: RegExp;
  /** The phrase itself when it is plain text: found with indexOf, faster than the pattern. */
  literal?: string;
}

/** Where a phrase was found. */
export interface PhraseHit {
  phrase: string;
  weight: number;
  start: number;
  end: number;
  text: string;
}

/** `…` is a short gap that stays inside one clause; `$` at the end means the end of the text. */
const GAP = '[^。；;！？\\n]{0,20}?';
/** Written values an evaluator names instead of spelling out digits. */
const PLACEHOLDERS: Record<string, string> = {
  金额: '\\d+(?:[.,]\\d+)*\\s*(?:万元|亿元|元)',
  电话: '(?:0\\d{2,3}[-－—]?\\d{7,8}|(?<!\\d)1[3-9]\\d{9}(?!\\d))',
  户数: '\\d+\\s*户',
  人数: '\\d+\\s*人',
  数字: '\\d+',
  // A term in years (3年, 1—3年): one or two digits, never the tail of a year (2020年).
  年数: '(?<![\\d.])\\d{1,2}(?:\\s*[—–~～-]\\s*\\d{1,2})?',
  // A month, not a day's date (a 落款 or a notice's first day).
  年月: '\\d{4}\\s*年\\s*\\d{1,2}\\s*月(?!\\s*\\d{1,2}\\s*[日号])',
  // A span of months: 2020年8月—12月, 5月至9月, 2023.4—2023.10.
  月份区间:
    '(?:(?:\\d{4}\\s*年\\s*)?\\d{1,2}\\s*月\\s*(?:[—–~～-]+|至)\\s*(?:\\d{4}\\s*年\\s*)?\\d{1,2}\\s*月(?!\\s*\\d{1,2}\\s*[日号])|\\d{4}\\.\\d{1,2}\\s*[—–~～至-]+\\s*(?:\\d{4}\\.)?\\d{1,2}(?![\\d.]))',
  百分比: '\\d+(?:\\.\\d+)?\\s*[%％]',
  工程量: '\\d+(?:\\.\\d+)?\\s*万?\\s*(?:公里|千米|米|亩|座|平方米|㎡|立方米|口|套|间|栋|眼|吨|条|台|处)',
  乡镇: '[\\u4e00-\\u9fa5]{2,4}(?:镇|(?<!城)乡(?!村|镇)|街道)',
  地名: '[\\u4e00-\\u9fa5]{0,2}(?!贫困|脱贫|行政|重点|相对|所在|各|全|本|该|每)[\\u4e00-\\u9fa5]{2}(?:(?<![乡城])镇|(?<!城)乡(?!村|镇)|村(?![民委集级组振]))',
};

function literalPart(part: string): string {
  return part
    .split(/(\{[^}]+\})/)
    .map((piece) => {
      const name = /^\{([^}]+)\}$/.exec(piece)?.[1];
      const placeholder = name === undefined ? undefined : PLACEHOLDERS[name];
      return placeholder ?? escapeRegExp(piece);
    })
    .join('');
}

/** A trailing `$` ties a phrase to the end of the text, before any bracketed suffix (（第二批）). */
const AT_END = '(?=\\s*(?:[（(【\\[][^）)】\\]]{0,30}[）)】\\]])?\\s*$)';

/** Compiles `下达…资金`, `共{户数}` or `项目…公示$` into a pattern; a phrase always compiles the same way. */
export function compilePhrase(phrase: string, weight = 1): CompiledPhrase {
  const atEnd = phrase.endsWith('$');
  const body = atEnd ? phrase.slice(0, -1) : phrase;
  const source = body.split('…').map(literalPart).join(GAP) + (atEnd ? AT_END : '');
  const plain = !atEnd && !/[…{}]/.test(body);
  return { phrase, weight, pattern: new RegExp(source, 'g'), ...(plain ? { literal: body } : {}) };
}

type Place = { start: number; end: number; text: string } | null;

/** Where each phrase first occurs in one text, remembered for the phrases several lists share. */
export type PhraseMemo = Map<string, Place>;

function locate(text: string, p: CompiledPhrase): Place {
  if (p.literal !== undefined) {
    const at = text.indexOf(p.literal);
    return at < 0 ? null : { start: at, end: at + p.literal.length, text: p.literal };
  }
  p.pattern.lastIndex = 0;
  const m = p.pattern.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length, text: m[0] } : null;
}

/** The first place each phrase occurs in a text (one hit per phrase); a `memo` belongs to this one text. */
export function findPhrases(
  text: string,
  phrases: readonly CompiledPhrase[],
  memo?: PhraseMemo,
): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (const p of phrases) {
    let place = memo?.get(p.phrase);
    if (place === undefined) {
      place = locate(text, p);
      memo?.set(p.phrase, place);
    }
    if (place) hits.push({ phrase: p.phrase, weight: p.weight, ...place });
  }
  return hits;
}

/** The sum of the weights of the phrases found, each counted once. */
export function phraseWeight(hits: readonly PhraseHit[]): number {
  return hits.reduce((sum, h) => sum + h.weight, 0);
}

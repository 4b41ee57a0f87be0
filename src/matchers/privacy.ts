import { normaliseWidth } from './text/normalise.js';

/** The kinds of personal number a post must not show in full (去标识化). */
export type PersonalDataKind = 'id_number' | 'bank_card' | 'mobile';

/** Where one unmasked number sits: `body` or `attachment:N`, and its character span there. Never the value. */
export interface PersonalDataPosition {
  where: string;
  start: number;
  end: number;
}

/** All unmasked numbers of one kind: how many and where. */
export interface PersonalDataHit {
  kind: PersonalDataKind;
  count: number;
  positions: PersonalDataPosition[];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const MIN_RUN = 11;
const MAX_RUN = 19;

const isDigit = (code: number) => code >= 48 && code <= 57;
/** Letters, digits and mask stars glue to a number: masked forms (4112**********1234) are fine. */
const glues = (code: number) =>
  isDigit(code) ||
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  code === 42 ||
  code === 0xff0a;

/** Runs of 11–19 digits (and an ID's final X) not touching other digits, letters or mask stars; one pass. */
function* digitRuns(text: string): Generator<{ start: number; end: number }> {
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    let end = i;
    if (end - start === 17 && (text[end] === 'X' || text[end] === 'x')) end++;
    const before = start > 0 ? text.charCodeAt(start - 1) : 32;
    const after = end < text.length ? text.charCodeAt(end) : 32;
    if (end - start >= MIN_RUN && end - start <= MAX_RUN && !glues(before) && !glues(after))
      yield { start, end };
    i = Math.max(end, i);
  }
}
const KINDS: readonly PersonalDataKind[] = ['id_number', 'bank_card', 'mobile'];

/** True for an 18-character 居民身份证号码 whose GB 11643 check digit is right. */
export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] === value[17]?.toUpperCase();
}

/** True for a digit string that passes the Luhn check of card numbers. */
export function passesLuhn(value: string): boolean {
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    let d = Number(value[value.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return value.length > 0 && sum % 10 === 0;
}

/** What an unmasked digit run is: an ID number, a bank card, a mobile, or nothing personal. */
export function classifyNumber(run: string): PersonalDataKind | undefined {
  if (run.length === 18 && isValidIdNumber(run)) return 'id_number';
  if (/[Xx]$/.test(run)) return undefined;
  if (run.length === 11 && /^1[3-9]/.test(run)) return 'mobile';
  // Bank cards (UnionPay 62…, Visa 4…, Mastercard 5…, Amex/JCB 3…) are 16–19 digits and pass Luhn.
  if (run.length >= 16 && run.length <= 19 && /^[3-6]/.test(run) && passesLuhn(run)) return 'bank_card';
  return undefined;
}

/** The unmasked ID, card and mobile numbers of one text, as positions within it. */
export function findPersonalData(
  text: string,
  where = 'body',
): Array<{ kind: PersonalDataKind } & PersonalDataPosition> {
  const out: Array<{ kind: PersonalDataKind } & PersonalDataPosition> = [];
  const normal = normaliseWidth(text);
  for (const { start, end } of digitRuns(normal)) {
    const kind = classifyNumber(normal.slice(start, end));
    if (kind) out.push({ kind, where, start, end });
  }
  return out;
}

/** Counts and positions per kind over several texts (body, attachments); kinds with no hit are left out. */
export function detectPersonalData(texts: ReadonlyArray<{ where: string; text: string }>): PersonalDataHit[] {
  const hits = texts.flatMap(({ where, text }) => findPersonalData(text, where));
  return KINDS.flatMap((kind) => {
    const positions = hits
      .filter((h) => h.kind === kind)
      .map(({ where, start, end }) => ({ where, start, end }));
    return positions.length > 0 ? [{ kind, count: positions.length, positions }] : [];
  });
}

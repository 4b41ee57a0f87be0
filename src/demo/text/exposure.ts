import type { Block, ComposedAttachment, ComposedPost } from './types.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Whether an 18-character string is a resident ID number with a valid GB 11643 check digit. */
function isIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const sum = [...value.slice(0, 17)].reduce((acc, d, i) => acc + Number(d) * (ID_WEIGHTS[i] as number), 0);
  return ID_CHECK[sum % 11] === value[17];
}

/** Whether a 16–19 digit string passes the Luhn check, as bank card numbers do. */
function isBankCard(value: string): boolean {
  if (!/^\d{16,19}$/.test(value)) return false;
  let sum = 0;
  for (let i = value.length - 1, double = false; i >= 0; i -= 1, double = !double) {
    let d = Number(value[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Whether a string is a mainland mobile number. */
const isMobile = (value: string): boolean => /^1[3-9]\d{9}$/.test(value);

/** Counts the unmasked ID numbers, bank cards and mobiles in some text. */
function countInText(text: string): ComposedPost['exposed'] {
  const counts = { id_number: 0, bank_card: 0, mobile: 0 };
  for (const [run] of text.matchAll(/\d+X?/g)) {
    if (isIdNumber(run)) counts.id_number += 1;
    else if (isBankCard(run)) counts.bank_card += 1;
    else if (isMobile(run)) counts.mobile += 1;
  }
  return counts;
}

function blockText(block: Block): string {
  return block.kind === 'table' ? block.rows.map((r) => r.join(' | ')).join('\n') : block.text;
}

// Counted from the written text rather than tracked while writing, so the truth cannot drift from the page.
/** Counts the unmasked personal numbers in a post's body and attachments. */
export function countExposed(blocks: readonly Block[], attachments: readonly ComposedAttachment[]) {
  const text = [
    ...blocks.map(blockText),
    ...attachments.flatMap((a) => a.rows.map((r) => r.join(' | '))),
  ].join('\n');
  return countInText(text);
}

const DIGITS: Record<string, number> = {
  〇: 0,
  '○': 0,
  零: 0,
  Ｏ: 0,
  O: 0,
  o: 0,
  '0': 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** The characters that may write a digit in a Chinese-numeral date (二〇二〇年). */
export const CN_DIGIT_CLASS = '〇○零ＯOo0一二两三四五六七八九';

/** A year written digit by digit (二〇二〇 → 2020, 二○一九 → 2019); undefined when any character is not a digit. */
export function readDigitByDigit(text: string): number | undefined {
  let value = 0;
  for (const ch of text) {
    const d = DIGITS[ch] ?? (ch >= '0' && ch <= '9' ? Number(ch) : undefined);
    if (d === undefined) return undefined;
    value = value * 10 + d;
  }
  return text.length > 0 ? value : undefined;
}

/** A number below 100 written with 十 (五 → 5, 十二 → 12, 二十 → 20, 三十一 → 31); also plain digits. */
export function readSmallNumber(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? DIGITS[text] : readDigitByDigit(text);
  if (text.indexOf('十', ten + 1) >= 0) return undefined;
  const tensText = text.slice(0, ten);
  const unitsText = text.slice(ten + 1);
  const tens = tensText === '' ? 1 : DIGITS[tensText];
  const units = unitsText === '' ? 0 : DIGITS[unitsText];
  if (tens === undefined || units === undefined || tensText.length > 1 || unitsText.length > 1)
    return undefined;
  return tens * 10 + units;
}

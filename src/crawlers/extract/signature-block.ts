/** The 落款 at the end of a document: the issuing bodies and the date as written. */
export interface SignatureBlock {
  issuers: string[];
  /** The date as written, e.g. `2024年2月4日` or `二〇二〇年五月十二日`. */
  date: string;
  lines: string[];
}

const DIGIT = '[0-9０-９〇○零Ｏ一二三四五六七八九十]';
const DATE_AT_END = new RegExp(
  `(${DIGIT}{4}\\s*年\\s*${DIGIT}{1,3}\\s*月\\s*${DIGIT}{1,3}\\s*日|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2})$`,
);
const ORG_ENDING =
  /(人民政府|政府|办公室|委员会|领导小组|指挥部|办事处|局|厅|办|部|委|中心|镇|乡|街道|村|社区|所|站|院|处|科|组|队|公司|合作社|协会|学校|医院)$/;
const MAX_ISSUER_CHARS = 40;
const TAIL_LINES = 8;
/** Lines that may follow the date: 此件公开发布, 联系人, 抄送, 印发. */
const AFTER_DATE = /^[(（]?(此件|本件|联系人|联系电话|抄送|抄报|印发)|^[(（].{0,40}[)）]$/;

const isIssuer = (line: string) =>
  line.length <= MAX_ISSUER_CHARS && !/[。；;，,！？!?：:]/.test(line) && ORG_ENDING.test(line);

/** Finds the 落款 in the last lines of a body: short lines naming bodies, then a date. */
export function signatureOf(paragraphs: readonly string[]): SignatureBlock | undefined {
  const tail = paragraphs.slice(-TAIL_LINES).map((p) => p.trim());
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = tail[i] ?? '';
    const date = DATE_AT_END.exec(line);
    if (!date) {
      if (AFTER_DATE.test(line) || line === '') continue;
      return undefined;
    }
    const before = line.slice(0, date.index).trim();
    const issuers: string[] = before && isIssuer(before) ? [before] : [];
    if (before && issuers.length === 0) return undefined;
    let j = i - 1;
    for (; j >= 0 && issuers.length < 4 && isIssuer(tail[j] ?? ''); j--) issuers.unshift(tail[j] ?? '');
    return { issuers, date: date[1] ?? '', lines: tail.slice(j + 1, i + 1) };
  }
  return undefined;
}

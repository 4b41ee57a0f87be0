/** The value a clause states under a label (绩效目标：…, ▶实施单位、责任人：…, 项目名称<TAB>…). */
export interface LabelledValue {
  label: string;
  /** Where the value starts and ends in the text. */
  start: number;
  end: number;
}

/**
 * A label opening a line or a clause (after ；。， or a space): bullets or a list number, a short name, a colon. The value
 * runs to the end of its clause (；。) or to the next label.
 */
const LABEL =
  /(?:^|(?<=[；;。，,\s]))[ \u3000▶►●·•◆■□☆★>＞\-—]*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)?([\u4e00-\u9fa5][\u4e00-\u9fa5、及和与/（）()]{1,15}?)\s*[:：]/g;
const CLAUSE_END = /[；;。]/g;
/** A two-cell table row: the first cell labels the second. */
const ROW = /^([\u4e00-\u9fa5][\u4e00-\u9fa5、及和与/（）()]{1,15})\t([^\t]*)$/;

function valuesOfLine(line: string, at: number): LabelledValue[] {
  const row = ROW.exec(line);
  if (row?.[1] && row[2] !== undefined)
    return [{ label: row[1], start: at + row[1].length + 1, end: at + line.length }];
  const labels = [...line.matchAll(LABEL)].map((m) => ({
    label: m[1] ?? '',
    from: m.index,
    to: m.index + m[0].length,
  }));
  return labels.map((l, i) => {
    CLAUSE_END.lastIndex = l.to;
    const clauseEnd = CLAUSE_END.exec(line)?.index ?? line.length;
    const end = Math.min(clauseEnd, labels[i + 1]?.from ?? line.length);
    return { label: l.label, start: at + l.to, end: at + Math.max(end, l.to) };
  });
}

/** The labelled values of a text, in order. */
export function labelledValues(text: string): LabelledValue[] {
  const values: LabelledValue[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    values.push(...valuesOfLine(line, at));
    at += line.length + 1;
  }
  return values;
}

/** The text with the given values blanked out, every other character where it was. */
export function blankValues(text: string, values: readonly LabelledValue[]): string {
  let out = '';
  let at = 0;
  for (const v of values) {
    out += text.slice(at, v.start) + ' '.repeat(v.end - v.start);
    at = v.end;
  }
  return out + text.slice(at);
}

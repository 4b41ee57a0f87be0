/** A CSV file that cannot be read as a table, with the row where the trouble starts. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** The field separator of a CSV: a comma, unless the first line only has tabs or semicolons. */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  if (count(',') > 0) return ',';
  if (count('\t') > 0) return '\t';
  return count(';') > 0 ? ';' : ',';
}

/**
 * Parses CSV text (RFC 4180: quoted fields with "" escapes and line breaks inside quotes; CRLF, LF or CR
 * between records) into records of fields. Record i is row i + 1 as a spreadsheet shows it; blank lines
 * stay as empty records so those numbers hold.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let quoteStart = 0;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record.length === 1 && record[0] === '' ? [] : record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteStart = records.length + 1;
    } else if (c === delimiter) {
      endField();
    } else if (c === '\r' || c === '\n') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      // A quote inside an unquoted field, or text after a closing quote, is kept as written.
      field += c;
    }
    i += 1;
  }
  if (quoted) throw new CsvSyntaxError(quoteStart, `第 ${quoteStart} 行开始的引号没有闭合，文件可能被截断`);
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

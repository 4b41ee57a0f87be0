/** The records of a Hanweb JCMS datastore (embedded `<script type="text/xml">` or a `dataproxy.jsp` reply). */
export interface HanwebDatastore {
  readonly records: string[];
  readonly totalRecords?: number;
  readonly nextGroupHref?: string;
}

const TOTAL = /<totalrecord>\s*(\d{1,7})\s*<\/totalrecord>|totalRecord\s*[:=]\s*["']?(\d{1,7})/i;
const NEXT_GROUP = /<nextgroup>\s*<!\[CDATA\[\s*<a[^>]*?href\s*=\s*["']([^"']{1,2000})["']/i;
const MAX_RECORDS = 5_000;

/** Reads the records (HTML fragments) of a datastore text, or undefined when it has none. */
export function readHanwebDatastore(text: string): HanwebDatastore | undefined {
  if (!text.includes('<record>')) return undefined;
  const records = cdataRecords(text);
  const total = readTotalRecords(text);
  const next = NEXT_GROUP.exec(text)?.[1];
  return {
    records,
    ...(total === undefined ? {} : { totalRecords: total }),
    ...(next === undefined ? {} : { nextGroupHref: next.replace(/&amp;/g, '&') }),
  };
}

/** The record total a datastore or a jpage script states (`<totalrecord>47</totalrecord>`, `totalRecord: 47`). */
export function readTotalRecords(text: string): number | undefined {
  const m = TOTAL.exec(text);
  return m ? Number(m[1] ?? m[2]) : undefined;
}

/** CDATA bodies of `<record>` elements, found with `indexOf` so unclosed sections cannot make the scan quadratic. */
function cdataRecords(text: string): string[] {
  const records: string[] = [];
  let from = 0;
  while (records.length < MAX_RECORDS) {
    const record = text.indexOf('<record>', from);
    if (record < 0) break;
    const open = text.indexOf('<![CDATA[', record);
    const close = open < 0 ? -1 : text.indexOf(']]>', open);
    if (close < 0) break;
    records.push(text.slice(open + 9, close));
    from = close + 3;
  }
  return records;
}

/** The `startrecord`/`endrecord` of the k-th (1-based) `dataproxy.jsp` request, 45 records per request by default. */
export function hanwebDataproxyRange(
  batch: number,
  perRequest = 45,
): { startrecord: number; endrecord: number } {
  const k = Math.max(1, Math.floor(batch));
  return { startrecord: (k - 1) * perRequest + 1, endrecord: k * perRequest };
}

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, normaliseCharset } from '../../src/crawlers/index.js';
import { serves, useFaultServer } from '../helpers/fault-server.js';
import { aFetcher } from './builders.js';

// GBK-only characters (not in GB2312) and a GB18030 four-byte one, in a notice long enough to sniff.
const NOTICE =
  '示范区扶贫开发办公室关于2020年第二批财政专项扶贫资金分配结果的公告。' +
  '现将资金分配结果予以公示，公示期10天。联系人：王镕、李喆、张堃、赵珺。生僻字：𠮷。';

function aPage(head = '', body = NOTICE): string {
  return `<!DOCTYPE html><html><head>${head}<title>资金分配公告</title></head><body><p>${body}</p></body></html>`;
}

const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gb18030'));
const utf8 = (text: string) => new TextEncoder().encode(text);
const META_GB2312 = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">';

describe('decodeBody', () => {
  it('returns the text of a GBK page declaring gb2312 in http-equiv, GB18030-only characters included', () => {
    const decoded = decodeBody(gbk(aPage(META_GB2312)), 'text/html');
    expect(decoded).toMatchObject({ charset: 'gb18030', source: 'meta' });
    expect(decoded.text).toContain('王镕、李喆、张堃、赵珺');
    expect(decoded.text).toContain('𠮷');
  });

  it('returns the text of a GBK page declaring <meta charset="gbk">', () => {
    const decoded = decodeBody(gbk(aPage('<meta charset="gbk">')));
    expect(decoded).toMatchObject({ charset: 'gb18030', source: 'meta' });
    expect(decoded.text).toContain(NOTICE);
  });

  it('takes the charset of the Content-Type header first', () => {
    const decoded = decodeBody(gbk(aPage('<meta charset="big5">')), 'text/html; charset=GBK');
    expect(decoded).toMatchObject({ charset: 'gb18030', source: 'header' });
    expect(decoded.text).toContain(NOTICE);
  });

  it('sniffs a GBK page that declares nothing', () => {
    const decoded = decodeBody(gbk(aPage()), 'text/html');
    expect(decoded).toMatchObject({ charset: 'gb18030', source: 'sniff' });
    expect(decoded.text).toContain(NOTICE);
  });

  it('sniffs a GBK page whose <meta> lies that it is UTF-8', () => {
    const decoded = decodeBody(gbk(aPage('<meta charset="utf-8">')));
    expect(decoded).toMatchObject({ charset: 'gb18030', source: 'sniff' });
    expect(decoded.text).toContain(NOTICE);
  });

  it('sniffs a GBK page whose header lies that it is UTF-8', () => {
    const decoded = decodeBody(gbk(aPage()), 'text/html; charset=utf-8');
    expect(decoded).toMatchObject({ charset: 'gb18030', source: 'sniff' });
    expect(decoded.text).toContain(NOTICE);
  });

  it('returns UTF-8 for a UTF-8 page whose header lies that it is gb2312', () => {
    const decoded = decodeBody(utf8(aPage(META_GB2312)), 'text/html; charset=gb2312');
    expect(decoded).toMatchObject({ charset: 'utf-8', source: 'utf8' });
    expect(decoded.text).toContain(NOTICE);
  });

  it('returns UTF-8 for a page that declares nothing and is valid UTF-8', () => {
    expect(decodeBody(utf8(aPage()))).toMatchObject({ charset: 'utf-8', source: 'utf8', text: aPage() });
  });

  it('keeps a declared UTF-8 that the bytes bear out', () => {
    expect(decodeBody(utf8(aPage('<meta charset="UTF-8">')))).toMatchObject({
      charset: 'utf-8',
      source: 'meta',
    });
  });

  it('falls back to gb18030 for a short GBK snippet that chardet cannot place', () => {
    const decoded = decodeBody(gbk('资金分配'));
    expect(decoded).toEqual({ text: '资金分配', charset: 'gb18030', source: 'default' });
  });

  it('honours a byte order mark over every declaration, and strips it', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(aPage(META_GB2312))]);
    const decoded = decodeBody(bom, 'text/html; charset=gbk');
    expect(decoded).toMatchObject({ charset: 'utf-8', source: 'bom', text: aPage(META_GB2312) });
    const le = new Uint8Array(iconv.encode(`\ufeff${NOTICE}`, 'utf-16le'));
    expect(decodeBody(le)).toEqual({ text: NOTICE, charset: 'utf-16le', source: 'bom' });
  });

  it('reads the encoding of an XML declaration, as GBK feeds have', () => {
    const feed = `<?xml version="1.0" encoding="gb2312"?><rss><channel><title>${NOTICE}</title></channel></rss>`;
    const decoded = decodeBody(gbk(feed), 'application/rss+xml');
    expect(decoded).toMatchObject({ charset: 'gb18030', source: 'meta' });
    expect(decoded.text).toContain(NOTICE);
  });

  it('skips an unknown header charset and a latin-1 server default for the page’s <meta>', () => {
    expect(decodeBody(gbk(aPage(META_GB2312)), 'text/html; charset=x-bogus').source).toBe('meta');
    expect(decodeBody(gbk(aPage(META_GB2312)), 'text/html; charset=ISO-8859-1').source).toBe('meta');
  });

  it('sniffs a Big5 page that declares nothing', () => {
    const text = '財政專項扶貧資金分配結果公告，現將資金分配結果予以公示，公示期十天。'.repeat(3);
    const decoded = decodeBody(new Uint8Array(iconv.encode(aPage('', text), 'big5')));
    expect(decoded).toMatchObject({ charset: 'big5', source: 'sniff' });
    expect(decoded.text).toContain(text);
  });
});

describe('normaliseCharset', () => {
  it('returns gb18030 for every GB label', () => {
    const labels = ['gb2312', 'GBK', 'x-gbk', 'cp936', 'GB_2312-80', 'gb18030', 'csGB2312', 'windows-936'];
    expect(labels.map(normaliseCharset)).toEqual(labels.map(() => 'gb18030'));
  });

  it('returns the WHATWG name of other labels', () => {
    expect(normaliseCharset(' UTF8 ')).toBe('utf-8');
    expect(normaliseCharset('big5-hkscs')).toBe('big5');
    expect(normaliseCharset('latin1')).toBe('windows-1252');
  });

  it('returns undefined for unknown labels and those that decode to nothing', () => {
    expect(normaliseCharset('x-bogus')).toBeUndefined();
    expect(normaliseCharset('hz-gb-2312')).toBeUndefined();
  });
});

describe('decodeBody on pages from the fault server', () => {
  const page = gbk(aPage());
  const server = useFaultServer({
    '/gbk-header': serves(page, { 'content-type': 'text/html; charset=GBK' }),
    '/gbk-bare': serves(page, { 'content-type': 'text/html' }),
    '/gbk-lying': serves(page, { 'content-type': 'text/html; charset=UTF-8' }),
    '/utf8-lying': serves(utf8(aPage(META_GB2312)), { 'content-type': 'text/html; charset=gb2312' }),
  });
  const fetcher = aFetcher();

  it.each([
    ['/gbk-header', 'header'],
    ['/gbk-bare', 'sniff'],
    ['/gbk-lying', 'sniff'],
    ['/utf8-lying', 'utf8'],
  ])('returns the notice intact from %s (charset from %s)', async (path, source) => {
    const result = await fetcher.fetch(server().url(path), { allowPrivate: true });
    if (result.kind !== 'fetched') throw new Error(`expected a page, got ${result.kind}`);
    const decoded = decodeBody(result.body, result.headers.contentType);
    expect(decoded.source).toBe(source);
    expect(decoded.text).toContain(NOTICE);
  });
});

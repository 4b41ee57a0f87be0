import { describe, expect, it } from 'vitest';
import { isInScope, normaliseUrl } from '../../src/crawlers/index.js';

describe('normaliseUrl', () => {
  it('drops the fragment, lower-cases the host and drops default ports', () => {
    expect(normaliseUrl('HTTP://WWW.Shifanqu.GOV.cn:80/fpzl/Index.html#top')).toBe(
      'http://www.shifanqu.gov.cn/fpzl/Index.html',
    );
    expect(normaliseUrl('https://www.shifanqu.gov.cn:443/')).toBe('https://www.shifanqu.gov.cn/');
  });

  it('keeps a port that is not the default and the query', () => {
    expect(normaliseUrl('http://127.0.0.1:8080/fpzl/?page=2#x')).toBe('http://127.0.0.1:8080/fpzl/?page=2');
  });
});

describe('isInScope', () => {
  const scope = ['http://www.shifanqu.gov.cn/fpzl/', 'http://127.0.0.1:8080/feeds/'];

  it('returns true for a URL under one of the prefixes, however it is spelled', () => {
    expect(isInScope('http://WWW.SHIFANQU.gov.cn:80/fpzl/202005/t20200512_1.html#p', scope)).toBe(true);
    expect(isInScope('http://127.0.0.1:8080/feeds/chengcun.xml', scope)).toBe(true);
  });

  it('returns true for the https form of an http prefix, the usual upgrade redirect', () => {
    expect(isInScope('https://www.shifanqu.gov.cn/fpzl/index.html', scope)).toBe(true);
  });

  it('returns false for another folder, host or port', () => {
    expect(isInScope('http://www.shifanqu.gov.cn/zwgk/index.html', scope)).toBe(false);
    expect(isInScope('http://czj.shifanqu.gov.cn/fpzl/index.html', scope)).toBe(false);
    expect(isInScope('http://127.0.0.1:8081/feeds/chengcun.xml', scope)).toBe(false);
  });

  it('returns false when there are no prefixes', () => {
    expect(isInScope('http://www.shifanqu.gov.cn/fpzl/', [])).toBe(false);
  });
});

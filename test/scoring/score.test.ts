import { describe, expect, it } from 'vitest';
import { chinaDate, overdueList, SchemeSchema, scoreYear } from '../../src/scoring/index.js';
import { anInput, anOffline, aPost, aRecord, scheme, weeklyRuns } from './builders.js';

const obligationOf = (result: ReturnType<typeof scoreYear>, recordId: number) =>
  result.obligations.find((o) => o.record?.id === recordId);
const findingsOf = (result: ReturnType<typeof scoreYear>, kind: string) =>
  result.findings.filter((f) => f.kind === kind);

describe('scoreYear: timeliness', () => {
  it('counts 15 working days from 下达 across the May Day 调休, and accepts a post on the due day', () => {
    const record = aRecord({ formed: '2020-04-24' });
    const result = scoreYear(
      anInput({ records: [record], posts: [aPost({ publishedAt: '2020-05-18', recordIds: [record.id] })] }),
    );
    expect(obligationOf(result, record.id)).toMatchObject({
      due: '2020-05-18',
      status: 'on_time',
      published: '2020-05-18',
    });
    expect(findingsOf(result, 'late')).toEqual([]);
  });

  it('finds a post one working day after the due date late by exactly 1', () => {
    const record = aRecord({ formed: '2020-04-24' });
    const result = scoreYear(
      anInput({ records: [record], posts: [aPost({ publishedAt: '2020-05-19', recordIds: [record.id] })] }),
    );
    expect(obligationOf(result, record.id)).toMatchObject({ status: 'late', workdaysLate: 1 });
    expect(findingsOf(result, 'late')[0]).toMatchObject({
      item: 'funds.allocation',
      record: '示财〔2020〕21号',
      due: '2020-05-18',
      published: '2020-05-19',
      workdaysLate: 1,
      points: 0.5,
    });
  });

  it('counts a deadline that lands on a make-up Sunday (2019-12-20 + 20 working days = 2020-01-19)', () => {
    const record = aRecord({
      item: 'policy.normative',
      bodyId: 'fpb',
      formed: '2019-12-20',
      refNo: '三示范扶贫〔2019〕40号',
      title: '某办法',
    });
    const result = scoreYear(
      anInput({ year: 2019, today: '2020-03-01', records: [record], runs: weeklyRuns(['fpb-web']) }),
    );
    expect(obligationOf(result, record.id)).toMatchObject({ due: '2020-01-19', status: 'missing' });
  });

  it('says how many working days are left for a pending obligation, and lists it as due soon', () => {
    const record = aRecord({ formed: '2020-12-20' });
    const result = scoreYear(anInput({ records: [record], today: '2020-12-31' }));
    const o = obligationOf(result, record.id);
    expect(o?.status).toBe('pending');
    expect(o?.workdaysLeft).toBeGreaterThan(0);
    const list = overdueList(result.obligations, new Set(['czb']), '2020-12-31', 10);
    expect(list.dueSoon.map((x) => x.key)).toContain(o?.key);
  });
});

describe('scoreYear: missing or unverifiable', () => {
  it('calls an obligation missing when the source was reached after the due date', () => {
    const record = aRecord();
    const result = scoreYear(anInput({ records: [record] }));
    expect(obligationOf(result, record.id)?.status).toBe('missing');
    expect(findingsOf(result, 'missing')[0]).toMatchObject({ record: '示财〔2020〕21号', due: '2020-05-18' });
  });

  it('shows the crawl that last found it absent as the evidence of a missing record', () => {
    const record = aRecord();
    const runs = weeklyRuns().map((r, i) => ({ ...r, runId: i + 1 }));
    const result = scoreYear(anInput({ records: [record], runs, today: '2020-06-30' }));
    const last = runs.filter((r) => r.sourceId === 'czb-web' && r.startedAt < '2020-06-30T16:00').at(-1);
    expect(findingsOf(result, 'missing')[0]?.evidence).toMatchObject({
      kind: 'crawl',
      id: last?.runId,
      sourceId: 'czb-web',
      published: chinaDate(last?.startedAt ?? ''),
    });
  });

  it('never blames the body when its source was down for the whole window', () => {
    const record = aRecord();
    const runs = [...weeklyRuns(['fpb-web', 't-a-web']), ...weeklyRuns(['czb-web'], false)];
    const result = scoreYear(anInput({ records: [record], runs }));
    expect(obligationOf(result, record.id)?.status).toBe('unverifiable');
    expect(findingsOf(result, 'missing').filter((f) => f.bodyId === 'czb')).toEqual([]);
    expect(findingsOf(result, 'unverifiable').find((f) => f.bodyId === 'czb')?.points).toBe(0);
  });

  it('finds a record shown on the board but not on the required website as a channel missing', () => {
    const record = aRecord({
      item: 'projects.implementation',
      bodyId: 't-a',
      formed: '2020-06-01',
      refNo: null,
      title: '甲镇道路项目实施前公示',
      amount: null,
    });
    const board = anOffline({
      bodyId: 't-a',
      item: 'projects.implementation',
      recordId: record.id,
      postedFrom: '2020-06-10',
      postedTo: '2020-06-25',
      statedDays: 15,
    });
    const result = scoreYear(anInput({ records: [record], offline: [board] }));
    expect(
      result.obligations.find((o) => o.record?.id === record.id && o.channel === '村公示栏')?.status,
    ).toBe('on_time');
    expect(findingsOf(result, 'channel_missing')[0]).toMatchObject({
      item: 'projects.implementation',
      detail: expect.stringContaining('村公示栏'),
    });
  });
});

describe('scoreYear: notices', () => {
  const exit = (days: number, from = '2020-09-28', to = '2020-10-07') =>
    aPost({
      sourceId: 't-a-web',
      publisherBodyId: 'v-a',
      items: ['target.exit'],
      publishedAt: from,
      notice: { start: from, end: to, days, unit: 'calendar' },
      elements: { present: ['脱贫名单'], missing: [] },
    });

  it('accepts a village notice of exactly 10 days', () => {
    expect(findingsOf(scoreYear(anInput({ posts: [exit(10)] })), 'notice_short')).toEqual([]);
  });

  it('finds a 9-day notice short, with its length', () => {
    const result = scoreYear(anInput({ posts: [exit(9, '2020-09-28', '2020-10-06')] }));
    expect(findingsOf(result, 'notice_short')[0]).toMatchObject({ bodyId: 'v-a', days: 9 });
  });

  it('finds a village notice taken down before its 10 days, and a county notice taken down at all', () => {
    const village = { ...exit(10), removedAt: '2020-10-02T02:00:00Z' };
    const county = aPost({
      sourceId: 'fpb-web',
      publisherBodyId: 'fpb',
      items: ['projects.library'],
      publishedAt: '2020-03-02',
      removedAt: '2020-05-01T02:00:00Z',
    });
    const result = scoreYear(anInput({ posts: [village, county] }));
    expect(findingsOf(result, 'removed_early')[0]).toMatchObject({ bodyId: 'v-a', days: 4 });
    expect(findingsOf(result, 'not_kept_online')[0]).toMatchObject({ bodyId: 'fpb' });
  });

  it('counts a back-dated notice as up from the day it was first seen, not from its stated start', () => {
    // Stated 09-28..10-07, but weekly crawls did not see it before 10-12; gone by 10-16.
    const post = { ...exit(10), firstSeen: '2020-10-11T22:00:00Z', removedAt: '2020-10-15T22:00:00Z' };
    const result = scoreYear(anInput({ posts: [post] }));
    expect(findingsOf(result, 'backdated')).toHaveLength(1);
    expect(findingsOf(result, 'removed_early')[0]).toMatchObject({ bodyId: 'v-a', days: 4 });
  });
});

describe('scoreYear: what the posts themselves show', () => {
  it('makes a body with exposed ID numbers unqualified, whatever its points', () => {
    const post = aPost({ privacy: [{ kind: 'id_number', count: 3, fixed: false }] });
    const result = scoreYear(anInput({ posts: [post] }));
    const card = result.scorecards.find((c) => c.body.id === 'czb' && c.scope === 'own');
    expect(card).toMatchObject({ vetoed: true, grade: '不合格' });
    expect(findingsOf(result, 'personal_data')[0]?.detail).toContain('身份证号 3 处');
  });

  it('judges a back-dated post by the day it was first seen', () => {
    const record = aRecord({ formed: '2020-04-24' });
    const post = aPost({
      publishedAt: '2020-05-06',
      firstSeen: '2020-05-28T22:00:00Z',
      recordIds: [record.id],
    });
    const result = scoreYear(anInput({ records: [record], posts: [post] }));
    expect(findingsOf(result, 'backdated')).toHaveLength(1);
    expect(obligationOf(result, record.id)).toMatchObject({ status: 'late', published: '2020-05-29' });
  });

  it('trusts the stated date when no crawl in between could have seen the post', () => {
    const record = aRecord({ formed: '2020-04-24' });
    const post = aPost({
      publishedAt: '2020-05-06',
      firstSeen: '2020-12-31T02:00:00Z',
      recordIds: [record.id],
    });
    const result = scoreYear(
      anInput({
        records: [record],
        posts: [post],
        runs: [{ sourceId: 'czb-web', startedAt: '2020-12-31T02:00:00Z', ok: true }],
      }),
    );
    expect(findingsOf(result, 'backdated')).toEqual([]);
    expect(obligationOf(result, record.id)?.status).toBe('on_time');
  });

  it('counts missing elements per element, capped per finding', () => {
    const post = aPost({
      elements: {
        present: ['资金名称'],
        missing: ['资金来源', '资金规模', '资金用途', '使用单位', '分配原则'],
      },
    });
    const finding = findingsOf(scoreYear(anInput({ posts: [post] })), 'element_missing')[0];
    expect(finding?.points).toBe(2);
  });

  it('finds a district normative document without its 解读', () => {
    const doc = aPost({
      sourceId: 'fpb-web',
      publisherBodyId: 'fpb',
      items: ['policy.normative'],
      title: '关于印发《示范区扶贫资金项目公告公示实施细则》的通知',
      docNo: '三示范扶贫〔2020〕12号',
    });
    const result = scoreYear(anInput({ posts: [doc] }));
    expect(findingsOf(result, 'no_interpretation')).toHaveLength(1);
    const interpretation = aPost({
      sourceId: 'fpb-web',
      publisherBodyId: 'fpb',
      items: ['policy.normative'],
      title: '《示范区扶贫资金项目公告公示实施细则》政策解读',
      interpretationOf: '示范区扶贫资金项目公告公示实施细则',
    });
    expect(findingsOf(scoreYear(anInput({ posts: [doc, interpretation] })), 'no_interpretation')).toEqual([]);
  });
});

describe('scoreYear: standing rules and cards', () => {
  it('expects the hotline from every body the row names, and counts it present when posted', () => {
    const hotline = aPost({
      sourceId: 't-a-web',
      publisherBodyId: 't-a',
      items: ['oversight.reporting'],
      publishedAt: '2020-01-15',
      elements: { present: ['公开单位', '12317监督举报电话'], missing: [] },
    });
    const result = scoreYear(anInput({ posts: [hotline] }));
    const standing = result.obligations.filter(
      (o) => o.origin === 'standing' && o.item === 'oversight.reporting',
    );
    expect(standing.find((o) => o.bodyId === 't-a' && o.channel === '政府网站')?.status).toBe('on_time');
    expect(standing.find((o) => o.bodyId === 'fpb' && o.channel === '政府网站')?.status).toBe('missing');
  });

  it('gives a township a card of its own and one with its villages', () => {
    const result = scoreYear(
      anInput({
        posts: [
          aPost({
            sourceId: 't-a-web',
            publisherBodyId: 'v-a',
            items: ['target.exit'],
            privacy: [{ kind: 'bank_card', count: 1, fixed: false }],
          }),
        ],
      }),
    );
    const own = result.scorecards.find((c) => c.body.id === 't-a' && c.scope === 'own');
    const all = result.scorecards.find((c) => c.body.id === 't-a' && c.scope === 'with_villages');
    expect(own?.vetoed).toBe(false);
    expect(all?.vetoed).toBe(true);
  });

  it('changes points, not code, when the scheme changes', () => {
    const record = aRecord();
    const input = anInput({ records: [record] });
    const strict = SchemeSchema.parse({
      ...scheme,
      id: 'strict',
      findings: { ...scheme.findings, missing: { ...scheme.findings.missing, points: 10 } },
    });
    const card = (s: typeof scheme) =>
      scoreYear({ ...input, scheme: s }).scorecards.find((c) => c.body.id === 'czb' && c.scope === 'own');
    expect((card(scheme)?.points ?? 0) - (card(strict)?.points ?? 0)).toBe(7);
  });

  it('is deterministic', () => {
    const input = anInput({ records: [aRecord()], posts: [aPost()] });
    expect(JSON.stringify(scoreYear(input))).toBe(JSON.stringify(scoreYear(input)));
  });
});

describe('scoreYear: claims', () => {
  const claimOf = (
    key: string,
    status: 'pending' | 'confirmed' | 'rejected',
    publishedOn: string | null,
  ) => ({
    id: 7,
    bodyId: 'czb',
    obligationKey: key,
    url: 'http://czj.example.gov.cn/zjgs/claimed.html',
    status,
    publishedOn,
    by: '财政局联络员',
    at: '2020-12-20T02:00:00.000Z',
    reviewedBy: status === 'pending' ? null : '区评估组',
    reviewedAt: status === 'pending' ? null : '2020-12-21T02:00:00.000Z',
    post: null,
  });

  it('takes a confirmed claim as evidence on the day the body gave, and only notes a pending one', () => {
    const record = aRecord({ formed: '2020-04-24' });
    const key = `rec:${record.id}:政府网站`;
    const pending = scoreYear(
      anInput({ records: [record], claims: [claimOf(key, 'pending', '2020-05-12')] }),
    );
    expect(obligationOf(pending, record.id)).toMatchObject({
      status: 'missing',
      claims: [{ id: 7, status: 'pending' }],
    });
    expect(findingsOf(pending, 'missing')[0]?.detail).toContain('待核实');
    const confirmed = scoreYear(
      anInput({ records: [record], claims: [claimOf(key, 'confirmed', '2020-05-12')] }),
    );
    expect(obligationOf(confirmed, record.id)).toMatchObject({ status: 'on_time', published: '2020-05-12' });
    expect(obligationOf(confirmed, record.id)?.evidence[0]).toMatchObject({ kind: 'claim', id: 7 });
    const lateClaim = scoreYear(
      anInput({ records: [record], claims: [claimOf(key, 'confirmed', '2020-05-20')] }),
    );
    expect(obligationOf(lateClaim, record.id)).toMatchObject({ status: 'late', workdaysLate: 2 });
  });

  it('ignores a claim filed by another body for the obligation', () => {
    const record = aRecord();
    const claim = { ...claimOf(`rec:${record.id}:政府网站`, 'confirmed', '2020-05-12'), bodyId: 'fpb' };
    const result = scoreYear(anInput({ records: [record], claims: [claim] }));
    expect(obligationOf(result, record.id)).toMatchObject({ status: 'missing', claims: [] });
  });
});

describe('chinaDate', () => {
  it.each([
    ['2020-05-12T15:59:59.999Z', '2020-05-12'],
    ['2020-05-12T16:00:00.000Z', '2020-05-13'],
    ['2020-12-31T23:00:00Z', '2021-01-01'],
    ['2020-05-12T02:00:00+08:00', '2020-05-12'],
    ['2020-05-12T00:30:00-02:00', '2020-05-12'],
  ])('reads %s as %s in China', (instant, day) => {
    expect(chinaDate(instant)).toBe(day);
  });
});

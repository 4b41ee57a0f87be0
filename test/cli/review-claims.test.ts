import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { demoSetup } from '../helpers/demo-crawl.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();

interface CardFinding {
  kind: string;
  obligationKey: string | null;
  url: string | null;
  detail: string;
  item: string | null;
}

async function score(db: string): Promise<Map<string, CardFinding[]>> {
  const run = await runCli(['score', '--db', db, '--year', '2020', '--today', '2020-12-31', '--json']);
  expect(run.code, run.stderr).toBe(0);
  const cards = run.json() as { body: { id: string }; findings: CardFinding[] }[];
  return new Map(cards.map((c) => [c.body.id, c.findings]));
}

// The district poverty office's website crawled on the last day of the demo year, records imported.
async function crawledOffice() {
  const dir = tempDir();
  const { server, store } = await demoSetup(dir);
  store.close();
  const db = path.join(dir, 'gongkai.db');
  expect((await runCli(['import', path.join(dir, 'records.csv'), '--db', db])).code).toBe(0);
  const crawl = await runCli(['crawl', '--source', 'fpb-web', '--db', db]);
  expect(crawl.code, crawl.stderr).toBe(0);
  await server.close();
  return db;
}

describe('gongkai claim and review', () => {
  it('a confirmed claim is evidence, a pending or rejected one only a note; a review overrides the matchers', async () => {
    const db = await crawledOffice();
    const before = await score(db);
    // The first record with a finding on a website (late, missing, or unverifiable where nothing was crawled).
    const target = [...before.values()]
      .flat()
      .find((f) => f.obligationKey?.startsWith('rec:') && f.obligationKey.endsWith(':政府网站'));
    expect(target).toBeDefined();
    const key = target?.obligationKey as string;
    const bodyId = [...before.entries()].find(([, fs]) => fs.includes(target as CardFinding))?.[0] as string;

    const filed = await runCli([
      'claim',
      'add',
      '--db',
      db,
      '--body',
      bodyId,
      '--obligation',
      key,
      '--url',
      'http://127.0.0.1:9/claimed.html',
      '--published',
      '2020-01-02',
      '--by',
      '乡镇联络员',
      '--json',
    ]);
    expect(filed.code, filed.stderr).toBe(0);
    const claim = filed.json() as { id: number; status: string };
    expect(claim.status).toBe('pending');
    const again = await runCli([
      'claim',
      'add',
      '--db',
      db,
      '--body',
      bodyId,
      '--obligation',
      key,
      '--url',
      'http://127.0.0.1:9/claimed.html',
      '--by',
      '乡镇联络员',
    ]);
    expect(again.stdout).toContain(`该申诉已登记过：#${claim.id}`);

    const pending = (await score(db)).get(bodyId)?.find((f) => f.obligationKey === key);
    expect(pending?.kind).toBe(target?.kind);
    expect(pending?.detail).toContain('已申诉并提交链接，待核实');

    const rejected = await runCli(['claim', 'reject', String(claim.id), '--db', db, '--by', '区评估组']);
    expect(rejected.code).toBe(0);
    expect((await score(db)).get(bodyId)?.find((f) => f.obligationKey === key)?.detail).toContain('未予采纳');

    expect((await runCli(['claim', 'confirm', String(claim.id), '--db', db, '--by', '区评估组'])).code).toBe(
      0,
    );
    const after = (await score(db)).get(bodyId) ?? [];
    // Published on 2020-01-02 as the body said: on time unless the record was formed later (then late, not missing).
    expect(after.filter((f) => f.obligationKey === key).map((f) => f.kind)).not.toContain(target?.kind);
    const listed = await runCli(['claim', 'list', '--db', db, '--status', 'confirmed', '--json']);
    expect(listed.json()).toMatchObject([{ id: claim.id, reviewedBy: '区评估组', status: 'confirmed' }]);

    // A post the matchers read as a catalog item, behind a finding (late, elements, notice): a reviewer says
    // it is no catalog item at all, and the finding goes.
    const byPost = [...before.values()]
      .flat()
      .find((f) => f.url && ['late', 'element_missing', 'notice_short', 'removed_early'].includes(f.kind));
    expect(byPost?.url).toBeTruthy();
    const store = openStore(db);
    const post = store.posts.list().find((p) => p.url === byPost?.url);
    store.close();
    const reviewed = await runCli([
      'review',
      'add',
      String(post?.id),
      '--db',
      db,
      '--none',
      '--by',
      '区评估组',
      '--note',
      '不是目录事项',
    ]);
    expect(reviewed.code, reviewed.stderr).toBe(0);
    const afterReview = [...(await score(db)).values()].flat();
    expect(afterReview.filter((f) => f.url === byPost?.url && f.kind === byPost?.kind)).toEqual([]);
    const done = await runCli(['review', 'list', '--done', '--db', db, '--json']);
    expect(done.json()).toMatchObject([{ postId: post?.id, by: '区评估组', decision: { items: [] } }]);
  });

  it('says what is wrong with a claim or a review, and stores nothing', async () => {
    const dir = tempDir();
    const { server, store } = await demoSetup(dir);
    store.close();
    await server.close();
    const db = path.join(dir, 'gongkai.db');
    const bad = [
      [
        ['claim', 'add', '--body', 'nobody', '--record', '1', '--url', 'http://x/', '--by', 'a'],
        '找不到主体“nobody”',
      ],
      [
        ['claim', 'add', '--body', 'fpb', '--url', 'http://x/', '--by', 'a'],
        '请给出 --obligation 或 --record',
      ],
      [
        ['claim', 'add', '--body', 'fpb', '--obligation', 'x', '--url', 'http://x/', '--by', 'a'],
        '--obligation 应形如',
      ],
      [
        ['claim', 'add', '--body', 'fpb', '--obligation', 'rec:1:政府网站', '--url', 'ftp://x/', '--by', 'a'],
        '应为 http 或 https',
      ],
      [['claim', 'confirm', '99', '--by', 'a'], '找不到申诉 #99'],
      [['review', 'add', '12345', '--none', '--by', 'a'], '找不到信息“12345”'],
    ] as const;
    for (const [args, message] of bad) {
      const run = await runCli([...args, '--db', db]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
    }
    const check = openStore(db);
    expect(check.claims.list()).toEqual([]);
    check.close();
  });
});

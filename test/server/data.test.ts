import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { addAccounts, dashboardApp, login, scoredDemo } from '../helpers/dashboard.js';

let dir: string;
let store: Store;
let close: () => Promise<void>;
let recordsCsv: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'gongkai-data-'));
  const demo = await scoredDemo(dir);
  close = demo.close;
  store = openStore(demo.db);
  await addAccounts(store);
  recordsCsv = readFileSync(path.join(dir, 'records.csv'), 'utf8');
}, 120_000);

afterAll(async () => {
  store?.close();
  await close?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// A PNG's signature and the start of its header chunk: enough for the magic-byte check.
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

function upload(
  fields: Record<string, string>,
  files: Record<string, { bytes: Uint8Array | string; name: string; type?: string }>,
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [k, f] of Object.entries(files))
    form.append(k, new File([f.bytes], f.name, { type: f.type ?? 'application/octet-stream' }));
  return form;
}

// accounts.auditLog passes its numbered parameters positionally (better-sqlite3 refuses): read the table.
function lastAudit(actor: string) {
  const row = store.db
    .prepare<[string], { action: string; target: string | null; detail: string }>(
      'SELECT action, target, detail FROM audit_log WHERE actor = ? ORDER BY id DESC LIMIT 1',
    )
    .get(actor);
  return row ? { ...row, detail: JSON.parse(row.detail) as Record<string, unknown> } : undefined;
}

describe('/data: records import', () => {
  it('imports a good file, shows the counts, audits it and rescores', async () => {
    const { app, calls } = dashboardApp(store);
    const { cookie, csrf } = await login(app, 'admin');
    const rows = recordsCsv.trim().split(/\r?\n/).length - 1;
    const csv = `${recordsCsv.trimEnd()}\nfunds.allocation,fpb,2020年第九批财政专项扶贫资金分配（测试）,示财〔2020〕99号,2020-12-20,1000,\n`;
    const res = await app.request('/data/records', {
      method: 'POST',
      headers: { cookie },
      body: upload({ _csrf: csrf }, { file: { bytes: csv, name: '记录 2020.csv', type: 'text/csv' } }),
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`已导入 记录 2020.csv（记录 ${rows + 1} 条）：新增 1、更新 0、未变 ${rows}`);
    expect(store.records.list({ bodyId: 'fpb' }).some((r) => r.refNo === '示财〔2020〕99号')).toBe(true);
    expect(calls.filter((c) => c.action === 'rescore')).toEqual([{ action: 'rescore', args: [2020] }]);
    expect(lastAudit('admin')).toMatchObject({
      action: 'records.import',
      target: '记录 2020.csv',
      detail: { kind: 'records', created: 1, unchanged: rows },
    });
  });

  it('lists every bad row and column of a file and imports none of it', async () => {
    const { app, calls } = dashboardApp(store);
    const { cookie, csrf } = await login(app, '评估员');
    const before = store.records.list().length;
    const csv = [
      '事项,主体,标题,文号,形成日期,金额,备注',
      'funds.allocation,fpb,好的一行（不应导入）,示财〔2020〕98号,2020-06-01,100,',
      'funds.allocation,no-such-body,主体不存在,,2020-06-01,100,',
      'funds.allocation,fpb,日期不对,,2020-13-45,100,',
      'no.such.item,fpb,事项不存在,,2020-06-01,abc,',
    ].join('\n');
    const res = await app.request('/data/records', {
      method: 'POST',
      headers: { cookie },
      body: upload({ _csrf: csrf }, { file: { bytes: csv, name: 'bad.csv' } }),
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('整个文件均未导入');
    const problems = [...html.matchAll(/<li>(第 \d+ 行[^<]*)<\/li>/g)].map((m) => m[1] ?? '');
    expect(problems.some((p) => p.startsWith('第 3 行 “主体”列'))).toBe(true);
    expect(problems.some((p) => p.startsWith('第 4 行 “形成日期”列'))).toBe(true);
    expect(problems.some((p) => p.startsWith('第 5 行 “事项”列'))).toBe(true);
    expect(problems.some((p) => p.startsWith('第 5 行 “金额”列'))).toBe(true);
    expect(store.records.list().length).toBe(before);
    expect(calls).toEqual([]);
  });

  it('refuses a path in the file name, a wrong extension, and an evidence table', async () => {
    const { app } = dashboardApp(store);
    const { cookie, csrf } = await login(app, 'admin');
    const send = (name: string, bytes = recordsCsv) =>
      app.request('/data/records', {
        method: 'POST',
        headers: { cookie },
        body: upload({ _csrf: csrf }, { file: { bytes, name } }),
      });
    for (const name of ['../records.csv', '..\\records.csv', 'a/records.csv', 'records\u0001.csv']) {
      const res = await send(name);
      expect(res.status, name).toBe(400);
      expect(await res.text()).toMatch(/文件名不能含有|文件名含有控制字符/);
    }
    const exe = await send('records.exe');
    expect(exe.status).toBe(400);
    expect(await exe.text()).toContain('只接受 .xlsx 或 .csv 文件');
    const evidence = await send('evidence.csv', readFileSync(path.join(dir, 'evidence.csv'), 'utf8'));
    expect(evidence.status).toBe(400);
    expect(await evidence.text()).toContain('是线下公示表');
  });

  it('answers an upload over the limit with 413, and a township lead with 403', async () => {
    const { app } = dashboardApp(store, { maxUploadBytes: 2048 });
    const { cookie, csrf } = await login(app, 'admin');
    const big = await app.request('/data/records', {
      method: 'POST',
      headers: { cookie },
      body: upload({ _csrf: csrf }, { file: { bytes: 'x'.repeat(8192), name: 'big.csv' } }),
    });
    expect(big.status).toBe(413);
    const township = await login(app, 'hexi');
    const refused = await app.request('/data/records', {
      method: 'POST',
      headers: { cookie: township.cookie },
      body: upload({ _csrf: township.csrf }, { file: { bytes: recordsCsv.slice(0, 500), name: 'r.csv' } }),
    });
    expect(refused.status).toBe(403);
  });
});

describe('/data: offline evidence', () => {
  const posting = (csrf: string, overrides: Record<string, string> = {}) => ({
    _csrf: csrf,
    body: 'v-binhe',
    item: 'projects.implementation',
    record: String(
      store.records.list({ bodyId: 'v-binhe', item: 'projects.implementation' }).at(-1)?.id ?? '',
    ),
    channel: '村公示栏',
    title: '<script>alert(1)</script>竣工验收公告',
    postedFrom: '2020-12-21',
    postedTo: '2020-12-31',
    days: '10',
    note: '',
    ...overrides,
  });

  it('stores a posting with its photo as entered by the viewer, rescores, and lists it escaped', async () => {
    const { app, calls } = dashboardApp(store);
    const { cookie, csrf } = await login(app, 'hexi');
    const res = await app.request('/data/evidence', {
      method: 'POST',
      headers: { cookie },
      body: upload(posting(csrf), { photo: { bytes: PNG, name: 'IMG_0001.jpg', type: 'image/jpeg' } }),
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    const id = Number(/saved=(\d+)/.exec(location)?.[1]);
    const saved = store.offlineEvidence.get(id);
    expect(saved).toMatchObject({
      bodyId: 'v-binhe',
      enteredBy: 'hexi',
      statedDays: 10,
      channel: '村公示栏',
    });
    expect(saved?.photoSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(calls).toContainEqual({ action: 'rescore', args: [2020] });
    expect(lastAudit('hexi')).toMatchObject({ action: 'evidence.add', target: `evidence:${id}` });
    const page = await (await app.request(location, { headers: { cookie } })).text();
    expect(page).toContain(`已录入线下公示 #${id}`);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;竣工验收公告');
    expect(page).not.toContain('<script>alert(1)');
    const photo = await app.request(`/data/evidence/${id}/photo`, { headers: { cookie } });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(photo.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses a photo that is not an image, another township’s body, and a forged token', async () => {
    const { app, calls } = dashboardApp(store);
    const { cookie, csrf } = await login(app, 'hexi');
    const send = (fields: Record<string, string>, bytes: Uint8Array | string = PNG) =>
      app.request('/data/evidence', {
        method: 'POST',
        headers: { cookie },
        body: upload(fields, { photo: { bytes, name: 'photo.png', type: 'image/png' } }),
      });
    const html = await send(posting(csrf), '<html><script>alert(1)</script></html>');
    expect(html.status).toBe(400);
    expect(await html.text()).toContain('照片应为 JPEG、PNG 或 WebP 图片');
    expect((await send(posting(csrf, { body: 'fpb', record: '' }))).status).toBe(404);
    expect((await app.request('/data?body=fpb', { headers: { cookie } })).status).toBe(404);
    expect((await send(posting('forged-token'))).status).toBe(403);
    expect(calls).toEqual([]);
  });

  it('names the fields that are wrong and keeps what was typed', async () => {
    const { app } = dashboardApp(store);
    const { cookie, csrf } = await login(app, 'hexi');
    const res = await app.request('/data/evidence', {
      method: 'POST',
      headers: { cookie },
      body: upload(
        posting(csrf, { postedFrom: '2020-12-21', postedTo: '2020-12-01', title: '倒填的公示' }),
        {},
      ),
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('撤下日期：撤下日期 2020-12-01 早于张贴日期 2020-12-21');
    expect(html).toContain('value="倒填的公示"');
  });
});

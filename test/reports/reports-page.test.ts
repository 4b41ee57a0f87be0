import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { addAccounts, dashboardApp, login } from '../helpers/dashboard.js';
import { demoForFile, parseCsv } from './fixtures.js';

let demo: Awaited<ReturnType<typeof demoForFile>>;
let store: Store;

beforeAll(async () => {
  demo = await demoForFile();
  store = openStore(demo.db);
  await addAccounts(store);
}, 120_000);

afterAll(async () => {
  store?.close();
  await demo?.close();
});

async function as(name: string) {
  const { app } = dashboardApp(store);
  const { cookie } = await login(app, name);
  return (path: string) => app.request(path, { headers: { cookie } });
}

describe('/reports', () => {
  it('offers an evaluator the year, the whole district or a township, and the formats', async () => {
    const res = await (await as('评估员'))('/reports');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<option value="2020" selected="">2020 年</option>');
    expect(html).toContain('<option value="" selected="">全区</option>');
    expect(html).toContain('河西街道办事处（含所辖村）');
    expect(html).toMatch(/<option value="pdf"[^>]*>PDF/);
    expect(html).toContain(store.scores.latest(2020)?.inputsSha256);
  });

  it('downloads the district’s workbook and logs who downloaded which snapshot', async () => {
    const res = await (await as('评估员'))('/reports/download?year=2020&format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="gongkai-report-2020\.xlsx"; filename\*=UTF-8''%E4%B8%89/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.getWorksheet('评分')?.rowCount).toBe(store.scores.scorecards(1, 'own').length + 1);
    const entry = store.accounts.auditLog({ limit: 5 }).find((e) => e.action === 'report.export');
    expect(entry).toMatchObject({
      actor: '评估员',
      target: 'district',
      detail: { year: 2020, format: 'xlsx', runId: 1, inputsSha256: store.scores.latest(2020)?.inputsSha256 },
    });
  });

  it('lets a township lead download their own township’s findings, and nothing else', async () => {
    const get = await as('hexi');
    const own = await get('/reports/download?year=2020&format=csv&body=t-hexi');
    expect(own.status).toBe(200);
    const rows = parseCsv((await own.text()).replace(/^\uFEFF/, ''));
    expect(rows.slice(1).every((r) => r[1] === 't-hexi' || r[1]?.startsWith('v-'))).toBe(true);
    expect((await get('/reports/download?year=2020&format=csv&body=t-chengcun')).status).toBe(403);
    expect((await get('/reports/download?year=2020&format=csv')).status).toBe(403);
    const page = await (await get('/reports')).text();
    expect(page).not.toContain('全区</option>');
    expect(page).not.toContain('城村镇');
  });

  it('says when the year has no score run, and refuses an unknown format', async () => {
    const get = await as('admin');
    const none = await get('/reports/download?year=2019&format=xlsx');
    expect(none.status).toBe(404);
    expect(await none.text()).toContain('2019 年度还没有评分结果');
    expect((await get('/reports/download?year=2020&format=docx')).status).toBe(400);
  });

  it('prints the township’s report to PDF through Chromium', async () => {
    const res = await (await as('hexi'))('/reports/download?year=2020&format=pdf&body=t-hexi');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  }, 60_000);
});

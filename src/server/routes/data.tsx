import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Context, Hono } from 'hono';
import { DataFileError } from '../../catalog/index.js';
import type { Body, OfflineEvidence } from '../../store/index.js';
import { addEvidence, type EvidenceEntry, importRecords, readTable, tableKind } from '../../sync/index.js';
import { canSee, requireRole } from '../auth/session.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { createReadModel } from '../read-model.js';
import { DataPage, type DataPageProps, type ImportResult } from '../views/data.js';
import { EVIDENCE_FIELDS, type EvidenceFormState } from '../views/data-evidence.js';

/** Channels of postings people enter (a board, a service counter); the web ones are crawled. */
const OFFLINE_CHANNELS = ['村公示栏', '便民服务站', '政务服务中心', '公开查阅点', '入户/现场'] as const;

// `gongkai evidence add`'s options, as the form names them.
const FIELD_ZH: Record<string, string> = {
  '--body': '公开主体',
  '--item': '事项',
  '--record': '记录',
  '--channel': '渠道',
  '--from': '张贴日期',
  '--to': '撤下日期',
  '--days': '公示天数',
  '--title': '公示标题',
  '--by': '录入人',
  '--note': '备注',
  '--photo': '照片',
};

const IMAGE_TYPES = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
type ImageType = keyof typeof IMAGE_TYPES;

/** The image kind its first bytes show, whatever the upload claims to be. */
export function imageTypeOf(b: Uint8Array): ImageType | undefined {
  const at = (offset: number, bytes: readonly number[]) => bytes.every((x, i) => b[offset + i] === x);
  if (at(0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'webp';
  return undefined;
}

/** Why an uploaded table's name is refused: a path, a control character, or not .xlsx/.csv. */
export function uploadNameProblem(name: string): string | undefined {
  if (!name) return '缺少文件名';
  if (name.length > 200) return '文件名过长';
  if ([...name].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20 || ch.codePointAt(0) === 0x7f))
    return '文件名含有控制字符';
  if (name.includes('..') || /[/\\]/.test(name)) return '文件名不能含有“..”“/”或“\\”';
  if (!['.xlsx', '.csv'].includes(path.extname(name).toLowerCase())) return '只接受 .xlsx 或 .csv 文件';
  return undefined;
}

/** Runs `task` with a fresh private temp folder, removed afterwards whatever happens. */
async function inTempDir<T>(task: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gongkai-upload-'));
  try {
    return await task(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** `/data`: records import (evaluators, admins) and offline evidence entry (for the bodies in scope). */
export function registerData(app: Hono<AppEnv>, deps: ServerDeps): void {
  const read = createReadModel(deps);
  const { store, catalog } = deps;
  const canImport = (c: Context<AppEnv>) => c.get('viewer').role !== 'township';
  const visibleBody = (c: Context<AppEnv>, id: string): Body | undefined => {
    const body = id ? read.body(id) : undefined;
    return body && canSee(c.get('scope'), body.id) ? body : undefined;
  };

  const render = (c: Context<AppEnv>, body: Body | undefined, extra: Partial<DataPageProps> = {}) => {
    const scope = c.get('scope');
    const postings = body ? store.offlineEvidence.list({ bodyId: body.id }) : [];
    return c.render(
      <DataPage
        viewer={c.get('viewer')}
        catalog={catalog}
        bodies={read.bodies().filter((b) => b.active && canSee(scope, b.id))}
        body={body}
        canImport={canImport(c)}
        records={body ? store.records.list({ bodyId: body.id }) : []}
        postings={postings
          .sort((a, b) => b.postedFrom.localeCompare(a.postedFrom) || b.id - a.id)
          .slice(0, 20)}
        channels={OFFLINE_CHANNELS}
        {...extra}
      />,
    );
  };

  app.get('/data', (c) => {
    const viewer = c.get('viewer');
    const asked = c.req.query('body') || (viewer.role === 'township' ? (viewer.bodyId ?? '') : '');
    const body = visibleBody(c, asked);
    if (asked && !body) return c.notFound();
    const saved = store.offlineEvidence.get(Number(c.req.query('saved')));
    const values = Object.fromEntries(
      (['item', 'record', 'channel'] as const).map((k) => [k, c.req.query(k) ?? '']),
    );
    return render(c, body, {
      saved: saved && saved.bodyId === body?.id ? saved : undefined,
      entry: { values, problems: [] },
    });
  });

  app.use('/data/records', requireRole('admin', 'evaluator'));
  app.post('/data/records', async (c) => {
    const viewer = c.get('viewer');
    if (viewer.kind !== 'user') return c.text('请登录后上传', 403);
    const file = (await c.req.parseBody()).file;
    const refuse = (message: string) => {
      c.status(400);
      return render(c, undefined, { imported: { kind: 'refused', message } });
    };
    if (!(file instanceof File)) return refuse('请选择要导入的文件');
    const problem = uploadNameProblem(file.name);
    if (problem) return refuse(problem);
    if (file.size === 0) return refuse(`${file.name} 是空文件`);
    const name = file.name;
    const result = await inTempDir(async (dir): Promise<ImportResult> => {
      // Only the extension of the given name is kept: the file is written under a name of ours.
      const saved = path.join(dir, `upload${path.extname(name).toLowerCase()}`);
      await writeFile(saved, new Uint8Array(await file.arrayBuffer()));
      try {
        if (tableKind(await readTable(saved)) === 'evidence')
          return {
            kind: 'refused',
            message: `${name} 是线下公示表：请在下方逐条录入（附照片），或由管理员用命令行导入`,
          };
        return { kind: 'imported', name, summary: await importRecords(store, saved, { catalog }) };
      } catch (error) {
        if (error instanceof DataFileError) return { kind: 'invalid', name, problems: error.problems };
        throw error;
      }
    });
    if (result.kind !== 'imported') {
      c.status(result.kind === 'invalid' ? 422 : 400);
      return render(c, undefined, { imported: result });
    }
    const { warnings: _w, file: _f, ...counts } = result.summary;
    store.accounts.audit({ actor: viewer.name, action: 'records.import', target: name, detail: counts });
    await rescore(deps, read.defaultYear());
    return render(c, undefined, { imported: result });
  });

  app.post('/data/evidence', async (c) => {
    const viewer = c.get('viewer');
    if (viewer.kind !== 'user') return c.text('请登录后录入', 403);
    const form = await c.req.parseBody();
    const body = visibleBody(c, text(form.body));
    if (!body) return c.notFound();
    const values = Object.fromEntries(EVIDENCE_FIELDS.map((k) => [k, text(form[k])]));
    const fail = (problems: EvidenceFormState['problems'], status: 400 | 422 = 422) => {
      c.status(status);
      return render(c, body, { entry: { values, problems } });
    };
    const photo = form.photo instanceof File && form.photo.size > 0 ? form.photo : undefined;
    const photoBytes = photo ? new Uint8Array(await photo.arrayBuffer()) : undefined;
    const photoType = photoBytes ? imageTypeOf(photoBytes) : undefined;
    if (photoBytes && !photoType)
      return fail([{ field: '照片', message: '照片应为 JPEG、PNG 或 WebP 图片（按文件内容判断）' }], 400);
    if (!(OFFLINE_CHANNELS as readonly string[]).includes(values.channel ?? ''))
      return fail([{ field: '渠道', message: `请选择线下渠道：${OFFLINE_CHANNELS.join('、')}` }]);
    if (values.record && store.records.get(Number(values.record))?.bodyId !== body.id)
      return fail([{ field: '记录', message: '所选记录不属于该主体' }]);

    const entry: EvidenceEntry = { body: body.id, by: viewer.name };
    for (const k of EVIDENCE_FIELDS) if (values[k]) entry[k] = values[k];
    const outcome = await inTempDir(async (dir) => {
      if (photoBytes && photoType) {
        await writeFile(path.join(dir, `photo.${photoType}`), photoBytes);
        entry.photo = `photo.${photoType}`;
      }
      try {
        return addEvidence(store, entry, { catalog, baseDir: dir });
      } catch (error) {
        if (error instanceof DataFileError)
          return error.problems.map((p) => ({ field: FIELD_ZH[p.path] ?? p.path, message: p.message }));
        throw error;
      }
    });
    if (Array.isArray(outcome)) return fail(outcome);
    const e: OfflineEvidence = outcome.evidence;
    store.accounts.audit({
      actor: viewer.name,
      action: 'evidence.add',
      target: `evidence:${e.id}`,
      detail: {
        outcome: outcome.outcome,
        bodyId: e.bodyId,
        item: e.item,
        recordId: e.recordId,
        channel: e.channel,
        postedFrom: e.postedFrom,
        photoSha256: e.photoSha256,
      },
    });
    await rescore(deps, Number(e.postedFrom.slice(0, 4)));
    return c.redirect(`/data?body=${encodeURIComponent(body.id)}&saved=${e.id}#evidence`, 303);
  });

  // A posting's photo, for the bodies in scope only; served as the image its bytes show, never as a page.
  app.get('/data/evidence/:id/photo', (c) => {
    const e = store.offlineEvidence.get(Number(c.req.param('id')));
    if (!e?.photoSha256 || !canSee(c.get('scope'), e.bodyId)) return c.notFound();
    const bytes = store.blobs.get(e.photoSha256);
    const type = bytes ? imageTypeOf(bytes) : undefined;
    if (!bytes || !type) return c.notFound();
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': IMAGE_TYPES[type],
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=86400',
    });
  });
}

/** Rescores after a change; a failure is logged, the change itself stays. */
async function rescore(deps: ServerDeps, year: number): Promise<void> {
  try {
    await deps.actions.rescore(year);
  } catch (error) {
    deps.log?.warn({ err: String(error), year }, 'rescore after a data change failed');
  }
}

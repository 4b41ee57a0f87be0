import type { Catalog, Problem } from '../../catalog/index.js';
import type { Body, OfflineEvidence, StoredRecord } from '../../store/index.js';
import type { TableImportSummary } from '../../sync/index.js';
import type { Viewer } from '../deps.js';
import { type EvidenceFormState, EvidenceSection } from './data-evidence.js';
import { Csrf, Layout } from './layout.js';

/** What became of an uploaded records file. */
export type ImportResult =
  | { kind: 'imported'; name: string; summary: TableImportSummary }
  | { kind: 'invalid'; name: string; problems: readonly Problem[] }
  | { kind: 'refused'; message: string };

export interface DataPageProps {
  viewer: Viewer;
  catalog: Catalog;
  /** Bodies the viewer may enter postings for. */
  bodies: Body[];
  body: Body | undefined;
  canImport: boolean;
  records: StoredRecord[];
  postings: OfflineEvidence[];
  channels: readonly string[];
  imported?: ImportResult;
  entry?: EvidenceFormState;
  saved?: OfflineEvidence | undefined;
}

/** 第 3 行 · 形成日期：… */
export function problemText(p: Problem): string {
  const where = [p.line ? `第 ${p.line} 行` : '', p.path ? `“${p.path}”列` : ''].filter(Boolean).join(' ');
  return `${where ? `${where}：` : ''}${p.message}`;
}

function ImportOutcome(props: { result: ImportResult }) {
  const r = props.result;
  if (r.kind === 'refused')
    return (
      <p class="error" role="alert">
        未导入：{r.message}
      </p>
    );
  if (r.kind === 'invalid')
    return (
      <div class="error" role="alert">
        <p>
          {r.name} 有 {r.problems.length} 处错误，整个文件均未导入。请改正后重新上传：
        </p>
        <ol class="problems">
          {r.problems.map((p) => (
            <li>{problemText(p)}</li>
          ))}
        </ol>
      </div>
    );
  const s = r.summary;
  return (
    <div class="notice" role="status">
      <p>
        已导入 {r.name}（记录 {s.rows} 条）：新增 {s.created}、更新 {s.updated}、未变 {s.unchanged}
        。已重新评分。
      </p>
      {s.warnings.length > 0 ? (
        <>
          <p>提示（不影响导入）：</p>
          <ol class="problems">
            {s.warnings.map((p) => (
              <li>{problemText(p)}</li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}

function RecordsSection(props: DataPageProps) {
  return (
    <section id="records" aria-labelledby="h-records">
      <h2 id="h-records">导入记录表</h2>
      <p class="meta">
        每行一条已形成、须公开的记录，列为：事项、主体、标题、文号、形成日期、金额、备注（中文或英文表头均可）。
        支持 .xlsx 与 .csv（UTF-8 或 GBK）。有任何一行出错则整个文件不导入；重复导入同一文件不会产生重复记录。
      </p>
      {props.imported ? <ImportOutcome result={props.imported} /> : null}
      <form class="inline" method="post" action="/data/records" enctype="multipart/form-data">
        <Csrf viewer={props.viewer} />
        <label>
          记录表文件（.xlsx 或 .csv）
          <input type="file" name="file" accept=".xlsx,.csv" required />
        </label>
        <button type="submit">导入</button>
      </form>
    </section>
  );
}

/** `/data`: records import (evaluators) and offline evidence entry (for the bodies in the viewer's scope). */
export function DataPage(props: DataPageProps) {
  return (
    <Layout title="数据录入" viewer={props.viewer} current="/data">
      <h1>数据录入</h1>
      {props.canImport ? (
        <RecordsSection {...props} />
      ) : (
        <p class="meta">
          记录表（资金下达、项目库、计划等）由评估人员统一导入：公开期限从记录的形成日期算起，由被考核单位自行导入会影响考核的公正。
        </p>
      )}
      <EvidenceSection {...props} />
    </Layout>
  );
}

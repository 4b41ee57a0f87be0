import type { Catalog } from '../../catalog/index.js';
import type { Body, OfflineEvidence, StoredRecord } from '../../store/index.js';
import type { Viewer } from '../deps.js';
import { dateZh, instantZh, LEVEL_ZH } from './format.js';
import { Csrf } from './layout.js';

export const EVIDENCE_FIELDS = [
  'item',
  'record',
  'channel',
  'title',
  'postedFrom',
  'postedTo',
  'days',
  'note',
] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

/** The entry form as sent back: what was typed, and what was wrong with it. */
export interface EvidenceFormState {
  values: Partial<Record<EvidenceField, string>>;
  problems: { field: string; message: string }[];
}

interface Props {
  viewer: Viewer;
  catalog: Catalog;
  bodies: Body[];
  body: Body | undefined;
  records: StoredRecord[];
  postings: OfflineEvidence[];
  channels: readonly string[];
  entry?: EvidenceFormState;
  saved?: OfflineEvidence | undefined;
}

function BodyPicker(props: Props) {
  return (
    <form class="inline" method="get" action="/data" aria-label="选择主体">
      <label>
        公开主体
        <select name="body">
          {props.body ? null : <option value="">请选择</option>}
          {props.bodies.map((b) => (
            <option value={b.id} selected={b.id === props.body?.id}>
              {b.name}（{LEVEL_ZH[b.level]}）
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="secondary">
        选择
      </button>
    </form>
  );
}

function EntryForm(props: Props & { body: Body }) {
  const v = props.entry?.values ?? {};
  const items = props.catalog.items;
  return (
    <form class="entry" method="post" action="/data/evidence" enctype="multipart/form-data">
      <Csrf viewer={props.viewer} />
      <input type="hidden" name="body" value={props.body.id} />
      <label>
        事项
        <select name="item" required>
          <option value="">请选择</option>
          {items.map((i) => (
            <option value={i.id} selected={v.item === i.id}>
              {i.no}. {i.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        所公示的记录（可不选）
        <select name="record">
          <option value="">不关联记录</option>
          {props.records.map((r) => (
            <option value={String(r.id)} selected={v.record === String(r.id)}>
              {items.find((i) => i.id === r.item)?.no}. {r.title}
              {r.refNo ? `（${r.refNo}）` : ''} · {r.formed}
            </option>
          ))}
        </select>
      </label>
      <label>
        渠道
        <select name="channel" required>
          {props.channels.map((ch) => (
            <option value={ch} selected={(v.channel ?? '村公示栏') === ch}>
              {ch}
            </option>
          ))}
        </select>
      </label>
      <label>
        公示标题
        <input type="text" name="title" maxlength={200} value={v.title} />
      </label>
      <label>
        张贴日期
        <input type="date" name="postedFrom" required value={v.postedFrom} />
      </label>
      <label>
        撤下日期（可不填）
        <input type="date" name="postedTo" value={v.postedTo} />
      </label>
      <label>
        公示写明的天数（可不填）
        <input type="number" name="days" min={1} max={3650} inputmode="numeric" value={v.days} />
      </label>
      <label>
        现场照片（JPEG、PNG 或 WebP）
        <input type="file" name="photo" accept="image/jpeg,image/png,image/webp" />
      </label>
      <label class="wide">
        备注（可不填）
        <input type="text" name="note" maxlength={500} value={v.note} />
      </label>
      <button type="submit">录入</button>
    </form>
  );
}

function Postings(props: Props) {
  if (props.postings.length === 0) return <p class="empty">该主体还没有录入过线下公示。</p>;
  const itemName = (id: string) => props.catalog.items.find((i) => i.id === id)?.name ?? id;
  const records = new Map(props.records.map((r) => [r.id, r]));
  return (
    <div class="scroll">
      <table>
        <caption class="sr">最近录入的线下公示</caption>
        <thead>
          <tr>
            <th scope="col">张贴</th>
            <th scope="col">事项</th>
            <th scope="col">标题与记录</th>
            <th scope="col">渠道</th>
            <th scope="col">公示期</th>
            <th scope="col">照片</th>
            <th scope="col">录入</th>
          </tr>
        </thead>
        <tbody>
          {props.postings.map((e) => (
            <tr>
              <td>{dateZh(e.postedFrom)}</td>
              <td>{itemName(e.item)}</td>
              <td>
                {e.title ?? '（无标题）'}
                {e.recordId && records.get(e.recordId)?.title !== e.title ? (
                  <div class="meta">记录：{records.get(e.recordId)?.title ?? `#${e.recordId}`}</div>
                ) : null}
              </td>
              <td>{e.channel}</td>
              <td>
                {e.postedTo ? `至 ${dateZh(e.postedTo)}` : '未撤下'}
                {e.statedDays ? <div class="meta">写明 {e.statedDays} 天</div> : null}
              </td>
              <td>
                {e.photoSha256 ? (
                  <a href={`/data/evidence/${e.id}/photo`} target="_blank" rel="noopener">
                    <img
                      class="thumb"
                      src={`/data/evidence/${e.id}/photo`}
                      alt={`${e.title ?? '线下公示'}的现场照片`}
                      loading="lazy"
                    />
                  </a>
                ) : (
                  '—'
                )}
              </td>
              <td>
                {e.enteredBy}
                <div class="meta">{instantZh(e.enteredAt)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Offline evidence: pick a body, enter a posting with its photo, see the body's recent postings. */
export function EvidenceSection(props: Props) {
  const problems = props.entry?.problems ?? [];
  return (
    <section id="evidence" aria-labelledby="h-evidence">
      <h2 id="h-evidence">录入线下公示</h2>
      <p class="meta">
        公示栏、便民服务站等线下张贴的公示，由张贴单位录入，附现场照片；录入后重新评分，评估人员可查看照片核实。
      </p>
      <BodyPicker {...props} />
      {props.saved ? (
        <p class="notice" role="status">
          已录入线下公示 #{props.saved.id}：{props.saved.title ?? '（无标题）'}，
          {dateZh(props.saved.postedFrom)} 张贴。已重新评分。
        </p>
      ) : null}
      {problems.length > 0 ? (
        <div class="error" role="alert">
          <p>未录入，请改正以下问题：</p>
          <ol class="problems">
            {problems.map((p) => (
              <li>
                {p.field ? `${p.field}：` : ''}
                {p.message}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {props.body ? (
        <>
          <EntryForm {...props} body={props.body} />
          <h3>{props.body.name} 最近的线下公示</h3>
          <Postings {...props} />
        </>
      ) : (
        <p class="empty">请先选择公开主体。</p>
      )}
    </section>
  );
}

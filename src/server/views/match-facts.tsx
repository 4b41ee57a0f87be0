import { z } from 'zod';
import type { Catalog } from '../../catalog/index.js';
import type { StoredMatch, StoredRecord } from '../../store/index.js';
import { dateZh, percent } from './format.js';
import { itemLabel, maskNumbers, PRIVACY_ZH } from './labels.js';

// The parts of a stored analysis the pages show; an analysis from an older matcher may lack any of them.
const AnalysisSchema = z.object({
  items: z
    .array(
      z.object({
        id: z.string(),
        evidence: z
          .array(z.object({ kind: z.string(), phrase: z.string().optional(), text: z.string() }))
          .catch([]),
      }),
    )
    .catch([]),
  elements: z
    .object({
      present: z
        .array(
          z.object({ key: z.string(), span: z.object({ where: z.string(), text: z.string() }).optional() }),
        )
        .catch([]),
    })
    .catch({ present: [] }),
});

/** What the matchers' stored analysis says beyond the match row: each item's evidence, each element's words. */
export function analysisOf(match: StoredMatch) {
  const parsed = AnalysisSchema.safeParse(match.analysis);
  return parsed.success ? parsed.data : { items: [], elements: { present: [] } };
}

const EVIDENCE_ZH: Record<string, string> = {
  title: '标题',
  body: '正文',
  elements: '要素',
  attachment: '附件',
  column: '栏目',
  publisher: '发布主体',
  'doc-number': '文号',
  interpretation: '解读',
};

const WHERE_ZH = (where: string) =>
  where === 'title'
    ? '标题'
    : where === 'body'
      ? '正文'
      : where.startsWith('attachment')
        ? `附件${Number(where.split(':')[1] ?? 0) + 1}`
        : where;

const UNIT_ZH = { calendar: '自然日', workdays: '工作日' } as const;

/** The current match as read by the matchers: items with confidence and evidence, dates, publisher, elements. */
export function MatchFacts(props: {
  match: StoredMatch;
  catalog: Catalog;
  bodyName: (id: string) => string;
  records?: StoredRecord[] | undefined;
  /** Show the elements with their words and the personal data counts (the detail page), or not (the queue). */
  full?: boolean;
}) {
  const { match, catalog } = props;
  const analysis = analysisOf(match);
  const spans = new Map(analysis.elements.present.map((p) => [p.key, p.span]));
  return (
    <dl class="facts match">
      <dt>事项</dt>
      <dd>
        {match.items.length === 0 ? <span class="meta">未识别为目录事项</span> : null}
        <ul class="plain">
          {match.items.map((i) => (
            <li>
              {itemLabel(catalog, i.id)} <span class="conf">置信度 {percent(i.confidence)}</span>
              <span class="meta">
                {' '}
                依据：
                {(analysis.items.find((a) => a.id === i.id)?.evidence ?? [])
                  .slice(0, 6)
                  .map((e) => `${EVIDENCE_ZH[e.kind] ?? e.kind}“${maskNumbers(e.text)}”`)
                  .join('，') || '—'}
              </span>
            </li>
          ))}
        </ul>
      </dd>
      <dt>公开日期</dt>
      <dd>{dateZh(match.publishedAt)}</dd>
      <dt>形成日期</dt>
      <dd>{dateZh(match.formedAt)}</dd>
      <dt>公示期</dt>
      <dd>
        {match.notice
          ? `${dateZh(match.notice.start)} 至 ${dateZh(match.notice.end)}${
              match.notice.days !== null ? `，${match.notice.days} 个${UNIT_ZH[match.notice.unit]}` : ''
            }`
          : '未写明'}
      </dd>
      <dt>发布主体</dt>
      <dd>
        {match.publisherBody ? props.bodyName(match.publisherBody) : '未能确定'}
        {match.publisherName && match.publisherName !== props.bodyName(match.publisherBody ?? '') ? (
          <span class="meta">（页面署名：{match.publisherName}）</span>
        ) : null}
      </dd>
      <dt>文号</dt>
      <dd>{match.docNo ?? '—'}</dd>
      {match.interpretationOf ? (
        <>
          <dt>解读对象</dt>
          <dd>{match.interpretationOf}</dd>
        </>
      ) : null}
      {props.full !== false ? (
        <>
          <dt>已有要素</dt>
          <dd>
            {match.elements.present.length === 0 ? '—' : null}
            <ul class="plain">
              {match.elements.present.map((key) => {
                const span = spans.get(key);
                return (
                  <li>
                    {key}
                    {span?.text ? (
                      <span class="meta">
                        {' '}
                        （{WHERE_ZH(span.where)}：“{maskNumbers(span.text)}”）
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </dd>
          <dt>缺少要素</dt>
          <dd>{match.elements.missing.length ? match.elements.missing.join('、') : '—'}</dd>
          <dt>个人信息</dt>
          <dd>
            {match.privacy.length
              ? match.privacy.map((p) => `${PRIVACY_ZH[p.kind] ?? p.kind} ${p.count} 处`).join('，')
              : '未发现未脱敏的个人信息'}
          </dd>
        </>
      ) : null}
      {props.records ? (
        <>
          <dt>对应记录</dt>
          <dd>
            {props.records.length === 0 ? '—' : null}
            <ul class="plain">
              {props.records.map((r) => (
                <li>
                  {r.title}
                  {r.refNo ? `（${r.refNo}）` : ''} <span class="meta">形成于 {dateZh(r.formed)}</span>
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

import type { Evidence } from '../../scoring/index.js';
import type { FetchRecord } from '../../store/index.js';
import { dateZh, instantZh } from './format.js';

/** A piece of evidence as an evaluator checks it: the archived copy, its hash, when it was fetched, the live page. */
export function EvidenceView(props: { evidence: Evidence | null; fetch?: FetchRecord | undefined }) {
  const e = props.evidence;
  if (!e) return <span class="meta">无（线下渠道未录入）</span>;
  if (e.kind === 'crawl')
    return (
      <span>
        {dateZh(e.published)} 抓取来源 <a href={`/sources#${e.sourceId ?? ''}`}>{e.sourceId}</a>
        （抓取记录 #{e.id}），未见该信息
      </span>
    );
  if (e.kind === 'offline')
    return (
      <span>
        线下公示：{e.title || '（无标题）'}，{dateZh(e.published)} 张贴（录入记录 #{e.id}）
      </span>
    );
  return (
    <div class="evidence">
      <div>
        {e.kind === 'claim' ? <span class="tag">申诉已采纳</span> : null}
        {e.title}
      </div>
      <div class="meta">
        页面所示日期 {dateZh(e.statedPublished)}；按 {dateZh(e.published)} 计
        {e.firstSeen ? `；首次发现 ${dateZh(e.firstSeen)}` : ''}
        {props.fetch ? `；抓取于 ${instantZh(props.fetch.at)}（HTTP ${props.fetch.status ?? '—'}）` : ''}
      </div>
      {e.sha256 ? (
        <div class="meta mono" title="存档原文的 SHA-256">
          SHA-256 {e.sha256}
        </div>
      ) : null}
      <div class="links">
        {e.versionId ? <a href={`/archive/${e.versionId}`}>查看存档</a> : null}
        {e.url ? (
          <a href={e.url} rel="noopener noreferrer nofollow" target="_blank">
            原网页
          </a>
        ) : null}
      </div>
    </div>
  );
}

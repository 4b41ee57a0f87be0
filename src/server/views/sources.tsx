import type { CrawlRun, Source, SourceHealth } from '../../store/index.js';
import type { Viewer } from '../deps.js';
import { instantZh, number } from './format.js';
import { CrawledLink, crawlErrorZh, RUN_STATUS_ZH, RUN_TRIGGER_ZH, SOURCE_KIND_ZH } from './labels.js';
import { Csrf, Layout } from './layout.js';

/** One source's row: its last run, its health and its next scheduled time. */
export interface SourceRow {
  source: Source;
  bodyName: string;
  lastRun: CrawlRun | undefined;
  health: SourceHealth | undefined;
  next: Date | undefined;
  /** A scheduled time passed since the last run (the daemon was not running, or is about to catch up). */
  due: boolean;
}

const STATS_ZH: [string, string][] = [
  ['fetched', '请求'],
  ['newPosts', '新信息'],
  ['newVersions', '新版本'],
  ['notModified', '未变化'],
  ['removed', '撤下'],
  ['failed', '失败'],
];

const statsZh = (stats: Record<string, number>) =>
  STATS_ZH.filter(([key]) => (stats[key] ?? 0) > 0)
    .map(([key, label]) => `${label} ${number(stats[key] ?? 0)}`)
    .join('，') || '—';

function Row(props: { viewer: Viewer; row: SourceRow }) {
  const { source, lastRun, health } = props.row;
  const failing = (health?.consecutiveFailures ?? 0) > 0;
  const errors = Object.entries(health?.errorCounts ?? {}).sort((a, b) => b[1] - a[1]);
  return (
    <tr id={source.id} class={failing ? 'failing' : undefined}>
      <th scope="row" data-label="来源">
        <span class="mono">{source.id}</span>
        <div class="meta">
          <a href={`/bodies/${encodeURIComponent(source.bodyId)}`}>{props.row.bodyName}</a> · {source.channel}{' '}
          · {SOURCE_KIND_ZH[source.kind] ?? source.kind}
          {source.render === 'browser' ? ' · 浏览器渲染' : ''}
        </div>
        {source.start[0] ? (
          <div class="meta">
            <CrawledLink url={source.start[0]}>起始页</CrawledLink>
          </div>
        ) : null}
      </th>
      <td data-label="最近一次抓取">
        {lastRun ? (
          <>
            <span class={`run run-${lastRun.status}`}>{RUN_STATUS_ZH[lastRun.status] ?? lastRun.status}</span>{' '}
            {instantZh(lastRun.startedAt)}
            <span class="meta">（{RUN_TRIGGER_ZH[lastRun.trigger] ?? lastRun.trigger}）</span>
            <div class="meta">{statsZh(lastRun.stats)}</div>
            {lastRun.error ? <div class="meta">{lastRun.error}</div> : null}
          </>
        ) : (
          <span class="meta">从未抓取</span>
        )}
      </td>
      <td data-label="最近成功" class="nowrap">
        {instantZh(health?.lastSuccessAt)}
      </td>
      <td data-label="连续失败" class="num">
        {failing ? <strong class="bad">{health?.consecutiveFailures} 次</strong> : '0'}
      </td>
      <td data-label="错误统计">
        {errors.length === 0 ? '—' : null}
        <ul class="plain">
          {errors.map(([reason, n]) => (
            <li>
              {crawlErrorZh(reason)} <span class="meta">×{number(n)}</span>
            </li>
          ))}
        </ul>
      </td>
      <td data-label="最近错误">
        {health?.lastError ? crawlErrorZh(health.lastError) : '—'}
        {health?.lastFailureAt ? <div class="meta">{instantZh(health.lastFailureAt)}</div> : null}
      </td>
      <td data-label="下次定时" class="nowrap">
        {props.row.next ? instantZh(props.row.next.toISOString()) : '—'}
        {props.row.due ? <span class="tag minor">待抓取</span> : null}
        <div class="meta mono">{source.schedule ?? '不定时'}</div>
      </td>
      <td>
        <form method="post" action={`/sources/${encodeURIComponent(source.id)}/crawl`}>
          <Csrf viewer={props.viewer} />
          <button type="submit" aria-label={`立即抓取 ${source.id}`}>
            立即抓取
          </button>
        </form>
      </td>
    </tr>
  );
}

/** `/sources`: crawl health per source, with a button to crawl one now; offline sources listed apart. */
export function SourcesPage(props: {
  viewer: Viewer;
  rows: SourceRow[];
  offline: { source: Source; bodyName: string }[];
  timezone: string;
  notice?: { text: string; bad: boolean } | undefined;
}) {
  return (
    <Layout title="来源" viewer={props.viewer} current="/sources">
      <h1>来源与抓取状态</h1>
      {props.notice ? (
        <p class={props.notice.bad ? 'error' : 'notice'} role="status">
          {props.notice.text}
        </p>
      ) : null}
      <p class="meta">
        定时按 {props.timezone} 时间计。连续失败的来源在评分中记为“无法核实”，不会当作未公开。
      </p>
      {props.rows.length === 0 ? <p class="empty">还没有可抓取的来源。</p> : null}
      {props.rows.length > 0 ? (
        <table class="stack sources">
          <thead>
            <tr>
              <th scope="col">来源</th>
              <th scope="col">最近一次抓取</th>
              <th scope="col">最近成功</th>
              <th scope="col">连续失败</th>
              <th scope="col">错误统计</th>
              <th scope="col">最近错误</th>
              <th scope="col">下次定时</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <Row viewer={props.viewer} row={row} />
            ))}
          </tbody>
        </table>
      ) : null}
      {props.offline.length > 0 ? (
        <details>
          <summary>线下渠道（{props.offline.length}，由人工录入，不抓取）</summary>
          <ul class="plain offline">
            {props.offline.map((o) => (
              <li id={o.source.id}>
                <span class="mono">{o.source.id}</span> · {o.bodyName} · {o.source.channel}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Layout>
  );
}

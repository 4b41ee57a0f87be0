import type { Child } from 'hono/jsx';
import type { Viewer } from '../deps.js';
import { ROLE_ZH } from './format.js';

export interface PageProps {
  title: string;
  viewer?: Viewer | undefined;
  /** The nav entry to mark as current. */
  current?: string;
  children?: Child;
}

const NAV: { href: string; label: string; roles: Viewer['role'][] }[] = [
  { href: '/', label: '总览', roles: ['admin', 'evaluator'] },
  { href: '/overdue', label: '待办与逾期', roles: ['admin', 'evaluator', 'township'] },
  { href: '/posts', label: '已抓取信息', roles: ['admin', 'evaluator', 'township'] },
  { href: '/review', label: '复核', roles: ['admin', 'evaluator'] },
  { href: '/sources', label: '来源', roles: ['admin', 'evaluator'] },
  { href: '/data', label: '数据录入', roles: ['admin', 'evaluator', 'township'] },
  { href: '/reports', label: '报告', roles: ['admin', 'evaluator'] },
];

/** The page shell: header with navigation for the viewer's role, main content, and the logout form. */
export function Layout(props: PageProps) {
  const viewer = props.viewer;
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · 公开监测`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/chart.umd.min.js" defer></script>
        <script src="/static/app.js" defer></script>
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/">
            扶贫领域基层政务公开监测
          </a>
          {viewer ? (
            <nav aria-label="主导航">
              {NAV.filter((n) => n.roles.includes(viewer.role)).map((n) => (
                <a href={n.href} aria-current={props.current === n.href ? 'page' : undefined}>
                  {n.label}
                </a>
              ))}
            </nav>
          ) : null}
          {viewer && viewer.kind === 'user' ? (
            <form class="who" method="post" action="/logout">
              <span>
                {viewer.name}（{ROLE_ZH[viewer.role]}）
              </span>
              <input type="hidden" name="_csrf" value={viewer.csrf ?? ''} />
              <button type="submit">退出</button>
            </form>
          ) : null}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

/** A hidden CSRF field for a form posted by the viewer. */
export const Csrf = (props: { viewer: Viewer }) => (
  <input type="hidden" name="_csrf" value={props.viewer.csrf ?? ''} />
);

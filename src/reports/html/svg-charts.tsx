/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/** Charts drawn as inline SVG on the server: the same bytes every time, nothing to wait for when printing. */

import type { Child } from 'hono/jsx';

export interface BarRow {
  label: string;
  value: number;
  color: string;
  /** The value as printed beside the bar. */
  text: string;
}

const FONT = '"Noto Sans CJK SC", sans-serif';

// A scale up to a round number at or above `max`, with its ticks.
function scale(max: number): { top: number; ticks: number[] } {
  const step = max <= 10 ? 2 : max <= 50 ? 10 : max <= 100 ? 20 : 10 ** Math.floor(Math.log10(max / 2)) * 5;
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let t = 0; t <= top; t += step) ticks.push(t);
  return { top, ticks };
}

const r2 = (n: number): number => Math.round(n * 100) / 100;

/** A chart of the report: an SVG of its size with the title centred on top. */
function Frame(props: { title: string; width: number; height: number; children?: Child }) {
  const { title, width, height } = props;
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={title}
      font-family={FONT}
    >
      <text x={width / 2} y={14} text-anchor="middle" font-size="12" font-weight="bold" fill="#1f2328">
        {title}
      </text>
      {props.children}
    </svg>
  );
}

/** One key of a legend: a colour swatch and its label, from the swatch's top left corner. */
function Key(props: { x: number; y: number; label: string; color: string }) {
  return (
    <g>
      <rect x={props.x} y={props.y} width={10} height={10} fill={props.color} />
      <text x={props.x + 14} y={props.y + 9} font-size="9.5" fill="#1f2328">
        {props.label}
      </text>
    </g>
  );
}

/** Horizontal bars, one row per label, on a scale from 0 to `max`. */
export function BarChart(props: {
  title: string;
  rows: readonly BarRow[];
  max: number;
  labelWidth?: number;
  legend?: readonly { label: string; color: string }[];
}) {
  const width = 680;
  const rowHeight = 15;
  const labelWidth = props.labelWidth ?? 170;
  const top = 26;
  const plot = width - labelWidth - 50;
  const height = top + props.rows.length * rowHeight + 22;
  const { top: max, ticks } = scale(props.max > 0 ? props.max : 1);
  const x = (v: number) => r2(labelWidth + (Math.max(0, Math.min(v, max)) / max) * plot);
  return (
    <Frame title={props.title} width={width} height={height}>
      {(props.legend ?? []).map((l, i, all) => (
        <Key x={width - (all.length - i) * 62} y={5} {...l} />
      ))}
      {ticks.map((t) => (
        <g>
          <line x1={x(t)} x2={x(t)} y1={top - 4} y2={height - 18} stroke="#d8dee4" stroke-width="0.6" />
          <text x={x(t)} y={height - 6} text-anchor="middle" font-size="9" fill="#59636e">
            {String(t)}
          </text>
        </g>
      ))}
      {props.rows.map((r, i) => {
        const y = top + i * rowHeight;
        return (
          <g>
            <text x={labelWidth - 6} y={y + 10.5} text-anchor="end" font-size="10" fill="#1f2328">
              {r.label}
            </text>
            <rect
              x={labelWidth}
              y={y + 2}
              width={x(r.value) - labelWidth}
              height={rowHeight - 4}
              fill={r.color}
            />
            <text x={x(r.value) + 4} y={y + 10.5} font-size="9.5" fill="#1f2328">
              {r.text}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}

export interface StackRow {
  label: string;
  parts: readonly { value: number; color: string }[];
  total: number;
}

/** Horizontal bars each split into shares of 100%, with a legend above. */
export function StackedChart(props: {
  title: string;
  rows: readonly StackRow[];
  legend: readonly { label: string; color: string }[];
}) {
  const width = 680;
  const rowHeight = 17;
  const labelWidth = 190;
  const top = 46;
  const plot = width - labelWidth - 46;
  const height = top + props.rows.length * rowHeight + 8;
  return (
    <Frame title={props.title} width={width} height={height}>
      {props.legend.map((l, i) => (
        <Key x={labelWidth + i * 78} y={24} {...l} />
      ))}
      {props.rows.map((r, i) => {
        const y = top + i * rowHeight;
        let at = labelWidth;
        return (
          <g>
            <text x={labelWidth - 6} y={y + 12} text-anchor="end" font-size="10" fill="#1f2328">
              {r.label}
            </text>
            {r.parts.map((p) => {
              const w = r.total > 0 ? r2((p.value / r.total) * plot) : 0;
              const rect = <rect x={at} y={y + 2} width={w} height={rowHeight - 5} fill={p.color} />;
              at += w;
              return rect;
            })}
            <text x={labelWidth + plot + 4} y={y + 12} font-size="9.5" fill="#59636e">
              {String(r.total)}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}

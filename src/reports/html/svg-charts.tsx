/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/** Charts drawn as inline SVG on the server: the same bytes every time, nothing to wait for when printing. */

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
    <svg
      class="chart"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={props.title}
      font-family={FONT}
    >
      <text x={width / 2} y={14} text-anchor="middle" font-size="12" font-weight="bold" fill="#1f2328">
        {props.title}
      </text>
      {(props.legend ?? []).map((l, i, all) => {
        const x0 = width - (all.length - i) * 62;
        return (
          <g>
            <rect x={x0} y={5} width={10} height={10} fill={l.color} />
            <text x={x0 + 14} y={14} font-size="9.5" fill="#1f2328">
              {l.label}
            </text>
          </g>
        );
      })}
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
    </svg>
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
    <svg
      class="chart"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={props.title}
      font-family={FONT}
    >
      <text x={width / 2} y={14} text-anchor="middle" font-size="12" font-weight="bold" fill="#1f2328">
        {props.title}
      </text>
      {props.legend.map((l, i) => (
        <g>
          <rect x={labelWidth + i * 78} y={24} width={10} height={10} fill={l.color} />
          <text x={labelWidth + i * 78 + 14} y={33} font-size="9.5" fill="#1f2328">
            {l.label}
          </text>
        </g>
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
    </svg>
  );
}

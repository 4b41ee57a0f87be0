/**
 * Data for a chart drawn by /static/app.js: a JSON block (never executed; `<` escaped so no text in it can end the
 * script element) and the canvas it is drawn on, with a text alternative for screen readers.
 */
export function ChartBlock(props: {
  id: string;
  label: string;
  spec: unknown;
  height?: number;
  tall?: boolean;
}) {
  const json = JSON.stringify(props.spec).replace(/</g, '\\u003c');
  return (
    <figure class={props.tall ? 'chart tall' : 'chart'}>
      <canvas id={props.id} role="img" aria-label={props.label} height={props.height ?? 260}></canvas>
      <script
        type="application/json"
        data-chart={props.id}
        dangerouslySetInnerHTML={{ __html: json }}
      ></script>
      <figcaption>{props.label}</figcaption>
    </figure>
  );
}

/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/** Column widths of a table in percent (the printed tables keep their columns where the data does not fit). */
export function Cols(props: { widths: readonly number[] }) {
  return (
    <colgroup>
      {props.widths.map((w) => (
        <col style={`width:${w}%`} />
      ))}
    </colgroup>
  );
}

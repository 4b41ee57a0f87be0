/** A form's 考核年度 field: the scored years (or only the one shown, before any scoring), that one selected. */
export function YearSelect(props: { year: number; years: readonly number[] }) {
  return (
    <label>
      考核年度
      <select name="year">
        {(props.years.length ? props.years : [props.year]).map((y) => (
          <option value={String(y)} selected={y === props.year}>
            {y} 年
          </option>
        ))}
      </select>
    </label>
  );
}

/** A set of checkboxes over named records: which of them a register record concerns. */
export function Choices({
  legend,
  hint,
  options,
  chosen,
  disabled,
  empty,
  data,
  onChange,
}: {
  legend: string;
  hint?: string;
  options: { id: number; name: string; detail?: string }[];
  chosen: number[];
  disabled: boolean;
  empty: string;
  /** The attribute naming each box, for tests and assistive tools. */
  data: `data-${string}`;
  onChange: (ids: number[]) => void;
}) {
  return (
    <fieldset className="checks" disabled={disabled}>
      <legend>{legend}</legend>
      {hint && <p className="muted small">{hint}</p>}
      {options.length === 0 && <p className="muted small">{empty}</p>}
      {options.map((o) => (
        <label key={o.id} className="check-inline">
          <input
            type="checkbox"
            {...{ [data]: o.name }}
            checked={chosen.includes(o.id)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, o.id] : chosen.filter((c) => c !== o.id))}
          />
          {o.name}
          {o.detail && <span className="muted small"> · {o.detail}</span>}
        </label>
      ))}
    </fieldset>
  );
}

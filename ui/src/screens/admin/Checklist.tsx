/** A group of checkboxes for choosing several of a few things (roles, tenants, menus). */
export function Checklist<T extends string | number>({
  legend,
  options,
  chosen,
  onChange,
  name,
}: {
  legend: string;
  name: string;
  options: { value: T; label: string }[];
  chosen: T[];
  onChange: (chosen: T[]) => void;
}) {
  return (
    <fieldset className="checklist" data-checklist={name}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={String(o.value)} className="check">
          <input
            type="checkbox"
            name={name}
            value={String(o.value)}
            checked={chosen.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value))}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

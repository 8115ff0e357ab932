import { useState } from "react";
import { useTranslation } from "react-i18next";

/** The columns a list shows, remembered per list on this computer (not at all without a storage key). */
export function useColumns<C extends string>(
  storageKey: string | undefined,
  all: readonly C[],
  defaults: C[],
): [C[], (next: C[]) => void] {
  const [columns, setColumns] = useState<C[]>(() => {
    try {
      const saved = storageKey ? (JSON.parse(localStorage.getItem(storageKey) ?? "null") as unknown) : null;
      if (Array.isArray(saved)) return all.filter((c) => saved.includes(c));
    } catch {
      // A damaged preference falls back to the default.
    }
    return defaults;
  });
  const choose = (next: C[]) => {
    setColumns(next);
    if (storageKey) localStorage.setItem(storageKey, JSON.stringify(next));
  };
  return [columns, choose];
}

type Props<C extends string> = {
  all: readonly C[];
  columns: C[];
  onChange: (next: C[]) => void;
  label: (column: C) => string;
};

/** A fold-out list of checkboxes, one per optional column, kept in the list's order. */
export function ColumnChooser<C extends string>({ all, columns, onChange, label }: Props<C>) {
  const { t } = useTranslation();
  return (
    <details className="column-chooser">
      <summary>{t("list.columns")}</summary>
      <fieldset>
        {all.map((c) => (
          <label key={c} className="check">
            <input
              type="checkbox"
              checked={columns.includes(c)}
              data-column={c}
              onChange={(e) =>
                onChange(
                  e.target.checked ? all.filter((x) => x === c || columns.includes(x)) : columns.filter((x) => x !== c),
                )
              }
            />
            {label(c)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

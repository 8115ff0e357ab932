import type { ActivityRow } from "../../bindings/ActivityRow";

/** The columns the activity list can show; `name` always shows. */
export const COLUMNS = ["area", "status", "role", "responsible", "editor", "dpia", "review", "updated"] as const;
export type Column = (typeof COLUMNS)[number];
export const DEFAULT_COLUMNS: Column[] = ["area", "status", "editor", "review", "updated"];
export const COLUMNS_STORAGE_KEY = "dpo-desk.activity-columns";

export type SortKey = "name" | Column;

/** The value a column sorts by. */
export function sortValue(row: ActivityRow, key: SortKey): string {
  switch (key) {
    case "name": return row.name.toLocaleLowerCase();
    case "area": return `${row.area_name} ${row.company_name}`.toLocaleLowerCase();
    case "status": return String(["draft", "in_review", "active", "inactive"].indexOf(row.status));
    case "role": return row.role;
    case "responsible": return row.responsible.toLocaleLowerCase();
    case "editor": return (row.editor_name ?? "").toLocaleLowerCase();
    case "dpia": return row.dpia_required;
    case "review": return row.review_planned ?? "9999";
    case "updated": return row.updated_at;
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/** Sorts with each row's key computed once (tens of thousands of rows stay quick). The core
 * already lists by name, so that order needs no work at all. */
export function sortRows(rows: ActivityRow[], key: SortKey, ascending: boolean): ActivityRow[] {
  if (key === "name" && ascending) return rows;
  const keyed = rows.map((row) => ({ row, value: sortValue(row, key) }));
  keyed.sort((a, b) => collator.compare(a.value, b.value) || a.row.id - b.row.id);
  const sorted = keyed.map((k) => k.row);
  return ascending ? sorted : sorted.reverse();
}

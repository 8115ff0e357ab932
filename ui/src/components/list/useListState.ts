import { useState } from "react";
import type { RowSelectionState } from "@tanstack/react-table";
import { useColumns } from "./ColumnChooser";
import type { ListColumn, ListSort } from "./types";

type Options<Row> = {
  columns: readonly ListColumn<Row>[];
  /** Where the column choice is remembered; the keys of earlier versions, so choices survive. */
  storageKey?: string;
  sort?: ListSort | null;
};

/**
 * What a record list remembers while its screen is open: filter text, sort, chosen columns, selection and the
 * last notice. Kept by the screen, so it survives a form opened in the list's place.
 */
export function useListState<Row>({ columns, storageKey, sort = null }: Options<Row>) {
  const optional = columns.filter((c) => c.optional);
  const [chosen, chooseColumns] = useColumns(
    storageKey,
    optional.map((c) => c.id),
    optional.filter((c) => c.defaultVisible).map((c) => c.id),
  );
  const [filter, setFilter] = useState("");
  const [sorting, setSorting] = useState<ListSort | null>(sort);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [notice, setNotice] = useState<string | null>(null);
  return { filter, setFilter, sorting, setSorting, chosen, chooseColumns, selection, setSelection, notice, setNotice };
}

export type ListState = ReturnType<typeof useListState>;

import type { ReactNode } from "react";

/** One column of a record list. */
export type ListColumn<Row> = {
  id: string;
  /** Translation key of the header and of the column's entry in the column choice. */
  header: string;
  cell: (row: Row) => ReactNode;
  /** The value the column sorts by, computed once per row; text compares as people read it (case, accents, numbers). */
  sortValue?: (row: Row) => string | number;
  /** A comparison of whole rows, where one value is not enough (tie-breaks of the column's own). */
  compare?: (a: Row, b: Row) => number;
  /** The user may hide it (column choice); the others always show. */
  optional?: boolean;
  /** An optional column shown until the user chooses otherwise. */
  defaultVisible?: boolean;
  className?: string;
  /** `data-testid` of each of its cells. */
  testId?: string;
  /** Its grid track in the virtual layout, e.g. "minmax(110px, 1fr)". */
  width?: string;
};

/** A sort: a column and its direction. */
export type ListSort = { id: string; desc: boolean };

/** The rows chosen in a list, handed to its bulk bar. */
export type ListSelection<Row> = {
  ids: number[];
  rows: Row[];
  clear: () => void;
  /** After a bulk action: the lists reload, the selection ends, `message` shows. */
  done: (message: string) => Promise<void>;
};

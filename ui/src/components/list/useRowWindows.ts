import { useQueries, type QueryKey } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { claimedLoad, loadError } from "../../data/records";

/** Rows per window asked of the core: a screenful several times over, small enough to cross the IPC at once. */
export const WINDOW_ROWS = 200;

/** One window of an ordered list as the core answers it. */
export type RowWindow<Row> = { total: number; offset: number; rows: Row[] };

/** A list whose rows are fetched in windows as they come into view (see `useRowWindows`). */
export type RowSource<Row> = {
  /** Changes whenever the list's query does: the list scrolls back to its top. */
  key: string;
  /** How many rows the whole filtered list holds; undefined until the first window arrived. */
  total: number | undefined;
  /** The row at a position, or undefined while its window loads. */
  rowAt: (index: number) => Row | undefined;
  /** The rows `start..end` are in view: their windows load. */
  show: (start: number, end: number) => void;
  /** Every id of the filtered list in its order ("select all", exports of the filtered list). */
  allIds: () => Promise<number[]>;
  /** Whether a search or a filter narrows the list (an empty list then says "no match"). */
  filtered: boolean;
  error: string | null;
};

type Options<Row> = {
  /** The cache key of the list with its query; a record change invalidates it by its first parts. */
  key: QueryKey;
  loadWindow: (offset: number, limit: number) => Promise<RowWindow<Row>>;
  loadIds: () => Promise<number[]>;
  filtered: boolean;
  onError: (e: unknown) => boolean;
};

/**
 * The rows of a long list in windows: only the windows in view are asked for, so the first rows of
 * 100,000 records appear as quickly as those of 100, while search, filter and sort run in the core over
 * all of them. Windows are cached under the list's key, so scrolling back costs nothing.
 */
export function useRowWindows<Row>({ key, loadWindow, loadIds, filtered, onError }: Options<Row>): RowSource<Row> {
  const listKey = JSON.stringify(key);
  const [range, setRange] = useState({ key: listKey, first: 0, last: 0 });
  const current = range.key === listKey ? range : { key: listKey, first: 0, last: 0 };
  const windows: number[] = [];
  for (let w = current.first; w <= current.last; w++) windows.push(w);
  const results = useQueries({
    queries: windows.map((w) => ({
      queryKey: [...key, "window", w],
      queryFn: claimedLoad(() => loadWindow(w * WINDOW_ROWS, WINDOW_ROWS), onError),
    })),
  });
  // The length stays known while a window further down loads; a new query starts unknown.
  const known = useRef<{ key: string; total: number | undefined }>({ key: listKey, total: undefined });
  if (known.current.key !== listKey) known.current = { key: listKey, total: undefined };
  const answered = results.find((r) => r.data)?.data;
  if (answered) known.current.total = answered.total;
  const total = known.current.total;
  const byWindow = new Map<number, Row[]>();
  results.forEach((r, i) => r.data && byWindow.set(windows[i], r.data.rows));
  const error = results.map((r) => loadError(r.error)).find(Boolean) ?? null;

  const show = useCallback(
    (start: number, end: number) => {
      const first = Math.floor(Math.max(start, 0) / WINDOW_ROWS);
      const last = Math.max(first, Math.floor(Math.max(end, 0) / WINDOW_ROWS));
      setRange((r) => (r.key === listKey && r.first === first && r.last === last ? r : { key: listKey, first, last }));
    },
    [listKey],
  );
  const loadIdsRef = useRef(loadIds);
  loadIdsRef.current = loadIds;
  const allIds = useCallback(() => loadIdsRef.current(), []);
  const rowAt = (index: number) => byWindow.get(Math.floor(index / WINDOW_ROWS))?.[index % WINDOW_ROWS];
  return { key: listKey, total, rowAt, show, allIds, filtered, error };
}

import { Fragment, useEffect, useMemo, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  columnFilteringFeature,
  columnVisibilityFeature,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowSelectionState,
  type SortFn,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { can } from "../../api";
import type { ExportFormat } from "../../bindings/ExportFormat";
import type { ObjectType } from "../../bindings/ObjectType";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { useAction } from "../../useAction";
import { Alert } from "../Alert";
import { ColumnChooser } from "./ColumnChooser";
import type { ListColumn, ListSelection, ListSort } from "./types";
import type { ListState } from "./useListState";
import type { RowSource } from "./useRowWindows";

const features = tableFeatures({
  columnVisibilityFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  rowSelectionFeature,
});

const ROW_HEIGHT = 44;
const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

type Identified = { id: number };
type DataAttributes = Record<`data-${string}`, string>;

/** What a row filter sees: the typed text and the screen's own conditions (status, company, …). */
type RowFilter<Row> = {
  needle: string;
  where?: (row: Row) => boolean;
  matches?: (row: Row, needle: string) => boolean;
};

export type RecordListProps<Row extends Identified> = {
  state: ListState;
  /** The signed-in user, whose rights decide; null on screens only administrators reach. */
  session: SessionInfo | null;
  /** Whose rights decide whether export shows; null on screens only administrators reach. */
  object: ObjectType | null;
  /** The records; undefined while they load (or when `source` brings them). */
  rows: Row[] | undefined;
  /** Virtual layout only: rows fetched in windows as they come into view, searched, filtered and sorted by the
   * core (the screen turns `state` into the source's query); `rows`, `where` and `filter.matches` are then unused. */
  source?: RowSource<Row>;
  columns: readonly ListColumn<Row>[];
  /** How rows are drawn: a table, a virtual grid for very long lists, or a card per row. */
  layout?: "table" | "virtual" | "cards";
  /** The accessible name of the table. */
  label?: string;
  /** A row's name, for its checkbox ("Select …") and its data attributes. */
  name: (row: Row) => string;
  /** The data attributes that identify a table row in the window (e.g. `data-area-row`); a card sets its own. */
  rowData?: (row: Row) => DataAttributes;
  rowClassName?: (row: Row) => string;
  /** The data attribute naming each row's checkbox (e.g. `data-select-area`). */
  selectData: `data-${string}`;
  /** The filter box: `matches` filters the loaded rows; without it the screen searches with `state.filter` itself. */
  filter: { label?: string; testId?: string; matches?: (row: Row, needle: string) => boolean };
  /** The screen's own conditions on rows (a status, a company); a new function filters anew. */
  where?: (row: Row) => boolean;
  /** Controls of the screen's own, after the filter box. */
  toolbar?: ReactNode;
  /** Whether the toolbar shows while there are no records at all. */
  toolbarWhenEmpty?: boolean;
  /** Clicking a header sorts by it; clicking it again turns the direction. */
  headerSort?: boolean;
  /** The order the rows arrive in: that sort needs no work. */
  naturalSort?: ListSort;
  exportAs?: (format: ExportFormat, selection: { ids: number[]; shown: Row[] }) => Promise<string | null>;
  count?: { text: (count: number) => string; testId?: string };
  testIds?: {
    table?: string;
    selectAll?: string;
    notice?: string;
    error?: string;
    empty?: string;
    exportCsv?: string;
    exportJson?: string;
    exportXlsx?: string;
  };
  /** Errors of the screen's own (loading, row actions), shown with the list's. */
  errors?: (string | null | undefined)[];
  empty?: { none?: string; noMatch?: string };
  bulkBar?: (selection: ListSelection<Row>) => ReactNode;
  /** Reloads what a bulk action changed; resolves when the open lists have their new data. */
  onChanged?: () => Promise<void>;
  /** Buttons at the end of each table row. */
  rowActions?: (row: Row) => ReactNode;
  /** Virtual layout: a heading row before each run of rows of one group (e.g. a protection type), while the list is
   * sorted by the column `sortId` (or by nothing). */
  group?: { sortId: string; of: (row: Row) => string; header: (key: string, count: number) => ReactNode };
  /** Opens a row (virtual layout: a click on the row or Enter). */
  onOpen?: (row: Row) => void;
  /** Draws one row of the cards layout around its checkbox. */
  card?: (row: Row, checkbox: ReactNode, selected: boolean) => ReactNode;
  /** The table in a card of its own (false where the screen's card holds it). */
  framed?: boolean;
  /** The selection keeps only rows the filter shows (else only rows that still exist). */
  selectionFollowsFilter?: boolean;
  onError: (e: unknown) => boolean;
};

function sortFnOf<Row extends Identified>(column: ListColumn<Row>): SortFn<typeof features, Row> {
  const compare = column.compare;
  if (compare) return (a, b) => compare(a.original, b.original);
  return (a, b, id) => {
    const x = a.getValue(id) as unknown;
    const y = b.getValue(id) as unknown;
    const order = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
    return order || a.original.id - b.original.id;
  };
}

function sameSort(a: ListSort | null, b: ListSort | undefined) {
  return !!a && !!b && a.id === b.id && a.desc === b.desc;
}

/**
 * A list of records: filter box, sort, column choice, multi-select with a bulk bar, export, all driven by the
 * column config and the screen's callbacks. Export shows only with the right to it, as each action of the
 * BulkBar does.
 */
export function RecordList<Row extends Identified>(props: RecordListProps<Row>) {
  const {
    state,
    session,
    object,
    rows,
    columns,
    layout = "table",
    filter,
    where,
    exportAs,
    count,
    testIds = {},
    errors = [],
    empty = {},
    source,
  } = props;
  const { t } = useTranslation();
  const exporting = useAction(props.onError);

  const definitions = useMemo<ColumnDef<typeof features, Row>[]>(
    () =>
      columns.map((column) => ({
        id: column.id,
        accessorFn: column.sortValue ?? ((row: Row) => row.id),
        sortFn: sortFnOf(column),
        enableSorting: !!(column.sortValue || column.compare),
        enableHiding: !!column.optional,
      })),
    [columns],
  );
  const visibility = useMemo(
    () => Object.fromEntries(columns.filter((c) => c.optional).map((c) => [c.id, state.chosen.includes(c.id)])),
    [columns, state.chosen],
  );
  const rowFilter = useMemo<RowFilter<Row> | undefined>(() => {
    const needle = filter.matches ? state.filter.trim().toLocaleLowerCase() : "";
    return needle || where ? { needle, where, matches: filter.matches } : undefined;
  }, [filter.matches, state.filter, where]);
  const sorting = useMemo(
    () => (state.sorting && !sameSort(state.sorting, props.naturalSort) ? [state.sorting] : []),
    [state.sorting, props.naturalSort],
  );
  const firstColumn = columns[0]?.id;
  const table = useTable({
    features,
    columns: definitions,
    data: rows ?? NO_ROWS,
    getRowId: (row) => String(row.id),
    state: { sorting, columnVisibility: visibility, globalFilter: rowFilter, rowSelection: state.selection },
    onRowSelectionChange: state.setSelection,
    // One column carries the row filter, so each row is tested once.
    getColumnCanGlobalFilter: (column) => column.id === firstColumn,
    globalFilterFn: (row, _columnId, value: RowFilter<Row>) =>
      (!value.where || value.where(row.original)) &&
      (!value.needle || !value.matches || value.matches(row.original, value.needle)),
    enableRowSelection: true,
  });
  const shown = table.getRowModel().rows;
  const shownRows = useMemo(() => shown.map((r) => r.original), [shown]);
  const selectedIds = Object.keys(state.selection)
    .filter((id) => state.selection[id])
    .map(Number);

  const { setSelection } = state;
  const followsFilter = !!props.selectionFollowsFilter;
  const sourceKey = source?.key;
  const allIds = source?.allIds;
  const currentKey = useRef(sourceKey);
  currentKey.current = sourceKey;
  const chosenNow = useRef(state.selection);
  chosenNow.current = state.selection;
  useEffect(() => {
    // A new query keeps only the chosen rows it still lists.
    if (!allIds || !followsFilter || Object.keys(chosenNow.current).length === 0) return;
    let current = true;
    allIds().then(
      (ids) => {
        if (!current) return;
        const listed = new Set(ids.map(String));
        setSelection((now) => (Object.keys(now).every((id) => listed.has(id)) ? now : keep(now, listed)));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [sourceKey, allIds, followsFilter, setSelection]);
  useEffect(() => {
    if (!rows) return;
    // A selection only holds rows still listed.
    const listed = new Set((followsFilter ? shownRows : rows).map((r) => String(r.id)));
    setSelection((s) => (Object.keys(s).every((id) => listed.has(id)) ? s : keep(s, listed)));
  }, [shownRows, rows, followsFilter, setSelection]);

  const visible = table
    .getVisibleLeafColumns()
    .map((c) => columns.find((x) => x.id === c.id))
    .filter((c): c is ListColumn<Row> => !!c);
  const total = source ? source.total : shown.length;
  const allSelected = source ? !!source.total && selectedIds.length === source.total : table.getIsAllRowsSelected();
  const toggleAll = () => {
    if (allSelected) return setSelection({});
    if (!source) return setSelection(Object.fromEntries(shown.map((r) => [r.id, true])));
    // Ids of a query the list has left meanwhile (a filter changed while they came) select nothing.
    const asked = source.key;
    void source.allIds().then((ids) => {
      if (currentKey.current === asked) setSelection(Object.fromEntries(ids.map((id) => [id, true])));
    }, props.onError);
  };
  const isSelected = (row: Row) => !!state.selection[String(row.id)];
  const toggle = (row: Row) =>
    source
      ? setSelection((s) => {
          const id = String(row.id);
          if (!s[id]) return { ...s, [id]: true };
          const rest = { ...s };
          delete rest[id];
          return rest;
        })
      : table.getRow(String(row.id)).toggleSelected();

  const selection = (): ListSelection<Row> => ({
    ids: selectedIds,
    rows: (rows ?? []).filter(isSelected),
    clear: () => setSelection({}),
    done: async (message) => {
      await props.onChanged?.();
      setSelection({});
      state.setNotice(message);
    },
  });
  function exportList(format: ExportFormat) {
    if (!exportAs) return;
    state.setNotice(null);
    void exporting.run(async () => {
      const path = await exportAs(format, { ids: selectedIds, shown: shownRows });
      if (path) state.setNotice(t("list.exported", { path }));
    });
  }
  const sortBy = (id: string) => state.setSorting((s) => ({ id, desc: s?.id === id ? !s.desc : false }));
  const header = (column: ListColumn<Row>, Cell: "th" | "span") => {
    const label = t(column.header);
    if (!props.headerSort || !(column.sortValue || column.compare))
      return (
        <Cell key={column.id} role={Cell === "span" ? "columnheader" : undefined}>
          {label}
        </Cell>
      );
    const active = state.sorting?.id === column.id;
    return (
      <Cell
        key={column.id}
        role={Cell === "span" ? "columnheader" : undefined}
        aria-sort={active ? (state.sorting?.desc ? "descending" : "ascending") : "none"}
      >
        <button type="button" className="sort" data-sort={column.id} onClick={() => sortBy(column.id)}>
          {label}
          {active ? (state.sorting?.desc ? " ▼" : " ▲") : ""}
        </button>
      </Cell>
    );
  };
  const checkbox = (row: Row) => (
    <input
      type="checkbox"
      aria-label={t("list.select", { name: props.name(row) })}
      checked={isSelected(row)}
      {...{ [props.selectData]: props.name(row) }}
      onChange={() => toggle(row)}
    />
  );
  const selectAll = (
    <input
      type="checkbox"
      aria-label={t("list.selectAll")}
      checked={allSelected}
      data-testid={testIds.selectAll}
      onChange={toggleAll}
    />
  );
  const loaded = source ? source.total !== undefined : rows !== undefined;
  const nothingAtAll = source ? !source.filtered : (rows?.length ?? 0) === 0 && !state.filter.trim();
  const emptyText =
    loaded && total === 0
      ? nothingAtAll
        ? (empty.none ?? t("list.noEntries"))
        : (empty.noMatch ?? t("list.noMatch"))
      : null;
  const error = [...errors, source?.error, exporting.error].find(Boolean);
  const optional = columns.filter((c) => c.optional);

  const body = (() => {
    switch (layout) {
      case "virtual":
        return (
          <VirtualRows
            rows={shownRows}
            source={source}
            label={props.label}
            grid={`36px ${visible.map((c) => c.width ?? "minmax(110px, 1fr)").join(" ")}`}
            head={
              <>
                <span role="columnheader">{selectAll}</span>
                {visible.map((c) => header(c, "span"))}
              </>
            }
            empty={emptyText}
            group={props.group && (!state.sorting || state.sorting.id === props.group.sortId) ? props.group : undefined}
            render={(row) => ({
              attributes: props.rowData?.(row) ?? {},
              selected: isSelected(row),
              className: props.rowClassName?.(row),
              cells: (
                <>
                  <span role="cell" onClick={(e) => e.stopPropagation()}>
                    {checkbox(row)}
                  </span>
                  {visible.map((c) => (
                    <span key={c.id} role="cell" className={c.className} data-testid={c.testId}>
                      {c.cell(row)}
                    </span>
                  ))}
                </>
              ),
            })}
            onOpen={props.onOpen}
            onToggle={toggle}
          />
        );
      case "cards":
        return (
          <>
            {emptyText && (
              <p className="muted" data-testid={testIds.empty}>
                {emptyText}
              </p>
            )}
            {shownRows.map((row) => (
              <Fragment key={row.id}>{props.card?.(row, checkbox(row), isSelected(row))}</Fragment>
            ))}
          </>
        );
      case "table": {
        const content = emptyText ? (
          <p className="muted" data-testid={testIds.empty}>
            {emptyText}
          </p>
        ) : (
          <table className="simple-table" data-testid={testIds.table} aria-label={props.label}>
            <thead>
              <tr>
                <th>{selectAll}</th>
                {visible.map((c) => header(c, "th"))}
                {props.rowActions && <th />}
              </tr>
            </thead>
            <tbody>
              {shownRows.map((row) => (
                <tr
                  key={row.id}
                  {...props.rowData?.(row)}
                  className={
                    [props.rowClassName?.(row) ?? "", isSelected(row) ? "selected" : ""].join(" ").trim() || undefined
                  }
                >
                  <td>{checkbox(row)}</td>
                  {visible.map((c) => (
                    <td key={c.id} className={c.className} data-testid={c.testId}>
                      {c.cell(row)}
                    </td>
                  ))}
                  {props.rowActions && <td className="row-actions">{props.rowActions(row)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        );
        return props.framed === false ? content : <section className="card">{content}</section>;
      }
    }
  })();

  return (
    <>
      {(props.toolbarWhenEmpty !== false || (source ? !!source.total : (rows?.length ?? 0) > 0)) && (
        <div className="toolbar">
          <input
            type="search"
            className="search"
            aria-label={filter.label ?? t("list.filter")}
            placeholder={filter.label ?? t("list.filter")}
            value={state.filter}
            data-testid={filter.testId}
            onChange={(e) => state.setFilter(e.target.value)}
          />
          {props.toolbar}
          {optional.length > 0 && (
            <ColumnChooser
              all={optional.map((c) => c.id)}
              columns={state.chosen}
              onChange={state.chooseColumns}
              label={(id) => t(optional.find((c) => c.id === id)?.header ?? id)}
            />
          )}
          {exportAs && (object === null || (session !== null && can(session, object, "export"))) && (
            <span className="export-buttons">
              <button
                type="button"
                data-testid={testIds.exportCsv}
                disabled={exporting.busy}
                onClick={() => exportList("csv")}
              >
                {t("list.exportCsv")}
              </button>
              <button
                type="button"
                data-testid={testIds.exportXlsx}
                disabled={exporting.busy}
                onClick={() => exportList("xlsx")}
              >
                {t("list.exportXlsx")}
              </button>
              <button
                type="button"
                data-testid={testIds.exportJson}
                disabled={exporting.busy}
                onClick={() => exportList("json")}
              >
                {t("list.exportJson")}
              </button>
            </span>
          )}
          {count && (
            <span className="muted small" data-testid={count.testId}>
              {loaded ? count.text(total ?? 0) : t("common.loading")}
            </span>
          )}
        </div>
      )}
      {selectedIds.length > 0 && props.bulkBar?.(selection())}
      {error && (
        <Alert kind="error" testId={testIds.error}>
          {error}
        </Alert>
      )}
      {state.notice && (
        <Alert kind="success" testId={testIds.notice}>
          {state.notice}
        </Alert>
      )}
      {body}
    </>
  );
}

const NO_ROWS: never[] = [];

function keep(selection: RowSelectionState, listed: Set<string>): RowSelectionState {
  return Object.fromEntries(Object.entries(selection).filter(([id]) => listed.has(id)));
}

type VirtualRowsProps<Row extends Identified> = {
  rows: Row[];
  /** Rows in windows instead of `rows`: a row not yet loaded shows as a quiet placeholder. */
  source?: RowSource<Row>;
  label?: string;
  grid: string;
  head: ReactNode;
  empty: string | null;
  group?: { of: (row: Row) => string; header: (key: string, count: number) => ReactNode };
  render: (row: Row) => { attributes: DataAttributes; selected: boolean; className?: string; cells: ReactNode };
  onOpen?: (row: Row) => void;
  onToggle: (row: Row) => void;
};

/** The narrowest the grid may get: its tracks' minimum widths, the gaps and the padding. Below it the list scrolls
 * sideways; above it the flexible tracks share the width (long texts end in an ellipsis instead of widening it). */
export function minimumWidth(grid: string): string {
  const tracks = grid.match(/minmax\([^)]*\)|\S+/g) ?? [];
  const pixels = tracks.reduce((sum, track) => sum + Number(/^(?:minmax\()?(\d+)px/.exec(track)?.[1] ?? 0), 0);
  const gaps = (Math.max(tracks.length - 1, 0) * 8) / 10;
  return `calc(${pixels}px + ${gaps}rem + 1.2rem)`;
}

/** A row of the virtual list, or the heading of a group of rows. */
type Item<Row> = { row: Row } | { key: string; count: number };

/** Only the rows in view are in the page, so tens of thousands of records scroll as quickly as ten. */
function VirtualRows<Row extends Identified>({
  rows,
  source,
  label,
  grid,
  head,
  empty,
  group,
  render,
  onOpen,
  onToggle,
}: VirtualRowsProps<Row>) {
  const scroller = useRef<HTMLDivElement>(null);
  // With groups, a heading goes before each run of rows of one group; it scrolls like a row.
  const items = useMemo(() => {
    if (!group) return rows.map((row) => ({ row }) as Item<Row>);
    const out: Item<Row>[] = [];
    let index = 0;
    while (index < rows.length) {
      const key = group.of(rows[index]);
      let end = index;
      while (end < rows.length && group.of(rows[end]) === key) end++;
      out.push({ key, count: end - index });
      for (; index < end; index++) out.push({ row: rows[index] });
    }
    return out;
  }, [rows, group]);
  const count = source ? (source.total ?? 0) : items.length;
  const itemAt = (index: number): Item<Row> | undefined => {
    if (!source) return items[index];
    const row = source.rowAt(index);
    return row && { row };
  };
  // The first rows render before the list has been measured (a typical window's height).
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 1000, height: 640 },
  });
  const style = { gridTemplateColumns: grid };
  const inView = virtualizer.getVirtualItems();
  const firstInView = inView[0]?.index ?? 0;
  const lastInView = inView[inView.length - 1]?.index ?? 0;
  const show = source?.show;
  useEffect(() => show?.(firstInView, lastInView), [show, firstInView, lastInView]);
  const sourceKey = source?.key;
  useEffect(() => {
    // A new search, filter or sort starts at the top of its list.
    if (sourceKey !== undefined) virtualizer.scrollToOffset(0);
  }, [sourceKey, virtualizer]);
  return (
    <div className="card list-card">
      <div
        role="table"
        aria-label={label}
        aria-rowcount={count}
        className="data-table"
        style={{ minWidth: minimumWidth(grid) }}
      >
        <div className="data-row head" role="row" style={style}>
          {head}
        </div>
        <div ref={scroller} className="list-scroller" role="rowgroup">
          {empty && <p className="muted empty">{empty}</p>}
          <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
            {inView.map((item) => {
              const entry = itemAt(item.index);
              const position = { position: "absolute", top: 0, left: 0, right: 0, height: ROW_HEIGHT } as const;
              if (!entry) {
                return (
                  <div
                    key={`waiting-${item.index}`}
                    role="row"
                    aria-busy="true"
                    className="data-row waiting"
                    style={{ ...style, ...position, transform: `translateY(${item.start}px)` }}
                  >
                    <span role="cell" />
                    <span role="cell" className="muted">
                      …
                    </span>
                  </div>
                );
              }
              if (!("row" in entry)) {
                return (
                  <div
                    key={`group-${entry.key}`}
                    role="row"
                    className="data-row group-row"
                    data-group={entry.key}
                    style={{ ...position, transform: `translateY(${item.start}px)` }}
                  >
                    <span role="rowheader">{group?.header(entry.key, entry.count)}</span>
                  </div>
                );
              }
              const row = entry.row;
              const { attributes, selected, className, cells } = render(row);
              return (
                <div
                  key={row.id}
                  role="row"
                  tabIndex={0}
                  {...attributes}
                  aria-selected={selected}
                  className={["data-row", onOpen ? "clickable" : "", className ?? "", selected ? "selected" : ""]
                    .filter(Boolean)
                    .join(" ")}
                  style={{
                    ...style,
                    position: "absolute",
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                  onClick={() => onOpen?.(row)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") onOpen?.(row);
                    if (e.key === " ") {
                      e.preventDefault();
                      onToggle(row);
                    }
                  }}
                >
                  {cells}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ColumnChooser, useColumns } from "../../components/list/ColumnChooser";
import { useSelection } from "../../useSelection";
import { useTranslation } from "react-i18next";
import { useVirtualizer } from "@tanstack/react-virtual";
import { api, can } from "../../api";
import type { ActivityRow } from "../../bindings/ActivityRow";
import type { ActivityStatus } from "../../bindings/ActivityStatus";
import type { ExportFormat } from "../../bindings/ExportFormat";
import { Alert } from "../../components/Alert";
import { formatDate, formatDateTime } from "../../format";
import { useAction } from "../../useAction";
import { useLoad } from "../../useLoad";
import type { PageProps } from "../../screens/page";
import { BulkBar } from "./BulkBar";
import { COLUMNS, COLUMNS_STORAGE_KEY, DEFAULT_COLUMNS, sortRows, type Column, type SortKey } from "./columns";
import { STATUSES, StatusBadge } from "./StatusBadge";

const ROW_HEIGHT = 44;
const SEARCH_DELAY_MS = 250;

type Props = PageProps & { tenantId: number; onOpen: (id: number) => void; onNew: () => void };

/** All activities of the tenant the user may see (the core applies their visibility restrictions), with
 * full-text search, status filter, sorting, column choice, multi-select and the actions on a selection. */
export function ActivityList({ session, tenantId, onError, onOpen, onNew }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<ActivityStatus | "">("");
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: "name", ascending: true });
  const [columns, chooseColumns] = useColumns<Column>(COLUMNS_STORAGE_KEY, COLUMNS, DEFAULT_COLUMNS);
  const { selected, setSelected, toggle, clear, toggleAll } = useSelection();
  const [notice, setNotice] = useState<string | null>(null);
  const exporting = useAction(onError);
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(typed), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const load = useCallback(() => api.activities(tenantId, search.trim() || null), [tenantId, search]);
  const { data, error, reload } = useLoad(load, onError);
  const rows = useMemo(() => {
    const filtered = (data ?? []).filter((r) => !status || r.status === status);
    return sortRows(filtered, sort.key, sort.ascending);
  }, [data, status, sort]);
  useEffect(() => {
    // A selection only holds rows still listed.
    setSelected((s) => new Set([...s].filter((id) => rows.some((r) => r.id === id))));
  }, [rows]);

  const scroller = useRef<HTMLDivElement>(null);
  // The first rows render before the list has been measured (a typical window's height).
  const virtualizer = useVirtualizer({
    count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10,
    initialRect: { width: 1000, height: 640 },
  });
  const grid = { gridTemplateColumns: `36px minmax(220px, 2fr) ${columns.map((c) => (c === "area" ? "minmax(180px, 1.5fr)" : c === "updated" ? "minmax(150px, 1fr)" : "minmax(110px, 1fr)")).join(" ")}` };
  const allSelected = rows.length > 0 && selected.size === rows.length;

  function sortBy(key: SortKey) {
    setSort((s) => ({ key, ascending: s.key === key ? !s.ascending : true }));
  }
  function exportList(format: ExportFormat) {
    setNotice(null);
    void exporting.run(async () => {
      const ids = selected.size ? [...selected] : status ? rows.map((r) => r.id) : null;
      const path = await api.exportActivities(tenantId, search.trim() || null, ids, format, t("activities.exportTitle"));
      if (path) setNotice(t("activities.exported", { path }));
    });
  }
  const header = (key: SortKey, label: string) => (
    <span role="columnheader" aria-sort={sort.key === key ? (sort.ascending ? "ascending" : "descending") : "none"}>
      <button type="button" className="sort" data-sort={key} onClick={() => sortBy(key)}>
        {label}{sort.key === key ? (sort.ascending ? " ▲" : " ▼") : ""}
      </button>
    </span>
  );
  const cell = (row: ActivityRow, column: Column) => {
    switch (column) {
      case "area": return <span title={`${row.area_name} · ${row.company_name}`}>{row.area_name} <span className="muted">· {row.company_name}</span></span>;
      case "status": return <StatusBadge status={row.status} />;
      case "role": return t(`activities.roles.${row.role}`);
      case "responsible": return row.responsible || "—";
      case "editor": return row.editor_name ?? "—";
      case "dpia": return t(`dpia.${row.dpia_required}`);
      case "review": return row.review_planned ? formatDate(row.review_planned) : "—";
      case "updated": return <span className="muted">{formatDateTime(row.updated_at)}</span>;
    }
  };

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("activities.title")}</h1>
          <p className="lead">{t("activities.intro")}</p>
        </div>
        {can(session, "processing_activity", "create") && (
          <button type="button" className="primary" data-testid="new-activity" onClick={onNew}>{t("activities.new")}</button>
        )}
      </div>
      <div className="toolbar">
        <input type="search" className="search" aria-label={t("activities.search")} placeholder={t("activities.search")}
          data-testid="activity-search" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <select aria-label={t("activities.filterStatus")} value={status} data-testid="status-filter"
          onChange={(e) => setStatus(e.target.value as ActivityStatus | "")}>
          <option value="">{t("activities.allStatuses")}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
        <ColumnChooser all={COLUMNS} columns={columns} onChange={chooseColumns} label={(c) => t(`activities.columnNames.${c}`)} />
        {can(session, "processing_activity", "export") && (
          <span className="export-buttons">
            <button type="button" data-testid="export-csv" disabled={exporting.busy} onClick={() => exportList("csv")}>{t("activities.exportCsv")}</button>
            <button type="button" data-testid="export-json" disabled={exporting.busy} onClick={() => exportList("json")}>{t("activities.exportJson")}</button>
          </span>
        )}
        <span className="muted small" data-testid="activity-count">{data ? t("activities.count", { count: rows.length }) : t("common.loading")}</span>
      </div>
      {selected.size > 0 && (
        <BulkBar session={session} tenantId={tenantId} ids={[...selected]} onError={onError}
          onDone={(message) => { setNotice(message); clear(); void reload(); }} onClear={() => clear()} />
      )}
      {(error || exporting.error) && <Alert kind="error">{error ?? exporting.error}</Alert>}
      {notice && <Alert kind="success" testId="list-notice">{notice}</Alert>}
      <div className="card list-card">
        <div role="table" aria-label={t("activities.title")} aria-rowcount={rows.length} className="data-table">
          <div className="data-row head" role="row" style={grid}>
            <span role="columnheader">
              <input type="checkbox" aria-label={t("activities.selectAll")} checked={allSelected} data-testid="select-all"
                onChange={() => toggleAll(rows.map((r) => r.id))} />
            </span>
            {header("name", t("activities.name"))}
            {columns.map((c) => <span key={c} style={{ display: "contents" }}>{header(c, t(`activities.columnNames.${c}`))}</span>)}
          </div>
          <div ref={scroller} className="list-scroller" role="rowgroup">
            {data && rows.length === 0 && <p className="muted empty">{search || status ? t("activities.noMatch") : t("activities.empty")}</p>}
            <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
              {virtualizer.getVirtualItems().map((item) => {
                const a = rows[item.index];
                return (
                  <div key={a.id} role="row" tabIndex={0} className={`data-row clickable${selected.has(a.id) ? " selected" : ""}`} data-activity={a.name}
                    aria-selected={selected.has(a.id)}
                    style={{ ...grid, position: "absolute", top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                    onClick={() => onOpen(a.id)} onKeyDown={(e) => {
                      if (e.key === "Enter") onOpen(a.id);
                      if (e.key === " ") { e.preventDefault(); toggle(a.id); }
                    }}>
                    <span role="cell" onClick={(e) => e.stopPropagation()}>
                      <input type="checkbox" aria-label={t("activities.select", { name: a.name })} checked={selected.has(a.id)}
                        data-select={a.name} onChange={() => toggle(a.id)} />
                    </span>
                    <span role="cell" className="strong">{a.name}</span>
                    {columns.map((c) => <span key={c} role="cell">{cell(a, c)}</span>)}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      </div>
    </>
  );
}

import { useCallback, useMemo, useState } from "react";
import { useSelection } from "../../useSelection";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { Area } from "../../bindings/Area";
import type { ExportFormat } from "../../bindings/ExportFormat";
import { Alert } from "../../components/Alert";
import { ColumnChooser, useColumns } from "../../components/list/ColumnChooser";
import { NoPermission, NoTenant } from "../../components/NoPermission";
import { useAction } from "../../useAction";
import { useLoad } from "../../useLoad";
import type { PageProps } from "../../screens/page";
import { AreaBulkBar } from "./AreaBulkBar";
import { AreaForm } from "./AreaForm";

const COLUMNS = ["company", "description", "activities"] as const;
type Column = (typeof COLUMNS)[number];
type Sort = "name" | "company" | "activities";

/** Every area of the tenant across its companies: filter, sort, column choice, multi-select with move, copy and delete, export. */
export function AreaList(props: PageProps) {
  const { session, tenantId, onError } = props;
  const { t } = useTranslation();
  const loadAreas = useCallback(() => (tenantId === null ? Promise.resolve([]) : api.areas(tenantId)), [tenantId]);
  const areas = useLoad(loadAreas, onError);
  const loadCompanies = useCallback(() => (tenantId === null ? Promise.resolve([]) : api.companies(tenantId).catch(() => [])), [tenantId]);
  const companies = useLoad(loadCompanies, onError);
  const [filter, setFilter] = useState("");
  const [companyFilter, setCompanyFilter] = useState(0);
  const [sortBy, setSortBy] = useState<Sort>("name");
  const [columns, chooseColumns] = useColumns<Column>("dpo-desk.area-columns", COLUMNS, ["company", "activities"]);
  const { selected, toggle, clear, toggleAll } = useSelection();
  const [editing, setEditing] = useState<Area | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction(onError);
  const rows = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    const list = (areas.data ?? []).filter((a) => (!companyFilter || a.company_id === companyFilter)
      && (!needle || `${a.name} ${a.description} ${a.company_name}`.toLocaleLowerCase().includes(needle)));
    const byName = (a: Area, b: Area) => a.name.localeCompare(b.name);
    const order: Record<Sort, (a: Area, b: Area) => number> = {
      name: (a, b) => byName(a, b) || a.company_name.localeCompare(b.company_name),
      company: (a, b) => a.company_name.localeCompare(b.company_name) || byName(a, b),
      activities: (a, b) => Number(b.activity_count) - Number(a.activity_count) || byName(a, b),
    };
    return [...list].sort(order[sortBy]);
  }, [areas.data, filter, companyFilter, sortBy]);

  if (tenantId === null) return <NoTenant />;
  if (areas.code === "permission_denied") return <NoPermission />;
  const reload = () => { void areas.reload(); };
  if (editing) {
    return (
      <AreaForm area={editing === "new" ? null : editing} companies={companies.data ?? []} readOnly={editing !== "new" && !can(session, "area", "edit")}
        onError={onError} onClose={() => { setEditing(null); reload(); }}
        onSaved={(area) => { setEditing(null); setNotice(t("areas.saved", { name: area.name })); reload(); }} />
    );
  }
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const selectedActivities = (areas.data ?? []).filter((a) => selected.has(a.id)).reduce((sum, a) => sum + Number(a.activity_count), 0);
  function exportList(format: ExportFormat) {
    setNotice(null);
    void action.run(async () => {
      const path = await api.exportAreas(tenantId as number, format, t("areas.exportTitle"));
      if (path) setNotice(t("activities.exported", { path }));
    });
  }
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("areas.title")}</h1>
          <p className="lead">{t("areas.intro")}</p>
        </div>
        {can(session, "area", "create") && (companies.data?.length ?? 0) > 0 && (
          <button type="button" className="primary" data-testid="new-area" onClick={() => setEditing("new")}>{t("areas.new")}</button>
        )}
      </div>
      <div className="toolbar">
        <input type="search" className="search" aria-label={t("master.filter")} placeholder={t("master.filter")} value={filter}
          data-testid="area-filter" onChange={(e) => setFilter(e.target.value)} />
        <select aria-label={t("areas.company")} value={companyFilter} data-testid="area-company-filter" onChange={(e) => setCompanyFilter(Number(e.target.value))}>
          <option value={0}>{t("areas.allCompanies")}</option>
          {(companies.data ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
        <select aria-label={t("companies.sortBy")} value={sortBy} data-testid="area-sort" onChange={(e) => setSortBy(e.target.value as Sort)}>
          <option value="name">{t("areas.sort.name")}</option>
          <option value="company">{t("areas.sort.company")}</option>
          <option value="activities">{t("areas.sort.activities")}</option>
        </select>
        <ColumnChooser all={COLUMNS} columns={columns} onChange={chooseColumns} label={(c) => t(`areas.columns.${c}`)} />
        {can(session, "area", "export") && (
          <span className="export-buttons">
            <button type="button" data-testid="export-areas-csv" disabled={action.busy} onClick={() => exportList("csv")}>{t("activities.exportCsv")}</button>
            <button type="button" data-testid="export-areas-json" disabled={action.busy} onClick={() => exportList("json")}>{t("activities.exportJson")}</button>
          </span>
        )}
        <span className="muted small" data-testid="area-count">{t("areas.count", { count: rows.length })}</span>
      </div>
      {selected.size > 0 && (
        <AreaBulkBar session={session} ids={[...selected]} companies={companies.data ?? []} activityCount={selectedActivities} onError={onError}
          onClear={() => clear()}
          onDone={(message) => { setNotice(message); clear(); reload(); }} />
      )}
      {notice && <Alert kind="success" testId="area-notice">{notice}</Alert>}
      {(areas.error || action.error) && <Alert kind="error" testId="area-list-error">{areas.error ?? action.error}</Alert>}
      <section className="card">
        {rows.length === 0 ? <p className="muted" data-testid="no-areas">{areas.data?.length ? t("areas.noMatch") : t("areas.empty")}</p> : (
          <table className="simple-table" data-testid="area-table">
            <thead>
              <tr>
                <th><input type="checkbox" aria-label={t("activities.selectAll")} checked={allSelected}
                  onChange={() => toggleAll(rows.map((r) => r.id))} /></th>
                <th>{t("areas.name")}</th>
                {columns.map((c) => <th key={c}>{t(`areas.columns.${c}`)}</th>)}
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id} data-area-row={a.name} data-area-company={a.company_name} className={selected.has(a.id) ? "selected" : ""}>
                  <td><input type="checkbox" aria-label={t("activities.select", { name: a.name })} checked={selected.has(a.id)}
                    data-select-area={a.name} onChange={() => toggle(a.id)} /></td>
                  <td className="strong"><button type="button" className="link" onClick={() => setEditing(a)}>{a.name}</button></td>
                  {columns.includes("company") && <td>{a.company_name}</td>}
                  {columns.includes("description") && <td className="muted">{a.description || "—"}</td>}
                  {columns.includes("activities") && <td data-testid="area-activity-count">{t("companies.activityCount", { count: Number(a.activity_count) })}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

import { useCallback, useMemo, useState } from "react";
import { useSelection } from "../../useSelection";
import { useTranslation } from "react-i18next";
import { api, can, CommandError } from "../../api";
import type { ExportFormat } from "../../bindings/ExportFormat";
import type { MasterItem } from "../../bindings/MasterItem";
import type { MasterKind } from "../../bindings/MasterKind";
import { Alert } from "../../components/Alert";
import { ColumnChooser, useColumns } from "../../components/list/ColumnChooser";
import { useAction } from "../../useAction";
import { useLoad } from "../../useLoad";
import type { PageProps } from "../../screens/page";
import { MasterBulkBar } from "./MasterBulkBar";
import { MasterForm } from "./MasterForm";

type Props = PageProps & { tenantId: number; kind: MasterKind; onBack: () => void };

const COLUMNS = ["details", "contact", "used"] as const;
type Column = (typeof COLUMNS)[number];
/** The items of one master data kind: filter, sort, column choice, multi-select with mass change, copy and delete
 * (refused while in use), create, edit, export. */
export function MasterList({ session, tenantId, kind, onError, onBack }: Props) {
  const { t } = useTranslation();
  const load = useCallback(() => api.masterItems(tenantId, kind), [tenantId, kind]);
  const { data, error, reload } = useLoad(load, onError);
  const [filter, setFilter] = useState("");
  const [byUse, setByUse] = useState(false);
  const [columns, chooseColumns] = useColumns<Column>("dpo-desk.master-columns", COLUMNS, ["details", "used"]);
  const { selected, toggle, clear, toggleAll } = useSelection();
  const [editing, setEditing] = useState<MasterItem | "new" | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const action = useAction(onError);
  const rows = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    const list = (data ?? []).filter((i) => !needle || `${i.name} ${i.code} ${i.description} ${i.email}`.toLocaleLowerCase().includes(needle));
    return byUse ? [...list].sort((a, b) => Number(b.usage_count) - Number(a.usage_count)) : list;
  }, [data, filter, byUse]);
  const nameOf = (id: number) => data?.find((i) => i.id === id)?.name ?? "";

  function remove(ids: number[]) {
    setMessage(null);
    void action.run(async () => {
      try {
        await api.deleteMasterItems(kind, ids);
        setMessage(t("master.deleted", { count: ids.length, name: nameOf(ids[0]) }));
        clear();
        await reload();
      } catch (e) {
        if (e instanceof CommandError && e.code === "in_use") {
          throw new CommandError({ ...e.payload, params: { ...e.payload.params, name: ids.length === 1 ? nameOf(ids[0]) : t("master.selection") } });
        }
        throw e;
      }
    });
  }
  function exportList(format: ExportFormat) {
    void action.run(async () => {
      const path = await api.exportMasterItems(tenantId, kind, format, t("master.exportTitle", { kind: t(`objects.${kind}`) }));
      if (path) setMessage(t("activities.exported", { path }));
    });
  }
  if (editing) {
    return <MasterForm session={session} tenantId={tenantId} kind={kind} item={editing === "new" ? null : editing} onError={onError}
      onClose={() => { setEditing(null); void reload(); }} />;
  }
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <>
      <button type="button" className="link" onClick={onBack}>← {t("master.back")}</button>
      <div className="page-head">
        <h1>{t(`objects.${kind}`)}</h1>
        {can(session, kind, "create") && <button type="button" className="primary" data-testid="new-item" onClick={() => setEditing("new")}>{t("master.new")}</button>}
      </div>
      <div className="toolbar">
        <input type="search" className="search" aria-label={t("master.filter")} placeholder={t("master.filter")} value={filter}
          data-testid="item-filter" onChange={(e) => setFilter(e.target.value)} />
        <label className="check inline"><input type="checkbox" checked={byUse} onChange={(e) => setByUse(e.target.checked)} /> {t("master.sortByUse")}</label>
        <ColumnChooser all={COLUMNS} columns={columns} onChange={chooseColumns} label={(c) => t(`master.columns.${c}`)} />
        {can(session, kind, "export") && (
          <span className="export-buttons">
            <button type="button" onClick={() => exportList("csv")}>{t("activities.exportCsv")}</button>
            <button type="button" onClick={() => exportList("json")}>{t("activities.exportJson")}</button>
          </span>
        )}
        <span className="muted small">{t("master.count", { count: rows.length })}</span>
      </div>
      {selected.size > 0 && (
        <MasterBulkBar session={session} kind={kind} ids={[...selected]} onError={onError} onDelete={() => remove([...selected])}
          onDone={(text) => { setMessage(text); clear(); void reload(); }} onClear={() => clear()} />
      )}
      {(error || action.error) && <Alert kind="error" testId="item-error">{error ?? action.error}</Alert>}
      {message && <Alert kind="success" testId="item-notice">{message}</Alert>}
      <section className="card">
        <table className="simple-table">
          <thead>
            <tr>
              <th><input type="checkbox" aria-label={t("activities.selectAll")} checked={allSelected}
                onChange={() => toggleAll(rows.map((r) => r.id))} /></th>
              <th>{t("master.name")}</th>
              {columns.map((c) => <th key={c}>{t(`master.columns.${c}`)}</th>)}
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => (
              <tr key={i.id} data-item={i.name} className={selected.has(i.id) ? "selected" : ""}>
                <td><input type="checkbox" aria-label={t("activities.select", { name: i.name })} checked={selected.has(i.id)}
                  data-select-item={i.name} onChange={() => toggle(i.id)} /></td>
                <td className="strong">
                  <button type="button" className="link" onClick={() => setEditing(i)}>{i.name}</button>
                  {i.special_category && <span className="badge tag special">Art. 9/10</span>}
                </td>
                {columns.includes("details") && (
                  <td className="muted">{[i.code, i.category && t(`master.categories.${i.category}`), i.date].filter(Boolean).join(" · ") || "—"}</td>
                )}
                {columns.includes("contact") && <td className="muted">{[i.email, i.phone].filter(Boolean).join(" · ") || "—"}</td>}
                {columns.includes("used") && <td>{t("master.usedBy", { count: Number(i.usage_count) })}</td>}
                <td className="row-actions">
                  {can(session, kind, "delete") && <button type="button" className="danger" data-testid="delete-item" disabled={action.busy} onClick={() => remove([i.id])}>{t("master.delete")}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

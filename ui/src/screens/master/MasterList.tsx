import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, can, CommandError } from "../../api";
import type { ExportFormat } from "../../bindings/ExportFormat";
import type { MasterItem } from "../../bindings/MasterItem";
import type { MasterKind } from "../../bindings/MasterKind";
import { Alert } from "../../components/Alert";
import { useAction } from "../../useAction";
import { useLoad } from "../../useLoad";
import type { PageProps } from "../page";
import { MasterForm } from "./MasterForm";

type Props = PageProps & { tenantId: number; kind: MasterKind; onBack: () => void };

/** The items of one master data kind: filter, sort by name or use, create, edit, delete (refused while in use), export. */
export function MasterList({ session, tenantId, kind, onError, onBack }: Props) {
  const { t } = useTranslation();
  const load = useCallback(() => api.masterItems(tenantId, kind), [tenantId, kind]);
  const { data, error, reload } = useLoad(load, onError);
  const [filter, setFilter] = useState("");
  const [byUse, setByUse] = useState(false);
  const [editing, setEditing] = useState<MasterItem | "new" | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const action = useAction(onError);
  const rows = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    const list = (data ?? []).filter((i) => !needle || `${i.name} ${i.code} ${i.description}`.toLocaleLowerCase().includes(needle));
    return byUse ? [...list].sort((a, b) => Number(b.usage_count) - Number(a.usage_count)) : list;
  }, [data, filter, byUse]);

  function remove(item: MasterItem) {
    setMessage(null);
    void action.run(async () => {
      try {
        await api.deleteMasterItem(kind, item.id);
        setMessage(t("master.deleted", { name: item.name }));
        await reload();
      } catch (e) {
        if (e instanceof CommandError && e.code === "in_use") {
          throw new CommandError({ ...e.payload, params: { ...e.payload.params, name: item.name } });
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
        {can(session, kind, "export") && (
          <span className="export-buttons">
            <button type="button" onClick={() => exportList("csv")}>{t("activities.exportCsv")}</button>
            <button type="button" onClick={() => exportList("json")}>{t("activities.exportJson")}</button>
          </span>
        )}
        <span className="muted small">{t("master.count", { count: rows.length })}</span>
      </div>
      {(error || action.error) && <Alert kind="error" testId="item-error">{error ?? action.error}</Alert>}
      {message && <Alert kind="success" testId="item-notice">{message}</Alert>}
      <section className="card">
        <table className="simple-table">
          <thead><tr><th>{t("master.name")}</th><th>{t("master.details")}</th><th>{t("master.used")}</th><th /></tr></thead>
          <tbody>
            {rows.map((i) => (
              <tr key={i.id} data-item={i.name}>
                <td className="strong">
                  <button type="button" className="link" onClick={() => setEditing(i)}>{i.name}</button>
                  {i.special_category && <span className="badge tag special">Art. 9/10</span>}
                </td>
                <td className="muted">{[i.code, i.category && t(`master.categories.${i.category}`), i.date, i.email].filter(Boolean).join(" · ") || "—"}</td>
                <td>{t("master.usedBy", { count: Number(i.usage_count) })}</td>
                <td className="row-actions">
                  {can(session, kind, "delete") && <button type="button" className="danger" data-testid="delete-item" disabled={action.busy} onClick={() => remove(i)}>{t("master.delete")}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

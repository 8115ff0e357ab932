import { useCallback, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { Tenant } from "../../bindings/Tenant";
import { Alert } from "../../components/Alert";
import { Field } from "../../components/Field";
import { formatDateTime } from "../../format";
import { useAction } from "../../useAction";
import { useLoad } from "../../useLoad";

/** The office's clients: add, rename, mark as template, archive, delete to the trash, export and import as a file. */
export function Tenants({ onError }: { onError: (e: unknown) => boolean }) {
  const { t } = useTranslation();
  const load = useCallback(() => api.sessionInfo().then((s) => s.tenants), []);
  const { data, error: loadError, reload } = useLoad(load, onError);
  const [name, setName] = useState("");
  const [template, setTemplate] = useState(false);
  const [editing, setEditing] = useState<Tenant | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [filter, setFilter] = useState("");
  const [showArchived, setShowArchived] = useState(true);
  const shown = (data ?? []).filter((x) => x.name.toLocaleLowerCase().includes(filter.trim().toLocaleLowerCase()) && (showArchived || !x.archived_at));
  const { busy, error, run } = useAction(onError);
  const act = (work: () => Promise<void>) => { setNotice(null); void run(async () => { await work(); await reload(); }); };

  function add(e: FormEvent) {
    e.preventDefault();
    act(async () => {
      await api.createTenant(name, template);
      setName("");
      setTemplate(false);
    });
  }
  return (
    <section className="card">
      <div className="page-head">
        <h2>{t("admin.tenants.title")}</h2>
        <button type="button" data-testid="import-tenant" disabled={busy} onClick={() => act(async () => {
          const tenant = await api.importTenant(t("admin.tenants.importTitle"));
          if (tenant) setNotice(t("admin.tenants.imported", { name: tenant.name }));
        })}>{t("admin.tenants.import")}</button>
      </div>
      <div className="toolbar">
        <input type="search" className="search" aria-label={t("master.filter")} placeholder={t("master.filter")} value={filter}
          data-testid="tenant-filter" onChange={(e) => setFilter(e.target.value)} />
        <label className="check inline"><input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> {t("admin.tenants.showArchived")}</label>
        <span className="muted small">{t("admin.tenants.count", { count: shown.length })}</span>
      </div>
      {(loadError || error) && <Alert kind="error" testId="tenant-error">{loadError ?? error}</Alert>}
      {notice && <Alert kind="success" testId="tenant-notice">{notice}</Alert>}
      <table className="simple-table">
        <thead><tr><th>{t("admin.tenants.name")}</th><th>{t("admin.tenants.kind")}</th><th>{t("admin.tenants.created")}</th><th /></tr></thead>
        <tbody>
          {shown.map((tenant) => (
            <tr key={tenant.id} data-tenant={tenant.name} className={tenant.archived_at ? "inactive" : ""}>
              <td className="strong">
                {editing?.id === tenant.id ? (
                  <span className="inline-form">
                    <input aria-label={t("admin.tenants.name")} value={editing.name} data-testid="rename-input"
                      onChange={(e) => setEditing({ ...editing, name: e.target.value })} />
                    <label className="check inline"><input type="checkbox" checked={editing.is_template}
                      onChange={(e) => setEditing({ ...editing, is_template: e.target.checked })} /> {t("admin.tenants.template")}</label>
                    <button type="button" className="primary" data-testid="save-tenant" onClick={() => act(async () => {
                      await api.updateTenant(tenant.id, editing.name, editing.is_template);
                      setEditing(null);
                    })}>{t("common.save")}</button>
                    <button type="button" onClick={() => setEditing(null)}>{t("common.cancel")}</button>
                  </span>
                ) : tenant.name}
              </td>
              <td>
                {tenant.is_template ? t("shell.template") : t("admin.tenants.client")}
                {tenant.archived_at && <span className="badge tag">{t("admin.tenants.archived")}</span>}
              </td>
              <td className="muted">{formatDateTime(tenant.created_at)}</td>
              <td className="row-actions">
                {confirmDelete === tenant.id ? (
                  <span className="confirm" role="group">
                    <span className="small">{t("admin.tenants.confirmDelete", { name: tenant.name })}</span>
                    <button type="button" className="danger" data-testid="confirm-delete-tenant" onClick={() => act(async () => {
                      await api.deleteTenant(tenant.id);
                      setConfirmDelete(null);
                    })}>{t("admin.tenants.delete")}</button>
                    <button type="button" onClick={() => setConfirmDelete(null)}>{t("common.cancel")}</button>
                  </span>
                ) : (
                  <>
                    <button type="button" data-testid="rename-tenant" onClick={() => setEditing(tenant)}>{t("admin.tenants.rename")}</button>
                    <button type="button" data-testid="archive-tenant" onClick={() => act(async () => { await api.setTenantArchived(tenant.id, !tenant.archived_at); })}>
                      {tenant.archived_at ? t("admin.tenants.unarchive") : t("admin.tenants.archive")}
                    </button>
                    <button type="button" data-testid="export-tenant" onClick={() => act(async () => {
                      const path = await api.exportTenant(tenant.id, t("admin.tenants.exportTitle"));
                      if (path) setNotice(t("activities.exported", { path }));
                    })}>{t("admin.tenants.export")}</button>
                    <button type="button" className="danger" data-testid="delete-tenant" onClick={() => setConfirmDelete(tenant.id)}>{t("admin.tenants.delete")}</button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={add} noValidate className="inline-form wide">
        <Field label={t("admin.tenants.new")} name="tenant_name" value={name} onChange={(e) => setName(e.target.value)} />
        <label className="check"><input type="checkbox" checked={template} onChange={(e) => setTemplate(e.target.checked)} /> {t("admin.tenants.template")}</label>
        <button type="submit" className="primary" disabled={busy} data-testid="add-tenant">{t("admin.tenants.add")}</button>
      </form>
    </section>
  );
}

import { useCallback, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Alert } from "../../components/Alert";
import { Field } from "../../components/Field";
import { formatDateTime } from "../../format";
import { useAction } from "../../useAction";
import { useLoad } from "../../useLoad";

/** The office's clients. Creating, renaming and archiving in full is the tenant module's; here they are listed and added. */
export function Tenants({ onError }: { onError: (e: unknown) => boolean }) {
  const { t } = useTranslation();
  const load = useCallback(() => api.sessionInfo().then((s) => s.tenants), []);
  const { data, error: loadError, reload } = useLoad(load, onError);
  const [name, setName] = useState("");
  const [template, setTemplate] = useState(false);
  const { busy, error, run } = useAction(onError);
  function add(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      await api.createTenant(name, template);
      setName("");
      setTemplate(false);
      await reload();
    });
  }
  return (
    <section className="card">
      <h2>{t("admin.tenants.title")}</h2>
      {loadError && <Alert kind="error">{loadError}</Alert>}
      <table className="simple-table">
        <thead><tr><th>{t("admin.tenants.name")}</th><th>{t("admin.tenants.kind")}</th><th>{t("admin.tenants.created")}</th></tr></thead>
        <tbody>
          {data?.map((tenant) => (
            <tr key={tenant.id} data-tenant={tenant.name}>
              <td className="strong">{tenant.name}</td>
              <td>{tenant.is_template ? t("shell.template") : t("admin.tenants.client")}</td>
              <td className="muted">{formatDateTime(tenant.created_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={add} noValidate className="inline-form wide">
        <Field label={t("admin.tenants.new")} name="tenant_name" value={name} onChange={(e) => setName(e.target.value)} />
        <label className="check"><input type="checkbox" checked={template} onChange={(e) => setTemplate(e.target.checked)} /> {t("admin.tenants.template")}</label>
        <button type="submit" className="primary" disabled={busy} data-testid="add-tenant">{t("admin.tenants.add")}</button>
      </form>
      {error && <Alert kind="error">{error}</Alert>}
    </section>
  );
}

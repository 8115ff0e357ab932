import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { Role } from "../../bindings/Role";
import type { RoleCatalogue } from "../../bindings/RoleCatalogue";
import { Alert } from "../../components/Alert";
import { useLoad } from "../../useLoad";
import { describeRule } from "./restrictions";
import { RoleEditor } from "./RoleEditor";

/** Roles: named sets of rights, visibility restrictions and hidden menu entries. */
export function Roles({ onError }: { onError: (e: unknown) => boolean }) {
  const { t } = useTranslation();
  const load = useCallback(async (): Promise<{ roles: Role[]; catalogue: RoleCatalogue }> => {
    const [roles, catalogue] = await Promise.all([api.roles(), api.roleCatalogue()]);
    return { roles, catalogue };
  }, []);
  const { data, error, reload } = useLoad(load, onError);
  const [editing, setEditing] = useState<Role | "new" | null>(null);

  if (!data) return error ? <Alert kind="error">{error}</Alert> : <p className="muted">{t("common.loading")}</p>;
  if (editing) {
    return (
      <RoleEditor
        key={editing === "new" ? "new" : editing.id}
        role={editing === "new" ? null : editing}
        catalogue={data.catalogue}
        onError={onError}
        onCancel={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void reload();
        }}
      />
    );
  }
  return (
    <section className="card">
      <div className="page-head">
        <div>
          <h2>{t("admin.roles.title")}</h2>
          <p className="muted small">{t("admin.roles.intro")}</p>
        </div>
        <button type="button" className="primary" data-testid="new-role" onClick={() => setEditing("new")}>
          {t("admin.roles.new")}
        </button>
      </div>
      {data.roles.length === 0 && <p className="muted">{t("admin.roles.empty")}</p>}
      <table className="simple-table">
        <tbody>
          {data.roles.map((r) => (
            <tr key={r.id} data-role={r.name}>
              <td className="strong">{r.name}</td>
              <td>{t("admin.roles.rightCount", { count: r.grants.length })}</td>
              <td>{r.visibility.map((v) => describeRule(t, v)).join("; ") || "—"}</td>
              <td>
                {r.hidden_menus.length
                  ? t("admin.roles.hides", { menus: r.hidden_menus.map((m) => t(`menu.${m}`)).join(", ") })
                  : ""}
              </td>
              <td className="row-actions">
                <button type="button" data-testid="edit-role" onClick={() => setEditing(r)}>
                  {t("admin.roles.edit")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

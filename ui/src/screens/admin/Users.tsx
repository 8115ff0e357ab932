import { useCallback, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmInline } from "../../components/ConfirmInline";
import { api } from "../../api";
import type { CreatedUser } from "../../bindings/CreatedUser";
import type { Role } from "../../bindings/Role";
import type { Tenant } from "../../bindings/Tenant";
import type { UserSummary } from "../../bindings/UserSummary";
import { Alert } from "../../components/Alert";
import { Field } from "../../components/Field";
import { copyText } from "../../clipboard";
import { formatDateTime } from "../../format";
import { useAction } from "../../useAction";
import { useLoad } from "../../useLoad";
import { Checklist } from "./Checklist";

type Catalogue = { users: UserSummary[]; roles: Role[]; tenants: Tenant[] };

/** Users of the office: create with roles, tenants and an invitation code; change access; deactivate. */
export function Users({ onError }: { onError: (e: unknown) => boolean }) {
  const { t } = useTranslation();
  const load = useCallback(async (): Promise<Catalogue> => {
    const [users, roles, session] = await Promise.all([api.users(), api.roles(), api.sessionInfo()]);
    return { users, roles, tenants: session.tenants };
  }, []);
  const { data, error, reload } = useLoad(load, onError);
  const [editing, setEditing] = useState<UserSummary | "new" | null>(null);
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const deactivation = useAction(onError);
  const [confirming, setConfirming] = useState<string | null>(null);

  if (!data) return error ? <Alert kind="error">{error}</Alert> : <p className="muted">{t("common.loading")}</p>;
  const tenantName = (id: number) => data.tenants.find((x) => x.id === id)?.name ?? `#${id}`;
  return (
    <>
      {created && <InvitationNotice created={created} onClose={() => setCreated(null)} />}
      {editing && (
        <UserForm
          key={editing === "new" ? "new" : editing.id}
          user={editing === "new" ? null : editing}
          roles={data.roles}
          tenants={data.tenants}
          onError={onError}
          onCancel={() => setEditing(null)}
          onDone={(result) => {
            setEditing(null);
            if (result?.invitation_code) setCreated(result);
            void reload();
          }}
        />
      )}
      <section className="card">
        <div className="page-head">
          <h2>{t("admin.users.title")}</h2>
          {!editing && (
            <button
              type="button"
              className="primary"
              data-testid="new-user"
              onClick={() => {
                setCreated(null);
                setEditing("new");
              }}
            >
              {t("admin.users.new")}
            </button>
          )}
        </div>
        {deactivation.error && <Alert kind="error">{deactivation.error}</Alert>}
        <table className="simple-table">
          <thead>
            <tr>
              <th>{t("admin.users.name")}</th>
              <th>{t("admin.users.roles")}</th>
              <th>{t("admin.users.tenants")}</th>
              <th>{t("admin.users.state")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.users.map((u) => (
              <tr key={u.id} data-user={u.name} className={u.active ? "" : "inactive"}>
                <td className="strong">
                  {u.name}
                  {u.is_admin && (
                    <span className="badge tag">{t(u.is_owner ? "shell.roles.owner" : "shell.roles.admin")}</span>
                  )}
                </td>
                <td>{u.is_admin ? t("admin.users.allRights") : u.roles.join(", ")}</td>
                <td>{u.is_admin ? t("admin.users.allTenants") : u.tenants.map(tenantName).join(", ")}</td>
                <td>
                  {!u.active
                    ? t("admin.users.deactivated")
                    : u.invitation_expires_at
                      ? t("admin.users.invited", { until: formatDateTime(u.invitation_expires_at) })
                      : t("admin.users.active")}
                </td>
                <td className="row-actions">
                  {u.active && !u.is_owner && (
                    <>
                      <button
                        type="button"
                        data-testid="edit-access"
                        onClick={() => {
                          setCreated(null);
                          setEditing(u);
                        }}
                      >
                        {t("admin.users.editAccess")}
                      </button>
                      {confirming === u.name ? (
                        <ConfirmInline
                          message={t("admin.users.confirmDeactivate", { name: u.name })}
                          confirmLabel={t("admin.users.deactivate")}
                          confirmTestId="confirm-deactivate"
                          busy={deactivation.busy}
                          onConfirm={() => {
                            void deactivation.run(async () => {
                              await api.deactivateUser(u.name);
                              setConfirming(null);
                              await reload();
                            });
                          }}
                          onCancel={() => setConfirming(null)}
                        />
                      ) : (
                        <button
                          type="button"
                          className="danger"
                          data-testid="deactivate"
                          onClick={() => setConfirming(u.name)}
                        >
                          {t("admin.users.deactivate")}
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function InvitationNotice({ created, onClose }: { created: CreatedUser; onClose: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <section className="card invitation" aria-live="polite">
      <h2>{t("admin.users.invitationTitle", { name: created.user.name })}</h2>
      <p>{t("admin.users.invitationIntro")}</p>
      <p className="recovery-key" data-testid="invitation-code">
        {created.invitation_code}
      </p>
      <div className="actions start">
        <button type="button" onClick={() => void copyText(created.invitation_code ?? "").then(() => setCopied(true))}>
          {t("common.copy")}
        </button>
        <button type="button" className="ghost" onClick={onClose}>
          {t("admin.users.done")}
        </button>
        {copied && <span className="muted small">{t("common.copied")}</span>}
      </div>
    </section>
  );
}

type FormProps = {
  user: UserSummary | null;
  roles: Role[];
  tenants: Tenant[];
  onError: (e: unknown) => boolean;
  onCancel: () => void;
  onDone: (created: CreatedUser | null) => void;
};

function UserForm({ user, roles, tenants, onError, onCancel, onDone }: FormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(user?.name ?? "");
  const [isAdmin, setIsAdmin] = useState(user?.is_admin ?? false);
  const [chosenRoles, setRoles] = useState<string[]>(user?.roles ?? []);
  const [chosenTenants, setTenants] = useState<number[]>(user?.tenants.map(Number) ?? []);
  const { busy, error, run } = useAction(onError);
  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      if (user) {
        await api.updateUserAccess(user.name, { roles: chosenRoles, tenants: chosenTenants });
        onDone(null);
      } else {
        onDone(
          await api.createUser({ name, is_admin: isAdmin, roles: chosenRoles, tenants: chosenTenants, password: null }),
        );
      }
    });
  }
  return (
    <form className="card" onSubmit={submit} noValidate data-testid="user-form">
      <h2>{user ? t("admin.users.accessOf", { name: user.name }) : t("admin.users.new")}</h2>
      {!user && (
        <>
          <Field
            label={t("admin.users.name")}
            name="user_name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            hint={t("admin.users.nameHint")}
          />
          <label className="check">
            <input type="checkbox" name="is_admin" checked={isAdmin} onChange={(e) => setIsAdmin(e.target.checked)} />
            {t("admin.users.isAdmin")}
          </label>
        </>
      )}
      <div className="form-columns">
        <Checklist
          legend={t("admin.users.roles")}
          name="roles"
          chosen={chosenRoles}
          onChange={setRoles}
          options={roles.map((r) => ({ value: r.name, label: r.name }))}
        />
        <Checklist
          legend={t("admin.users.tenants")}
          name="tenants"
          chosen={chosenTenants}
          onChange={setTenants}
          options={tenants.map((x) => ({ value: Number(x.id), label: x.name }))}
        />
      </div>
      {roles.length === 0 && <p className="muted small">{t("admin.users.noRoles")}</p>}
      {error && (
        <Alert kind="error" testId="user-message">
          {error}
        </Alert>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="submit" className="primary" disabled={busy} data-testid="save-user">
          {user ? t("common.save") : t("admin.users.create")}
        </button>
      </div>
    </form>
  );
}

import { useTranslation } from "react-i18next";
import type { SessionInfo } from "../bindings/SessionInfo";

/** The tenant the user works in, in the header; the choice is remembered per user by the core. */
export function TenantSwitch({ session, onSwitch }: { session: SessionInfo; onSwitch: (tenantId: number) => void }) {
  const { t } = useTranslation();
  const current = session.current_tenant;
  if (session.tenants.length === 0) {
    return (
      <div className="tenant-slot muted small" data-testid="tenant-slot">
        {t("shell.noTenant")}
      </div>
    );
  }
  return (
    <label className="tenant-slot" data-testid="tenant-slot">
      <span className="tenant-label">{t("shell.tenantSlot")}</span>
      <select
        data-testid="tenant-switch"
        title={current?.name}
        value={current ? String(current.id) : ""}
        onChange={(e) => onSwitch(Number(e.target.value))}
      >
        {session.tenants.map((tenant) => (
          <option key={tenant.id} value={String(tenant.id)}>
            {tenant.name}
            {tenant.is_template ? ` (${t("shell.template")})` : ""}
          </option>
        ))}
      </select>
    </label>
  );
}

import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PageProps } from "../page";
import { Roles } from "./Roles";
import { Tenants } from "../../features/tenants/Tenants";
import { Users } from "./Users";

const TABS = ["users", "roles", "tenants"] as const;
type Tab = (typeof TABS)[number];

/** Administration → user management (seed 004 "Verwaltung / Benutzermanagement"): administrators only. */
export function Administration({ onError }: PageProps) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>("users");
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <div className="tabs" role="tablist" aria-label={t("admin.title")}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? "active" : ""}
            data-tab={id}
            onClick={() => setTab(id)}
          >
            {t(`admin.tabs.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === "users" && <Users onError={onError} />}
        {tab === "roles" && <Roles onError={onError} />}
        {tab === "tenants" && <Tenants onError={onError} />}
      </div>
    </>
  );
}

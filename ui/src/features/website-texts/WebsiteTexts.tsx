import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import { Alert } from "../../components/Alert";
import { Select } from "../../components/Field";
import { NoPermission } from "../../components/NoPermission";
import { recordKeys, useRecords } from "../../data/records";
import type { PageProps } from "../../screens/page";
import { useGuard } from "../../unsaved";
import { ImprintPage } from "./ImprintPage";
import { PrivacyPolicyPage } from "./PrivacyPolicyPage";

type Tab = "imprint" | "privacy_policy";

/** Tools → imprint and privacy policy of a company's website (SPEC §12), stored per company. */
export function WebsiteTexts({ session, tenantId, onError, navigate }: PageProps) {
  const { t } = useTranslation();
  const id = tenantId ?? 0;
  const allowed = can(session, "company", "view");
  const companies = useRecords(recordKeys.companies(id), () => api.companies(id), onError, {
    enabled: tenantId !== null && allowed,
  });
  const [company, setCompany] = useState(0);
  const [tab, setTab] = useState<Tab>("imprint");
  // An edited text that is not saved is asked about before another company or tab replaces it.
  const { confirmLeave } = useGuard();
  const switchTo = (next: () => void) => void confirmLeave().then((leave) => leave && next());
  const list = useMemo(() => companies.data ?? [], [companies.data]);
  useEffect(() => {
    if (list.length > 0 && !list.some((c) => c.id === company)) setCompany(list[0].id);
  }, [list, company]);
  if (!allowed) return <NoPermission />;
  if (tenantId === null) return <Alert kind="info">{t("reports.noTenant")}</Alert>;
  const canSave = can(session, "company", "edit");
  return (
    <>
      <h1>{t("websiteTexts.title")}</h1>
      <p className="lead">{t("websiteTexts.intro")}</p>
      {companies.error && <Alert kind="error">{companies.error}</Alert>}
      {companies.data && list.length === 0 && <Alert kind="info">{t("reports.noCompany")}</Alert>}
      {list.length > 0 && (
        <>
          <div className="website-company">
            <Select
              label={t("reports.company")}
              name="website_company"
              value={company}
              onChange={(e) => {
                const next = Number(e.target.value);
                switchTo(() => setCompany(next));
              }}
            >
              {list.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </div>
          <div className="tabs" role="tablist" aria-label={t("websiteTexts.title")}>
            {(["imprint", "privacy_policy"] as const).map((each) => (
              <button
                key={each}
                type="button"
                role="tab"
                aria-selected={tab === each}
                className={tab === each ? "active" : ""}
                data-tab={each}
                onClick={() => switchTo(() => setTab(each))}
              >
                {t(`websiteTexts.tabs.${each}`)}
              </button>
            ))}
          </div>
          <div role="tabpanel">
            {company !== 0 && tab === "imprint" && (
              <ImprintPage
                key={company}
                companyId={company}
                canSave={canSave}
                onError={onError}
                onEditCompany={() => navigate("companies")}
              />
            )}
            {company !== 0 && tab === "privacy_policy" && (
              <PrivacyPolicyPage key={company} companyId={company} canSave={canSave} onError={onError} />
            )}
          </div>
        </>
      )}
    </>
  );
}

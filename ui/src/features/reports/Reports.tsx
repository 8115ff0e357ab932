import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { ActivityRole } from "../../bindings/ActivityRole";
import type { Company } from "../../bindings/Company";
import type { DpiaRow } from "../../bindings/DpiaRow";
import { Alert } from "../../components/Alert";
import { Select } from "../../components/Field";
import { recordKeys, useRecords } from "../../data/records";
import type { PageProps } from "../../screens/page";
import { ReportStatus } from "./ReportStatus";
import { useReport } from "./useReport";

type ReportLanguage = "de" | "en";

/** The one report being made, and which card asked for it. */
type Shared = {
  report: ReturnType<typeof useReport>;
  active: string | null;
  setActive: (id: string) => void;
  onError: (e: unknown) => boolean;
};

/** Reports (SPEC §12): the PDFs a DPO hands to an authority or a client, each in German or English. */
export function Reports({ session, tenantId, onError, navigate }: PageProps) {
  const { t } = useTranslation();
  const id = tenantId ?? 0;
  const companies = useRecords(recordKeys.companies(id), () => api.companies(id), onError, {
    enabled: tenantId !== null,
  });
  const printDpias = can(session, "dpia", "print");
  const dpias = useRecords(recordKeys.dpias(id), () => api.dpias(id), onError, {
    enabled: tenantId !== null && printDpias && can(session, "dpia", "view"),
  });
  // One report at a time: the core lays out one, and the cancel button stops that one.
  const report = useReport(onError);
  const [active, setActive] = useState<string | null>(null);
  const shared = { report, active, setActive, onError };
  if (tenantId === null) return <Alert kind="info">{t("reports.noTenant")}</Alert>;
  const list = companies.data ?? [];
  return (
    <>
      <h1>{t("reports.title")}</h1>
      <p className="lead">{t("reports.intro")}</p>
      {companies.error && <Alert kind="error">{companies.error}</Alert>}
      {companies.data && list.length === 0 && (
        <Alert kind="info" testId="reports-no-company">
          {t("reports.noCompany")}{" "}
          <button type="button" className="link" onClick={() => navigate("companies")}>
            {t("menu.companies")}
          </button>
        </Alert>
      )}
      {can(session, "processing_activity", "print") && list.length > 0 && <RopaReport companies={list} {...shared} />}
      {can(session, "tom", "print") && list.length > 0 && <TomReport companies={list} {...shared} />}
      {printDpias && <DpiaReport dpias={dpias.data ?? []} error={dpias.error} {...shared} />}
      {session.is_owner && (
        <section className="card" aria-labelledby="report-recovery">
          <h2 id="report-recovery">{t("reports.recoveryTitle")}</h2>
          <p className="muted">{t("reports.recoveryHint")}</p>
          <button type="button" onClick={() => navigate("account")}>
            {t("menu.account")}
          </button>
        </section>
      )}
    </>
  );
}

function useLanguage() {
  const { i18n } = useTranslation();
  return useState<ReportLanguage>(i18n.language === "de" ? "de" : "en");
}

function LanguageChoice({ value, onChange }: { value: ReportLanguage; onChange: (v: ReportLanguage) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t("reports.language")}
      name="report_language"
      value={value}
      onChange={(e) => onChange(e.target.value as ReportLanguage)}
    >
      <option value="de">Deutsch</option>
      <option value="en">English</option>
    </Select>
  );
}

function CompanyChoice({
  companies,
  value,
  onChange,
  name,
}: {
  companies: Company[];
  value: number;
  onChange: (id: number) => void;
  name: string;
}) {
  const { t } = useTranslation();
  return (
    <Select label={t("reports.company")} name={name} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {companies.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </Select>
  );
}

/** Keeps a chosen company valid when the list changes (another tenant, a deleted company). */
function useCompany(companies: Company[]) {
  const [company, setCompany] = useState(companies[0]?.id ?? 0);
  useEffect(() => {
    if (!companies.some((c) => c.id === company)) setCompany(companies[0]?.id ?? 0);
  }, [companies, company]);
  return [company, setCompany] as const;
}

function ReportCard({
  id,
  title,
  hint,
  children,
  onMake,
  disabled,
  report,
  active,
  setActive,
}: {
  id: string;
  title: string;
  hint: string;
  children: ReactNode;
  onMake: () => void;
  disabled: boolean;
} & Omit<Shared, "onError">) {
  const { t } = useTranslation();
  return (
    <section className="card report-card" aria-labelledby={`report-${id}`} data-testid={`report-${id}`}>
      <h2 id={`report-${id}`}>{title}</h2>
      <p className="muted">{hint}</p>
      <div className="report-options">{children}</div>
      <div className="actions start">
        <button
          type="button"
          className="primary"
          disabled={disabled || report.busy}
          onClick={() => {
            setActive(id);
            onMake();
          }}
          data-testid={`report-${id}-make`}
        >
          {t("reports.make")}
        </button>
      </div>
      {active === id && <ReportStatus report={report} testId={`report-${id}`} />}
    </section>
  );
}

function RopaReport({ companies, ...shared }: { companies: Company[] } & Shared) {
  const { t } = useTranslation();
  const { report } = shared;
  const [company, setCompany] = useCompany(companies);
  const [role, setRole] = useState<ActivityRole>("controller");
  const [onlyActive, setOnlyActive] = useState(false);
  const [language, setLanguage] = useLanguage();
  return (
    <ReportCard
      id="ropa"
      title={t("reports.ropaTitle")}
      hint={t("reports.ropaHint")}
      report={report}
      active={shared.active}
      setActive={shared.setActive}
      disabled={company === 0}
      onMake={() =>
        void report.run((progress) =>
          api.makeReport(
            { report: "ropa", company_id: company, role, only_active: onlyActive, language },
            t("reports.saveTitle"),
            progress,
          ),
        )
      }
    >
      <CompanyChoice companies={companies} value={company} onChange={setCompany} name="ropa_company" />
      <Select
        label={t("reports.ropaVersion")}
        name="ropa_role"
        value={role}
        onChange={(e) => setRole(e.target.value as ActivityRole)}
      >
        <option value="controller">{t("reports.ropaController")}</option>
        <option value="processor">{t("reports.ropaProcessor")}</option>
      </Select>
      <Select
        label={t("reports.ropaActivities")}
        name="ropa_only_active"
        value={onlyActive ? "active" : "all"}
        onChange={(e) => setOnlyActive(e.target.value === "active")}
      >
        <option value="all">{t("reports.ropaAll")}</option>
        <option value="active">{t("reports.ropaOnlyActive")}</option>
      </Select>
      <LanguageChoice value={language} onChange={setLanguage} />
    </ReportCard>
  );
}

function TomReport({ companies, ...shared }: { companies: Company[] } & Shared) {
  const { t } = useTranslation();
  const { report } = shared;
  const [company, setCompany] = useCompany(companies);
  const [language, setLanguage] = useLanguage();
  return (
    <ReportCard
      id="toms"
      title={t("reports.tomsTitle")}
      hint={t("reports.tomsHint")}
      report={report}
      active={shared.active}
      setActive={shared.setActive}
      disabled={company === 0}
      onMake={() =>
        void report.run((progress) =>
          api.makeReport({ report: "toms", company_id: company, language }, t("reports.saveTitle"), progress),
        )
      }
    >
      <CompanyChoice companies={companies} value={company} onChange={setCompany} name="toms_company" />
      <LanguageChoice value={language} onChange={setLanguage} />
    </ReportCard>
  );
}

function DpiaReport({ dpias, error, ...shared }: { dpias: DpiaRow[]; error: string | null } & Shared) {
  const { t } = useTranslation();
  const { report } = shared;
  const [chosen, setChosen] = useState(0);
  const dpia = dpias.some((d) => d.id === chosen) ? chosen : (dpias[0]?.id ?? 0);
  const [language, setLanguage] = useLanguage();
  return (
    <ReportCard
      id="dpia"
      title={t("reports.dpiaTitle")}
      hint={dpias.length === 0 && !error ? t("reports.dpiaNone") : t("reports.dpiaHint")}
      report={report}
      active={shared.active}
      setActive={shared.setActive}
      disabled={dpia === 0}
      onMake={() =>
        void report.run((progress) =>
          api.makeReport({ report: "dpia", dpia_id: dpia, language }, t("reports.saveTitle"), progress),
        )
      }
    >
      {error && <Alert kind="error">{error}</Alert>}
      {dpias.length > 0 && (
        <Select
          label={t("reports.dpia")}
          name="dpia_choice"
          value={dpia}
          onChange={(e) => setChosen(Number(e.target.value))}
        >
          {dpias.map((d) => (
            <option key={d.id} value={d.id}>
              {d.activity_name} · {d.company_name} · v{d.version}
            </option>
          ))}
        </Select>
      )}
      <LanguageChoice value={language} onChange={setLanguage} />
    </ReportCard>
  );
}

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { BackupContents } from "../../bindings/BackupContents";
import { Alert } from "../../components/Alert";
import { formatDateTime } from "../../format";
import { useAction } from "../../useAction";
import { StatusBadge } from "../../features/activities/StatusBadge";
import { useBackupProgress } from "./useBackupProgress";
import { ReportStatus } from "../../features/reports/ReportStatus";
import { useReport } from "../../features/reports/useReport";

/** A backup file opened read-only (SPEC §10): its tenants, companies, areas and processing activities as they were,
 * without restoring anything. */
export function BackupBrowser({ onError }: { onError: (e: unknown) => boolean }) {
  const { t, i18n } = useTranslation();
  const report = useReport(onError);
  const [contents, setContents] = useState<BackupContents | null>(null);
  const { busy, error, run } = useAction(onError);
  const percent = useBackupProgress(busy);
  return (
    <section className="card" aria-labelledby="browse-title" data-testid="backup-browser">
      <h2 id="browse-title">{t("backups.browse.title")}</h2>
      <p className="muted small">{t("backups.browse.intro")}</p>
      <div className="actions start">
        <button
          type="button"
          disabled={busy}
          data-testid="browse-backup"
          onClick={() =>
            void run(async () => {
              const opened = await api.browseBackup(t("backups.restore.fileTitle"));
              if (opened) setContents(opened);
            })
          }
        >
          {t("backups.browse.open")}
        </button>
        {contents && (
          <button type="button" className="ghost" onClick={() => setContents(null)}>
            {t("backups.browse.close")}
          </button>
        )}
      </div>
      {busy && percent !== null && (
        <p className="muted small">
          {t("backups.restore.working")} {percent} %
        </p>
      )}
      {error && (
        <Alert kind="error" testId="browse-error">
          {error}
        </Alert>
      )}
      <ReportStatus report={report} testId="backup-report" />
      {contents && (
        <div data-testid="backup-contents">
          <p className="strong">
            {t("backups.browse.header", {
              office: contents.header.office_name,
              date: formatDateTime(contents.header.created_at),
              by: contents.header.created_by,
            })}
          </p>
          {contents.tenants.map((tenant) => (
            <details key={tenant.id} className="backup-tenant" data-backup-tenant={tenant.name}>
              <summary>
                <span className="strong">{tenant.name}</span>{" "}
                <span className="muted small">
                  {t("admin.tenants.companyCount", { count: tenant.companies.length })}
                </span>
                {tenant.is_template && <span className="badge tag">{t("shell.template")}</span>}
                {tenant.archived && <span className="badge tag">{t("admin.tenants.archived")}</span>}
              </summary>
              {tenant.companies.map((company) => (
                <div key={company.id} className="backup-company">
                  <h3>
                    {company.name}
                    {company.city && <span className="muted small"> · {company.city}</span>}{" "}
                    <button
                      type="button"
                      className="small"
                      title={t("reports.fromBackupHint")}
                      disabled={report.busy}
                      data-testid="backup-company-report"
                      onClick={() =>
                        void report.run((progress) =>
                          api.makeReportFromBackup(
                            contents.file,
                            {
                              report: "ropa",
                              company_id: company.id,
                              role: "controller",
                              only_active: false,
                              language: i18n.language === "de" ? "de" : "en",
                            },
                            t("reports.saveTitle"),
                            progress,
                          ),
                        )
                      }
                    >
                      {t("reports.fromBackup")}
                    </button>
                  </h3>
                  {company.areas.map((area) => (
                    <div key={area.name} className="backup-area">
                      <h4>
                        {area.name}{" "}
                        <span className="muted small">
                          {t("companies.activityCount", { count: area.activities.length })}
                        </span>
                      </h4>
                      <ul>
                        {area.activities.map((a, i) => (
                          <li key={`${a.name}-${i}`} data-backup-activity={a.name}>
                            {a.name} <StatusBadge status={a.status} />
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
                </div>
              ))}
            </details>
          ))}
        </div>
      )}
    </section>
  );
}

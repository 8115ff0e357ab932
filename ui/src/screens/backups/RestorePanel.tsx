import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { BackupModule } from "../../bindings/BackupModule";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { Alert } from "../../components/Alert";
import { formatDateTime } from "../../format";
import { useAction } from "../../useAction";
import { useBackupProgress } from "./useBackupProgress";

type Scope = "all" | "tenant" | "ropa" | "master_data" | "toms" | "dpias" | "registers" | "courses" | "documents";
type CsvKind = BackupModule["kind"];

type Props = { session: SessionInfo; onError: (e: unknown) => boolean; onRestored: () => void };

/** The owner's restore (everything, one tenant, or a tenant's RoPA) after a clear warning, and CSV of a module as
 * of a backup's date without changing anything. */
export function RestorePanel({ session, onError, onRestored }: Props) {
  const { t } = useTranslation();
  const tenants = session.tenants;
  const [scope, setScope] = useState<Scope>("all");
  const [tenantId, setTenantId] = useState<number>(Number(session.current_tenant?.id ?? tenants[0]?.id ?? 0));
  const [understood, setUnderstood] = useState(false);
  const [csvKind, setCsvKind] = useState<CsvKind>("ropa");
  const [notice, setNotice] = useState<string | null>(null);
  const restoring = useAction(onError);
  const percent = useBackupProgress(restoring.busy);
  const tenantChoice = (
    <select
      aria-label={t("backups.restore.tenant")}
      value={tenantId}
      data-testid="restore-tenant"
      onChange={(e) => setTenantId(Number(e.target.value))}
    >
      {tenants.map((x) => (
        <option key={x.id} value={x.id}>
          {x.name}
        </option>
      ))}
    </select>
  );
  function restore() {
    setNotice(null);
    const module: BackupModule | null = scope === "all" ? null : { kind: scope, tenant_id: tenantId };
    void restoring.run(async () => {
      const report = await api.restoreBackup(module, t("backups.restore.fileTitle"));
      if (!report) return;
      setUnderstood(false);
      setNotice(
        t("backups.restore.done", { date: formatDateTime(report.backup.created_at), safety: report.safety_backup }),
      );
      onRestored();
    });
  }
  function csv() {
    setNotice(null);
    void restoring.run(async () => {
      const files = await api.backupCsv(
        { kind: csvKind, tenant_id: tenantId },
        t("backups.restore.fileTitle"),
        t("backups.csv.folderTitle"),
      );
      if (files) setNotice(t("backups.csv.done", { count: files.length, first: files[0] ?? "" }));
    });
  }
  return (
    <section className="card" aria-labelledby="restore-title" data-testid="restore-panel">
      <h2 id="restore-title">{t("backups.restore.title")}</h2>
      <Alert kind="warning">{t("backups.restore.warning")}</Alert>
      <div className="inline-form">
        <select
          aria-label={t("backups.restore.scope")}
          value={scope}
          data-testid="restore-scope"
          onChange={(e) => setScope(e.target.value as Scope)}
        >
          <option value="all">{t("backups.restore.all")}</option>
          <option value="tenant">{t("backups.restore.oneTenant")}</option>
          <option value="ropa">{t("backups.restore.ropa")}</option>
          <option value="master_data">{t("backups.restore.masterData")}</option>
          <option value="toms">{t("backups.restore.toms")}</option>
          <option value="dpias">{t("backups.restore.dpias")}</option>
          <option value="registers">{t("backups.restore.registers")}</option>
          <option value="courses">{t("backups.restore.courses")}</option>
          <option value="documents">{t("backups.restore.documents")}</option>
        </select>
        {scope !== "all" && tenantChoice}
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={understood}
          data-testid="restore-understood"
          onChange={(e) => setUnderstood(e.target.checked)}
        />
        {t("backups.restore.understood")}
      </label>
      <button
        type="button"
        className="danger"
        disabled={!understood || restoring.busy}
        data-testid="restore-backup"
        onClick={restore}
      >
        {t("backups.restore.button")}
      </button>
      <h3 className="subhead">{t("backups.csv.title")}</h3>
      <p className="muted small">{t("backups.csv.intro")}</p>
      <div className="inline-form">
        <select
          aria-label={t("backups.csv.what")}
          value={csvKind}
          data-testid="csv-kind"
          onChange={(e) => setCsvKind(e.target.value as CsvKind)}
        >
          {(
            [
              "ropa",
              "companies",
              "areas",
              "master_data",
              "toms",
              "dpias",
              "registers",
              "courses",
              "documents",
              "tenant",
            ] as const
          ).map((k) => (
            <option key={k} value={k}>
              {t(`backups.csv.kinds.${k}`)}
            </option>
          ))}
        </select>
        {tenantChoice}
        <button type="button" disabled={restoring.busy} data-testid="backup-csv" onClick={csv}>
          {t("backups.csv.button")}
        </button>
      </div>
      {restoring.busy && percent !== null && (
        <div
          className="progress"
          role="progressbar"
          aria-label={t("backups.restore.working")}
          aria-valuenow={percent}
          aria-valuemin={0}
          aria-valuemax={100}
        >
          <div className="progress-bar" style={{ width: `${percent}%` }} />
          <span className="small">
            {t("backups.restore.working")} {percent} %
          </span>
        </div>
      )}
      {notice && (
        <Alert kind="success" testId="restore-notice">
          {notice}
        </Alert>
      )}
      {restoring.error && (
        <Alert kind="error" testId="restore-error">
          {restoring.error}
        </Alert>
      )}
    </section>
  );
}

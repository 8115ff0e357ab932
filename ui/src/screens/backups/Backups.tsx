import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmInline } from "../../components/ConfirmInline";
import { api, can } from "../../api";
import type { BackupEntry } from "../../bindings/BackupEntry";
import { Alert } from "../../components/Alert";
import { NoPermission } from "../../components/NoPermission";
import { formatDate, formatDateTime, formatSize } from "../../format";
import { useAction } from "../../useAction";
import { useLoad } from "../../useLoad";
import type { PageProps } from "../page";
import { AutomaticBackupCard } from "./AutomaticBackupCard";
import { BackupBrowser } from "./BackupBrowser";
import { RestorePanel } from "./RestorePanel";
import { useBackupProgress } from "./useBackupProgress";

const MAX_IN_APP = 7;

type Props = PageProps & {
  /** Called after a change that can move the reminder (a download, a restore). */
  onChanged: () => void;
  /** On the lock screen: make and download a backup, nothing else. */
  lockMode?: boolean;
};

/** Tools → Backups (SPEC §10): the backups kept in the app, a new one with progress, download through the
 * save dialog, delete; for the owner, restore and CSV as of a backup. */
export function Backups({ session, onError, onChanged, lockMode = false }: Props) {
  const { t } = useTranslation();
  const load = useCallback(() => api.backups(), []);
  const list = useLoad(load, onError);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  const creating = useAction(onError);
  const action = useAction(onError);
  const checking = useAction(onError);
  const percent = useBackupProgress(creating.busy || checking.busy);
  const b = session.backup;
  if (list.code === "permission_denied" && !b.can_create) return <NoPermission />;
  const backups: BackupEntry[] = list.data ?? [];
  const full = backups.length >= MAX_IN_APP;

  function create() {
    setNotice(null);
    void creating.run(async () => {
      await api.createBackup();
      setNotice(t("backups.created"));
      await list.reload();
    });
  }
  function download(entry: BackupEntry) {
    setNotice(null);
    void action.run(async () => {
      const path = await api.downloadBackup(entry.id, t("backups.downloadTitle"));
      if (path) {
        setNotice(t("backups.downloaded", { path }));
        await list.reload();
        onChanged();
      }
    });
  }
  function verify(entry: BackupEntry) {
    setNotice(null);
    void checking.run(async () => {
      const header = await api.verifyBackup(entry.id);
      setNotice(t("backups.intact", { size: formatSize(Number(header.payload_size)) }));
    });
  }
  function remove(entry: BackupEntry) {
    setNotice(null);
    void action.run(async () => {
      await api.deleteBackup(entry.id);
      setConfirmDelete(null);
      setNotice(t("backups.deleted"));
      await list.reload();
    });
  }
  return (
    <>
      <div className="page-head">
        <div>
          {!lockMode && <h1>{t("backups.title")}</h1>}
          <p className="lead">{t("backups.intro")}</p>
          <p data-testid="backup-state">
            <span className={`badge level-${b.level}`}>{t(`dashboard.levels.${b.level}`)}</span>{" "}
            {t("dashboard.backupDue", { date: formatDate(b.due_date) })}
          </p>
        </div>
        {b.can_create && (
          <button
            type="button"
            className="primary"
            data-testid="create-backup"
            disabled={creating.busy || full}
            onClick={create}
          >
            {t("backups.create")}
          </button>
        )}
      </div>
      {(creating.busy || checking.busy) && (
        <div
          className="progress"
          role="progressbar"
          aria-label={t("backups.creating")}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? 0}
          data-testid="backup-progress"
        >
          <div className="progress-bar" style={{ width: `${percent ?? 0}%` }} />
          <span className="small">
            {creating.busy ? t("backups.creating") : t("backups.working")} {percent ?? 0} %
          </span>
        </div>
      )}
      {full && b.can_create && (
        <Alert kind="warning" testId="backup-full">
          {t("backups.full", { max: MAX_IN_APP })}
        </Alert>
      )}
      {notice && (
        <Alert kind="success" testId="backup-notice">
          {notice}
        </Alert>
      )}
      {(list.error || creating.error || action.error || checking.error) && (
        <Alert kind="error" testId="backup-error">
          {list.error ?? creating.error ?? action.error ?? checking.error}
        </Alert>
      )}
      <section className="card">
        <h2>{t("backups.inApp", { count: backups.length, max: MAX_IN_APP })}</h2>
        {backups.length === 0 ? (
          <p className="muted" data-testid="no-backups">
            {t("backups.none")}
          </p>
        ) : (
          <table className="simple-table" data-testid="backup-table">
            <thead>
              <tr>
                <th>{t("backups.date")}</th>
                <th>{t("backups.size")}</th>
                <th>{t("backups.creator")}</th>
                <th>{t("backups.downloadedColumn")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {backups.map((entry) => (
                <tr key={entry.id} data-backup={entry.file_name}>
                  <td>{formatDateTime(entry.created_at)}</td>
                  <td>{formatSize(Number(entry.size))}</td>
                  <td>{entry.created_by}</td>
                  <td data-testid="backup-downloaded">
                    {entry.downloaded_at ? (
                      t("backups.downloadedAt", { date: formatDateTime(entry.downloaded_at) })
                    ) : (
                      <span className="muted">{t("backups.notDownloaded")}</span>
                    )}
                  </td>
                  <td className="row-actions">
                    {!lockMode && (
                      <button
                        type="button"
                        data-testid="verify-backup"
                        disabled={checking.busy}
                        onClick={() => verify(entry)}
                      >
                        {t("backups.verify")}
                      </button>
                    )}
                    {(b.can_create || can(session, "backup", "export")) && (
                      <button
                        type="button"
                        data-testid="download-backup"
                        disabled={action.busy}
                        onClick={() => download(entry)}
                      >
                        {t("backups.download")}
                      </button>
                    )}
                    {!lockMode &&
                      can(session, "backup", "delete") &&
                      (confirmDelete === entry.id ? (
                        <ConfirmInline
                          message={t("backups.confirmDelete")}
                          confirmLabel={t("backups.delete")}
                          confirmTestId="confirm-delete-backup"
                          onConfirm={() => remove(entry)}
                          onCancel={() => setConfirmDelete(null)}
                        />
                      ) : (
                        <button
                          type="button"
                          className="danger"
                          data-testid="delete-backup"
                          onClick={() => setConfirmDelete(entry.id)}
                        >
                          {t("backups.delete")}
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {!lockMode && can(session, "settings", "edit") && <AutomaticBackupCard onError={onError} />}
      {!lockMode && session.is_admin && <BackupBrowser onError={onError} />}
      {!lockMode && session.is_owner && <RestorePanel session={session} onError={onError} onRestored={onChanged} />}
    </>
  );
}

import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Alert } from "../../components/Alert";
import { formatDateTime } from "../../format";
import { useAction } from "../../useAction";
import { useLoad } from "../../useLoad";

/** The automatic daily backup into a folder the administrator picks (a NAS, a USB disk, a synced folder): off by
 * default; kept there for 7 days; a missing folder is shown here and as a notification. */
export function AutomaticBackupCard({ onError }: { onError: (e: unknown) => boolean }) {
  const { t } = useTranslation();
  const load = useCallback(() => api.automaticBackup(), []);
  const auto = useLoad(load, onError);
  const action = useAction(onError);
  const state = auto.data;
  if (!state) return null;
  return (
    <section className="card" aria-labelledby="auto-title" data-testid="automatic-backup">
      <h2 id="auto-title">{t("backups.auto.title")}</h2>
      <p className="muted small">{t("backups.auto.intro")}</p>
      <p data-testid="automatic-backup-state">
        {state.folder ? t("backups.auto.on", { folder: state.folder }) : t("backups.auto.off")}
        {state.folder && state.last_run && (
          <> · {t("backups.auto.lastRun", { date: formatDateTime(state.last_run) })}</>
        )}
      </p>
      {state.last_error && (
        <Alert kind="error" testId="automatic-backup-error">
          {t("backups.auto.failed", { reason: state.last_error })}
        </Alert>
      )}
      {action.error && <Alert kind="error">{action.error}</Alert>}
      <div className="actions start">
        <button
          type="button"
          disabled={action.busy}
          data-testid="choose-auto-folder"
          onClick={() =>
            void action.run(async () => {
              const next = await api.chooseAutomaticBackupFolder(t("backups.auto.folderTitle"));
              if (next) auto.setData(next);
            })
          }
        >
          {state.folder ? t("backups.auto.change") : t("backups.auto.choose")}
        </button>
        {state.folder && (
          <button
            type="button"
            disabled={action.busy}
            data-testid="stop-auto"
            onClick={() =>
              void action.run(async () => {
                auto.setData(await api.stopAutomaticBackup());
              })
            }
          >
            {t("backups.auto.stop")}
          </button>
        )}
      </div>
    </section>
  );
}

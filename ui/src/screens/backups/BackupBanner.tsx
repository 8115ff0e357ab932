import { useTranslation } from "react-i18next";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { formatDate } from "../../format";

/** The in-app reminder while a backup is due or overdue and it concerns the user. */
export function BackupBanner({ session, onOpen }: { session: SessionInfo; onOpen: () => void }) {
  const { t } = useTranslation();
  const b = session.backup;
  if (!b.concerns_user || b.level === "ok" || b.level === "locked") return null;
  const date = formatDate(b.due_date);
  return (
    <div
      className={`alert ${b.level === "due" ? "alert-warning" : "alert-error"} backup-banner`}
      role="status"
      data-testid="backup-banner"
    >
      <span>
        {b.level === "due" ? t("backups.banner.due", { date }) : t("backups.banner.overdue", { date })}{" "}
        {b.can_create ? t("backups.banner.doIt") : t("backups.banner.ask", { contact: b.contact })}
      </span>
      {b.can_create && session.menu.includes("backups") && (
        <button type="button" data-testid="banner-open-backups" onClick={onOpen}>
          {t("backups.banner.open")}
        </button>
      )}
    </div>
  );
}

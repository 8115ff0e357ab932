import { useTranslation } from "react-i18next";
import { formatDate } from "../../format";
import type { PageProps } from "../page";
import { Backups } from "./Backups";

/** Five days after a backup fell due the app is locked (SPEC §10): who may make backups
 * makes and downloads one here; everyone else learns whom to ask. */
export function LockScreen(props: PageProps & { onChanged: () => void }) {
  const { t } = useTranslation();
  const b = props.session.backup;
  return (
    <section data-testid="backup-lock">
      <div className="alert alert-error">
        <h1>{t("backups.lock.title")}</h1>
        <p>{t("backups.lock.text", { date: formatDate(b.due_date) })}</p>
        {b.can_create ? (
          <p>{t("backups.lock.doIt")}</p>
        ) : (
          <p data-testid="lock-contact">{t("backups.lock.ask", { contact: b.contact })}</p>
        )}
      </div>
      {b.can_create && <Backups {...props} lockMode />}
    </section>
  );
}

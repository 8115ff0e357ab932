import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { api, type ReminderTexts } from "../../api";
import type { BackupLevel } from "../../bindings/BackupLevel";

const REMINDER_MS = 60_000;

/** Asks the core whether a native backup notification is due for this user (it keeps the
 * once-a-day count) at sign-in, when the level changes, and every minute. */
export function useBackupReminder(level: BackupLevel, dueDate: string, contact: string) {
  const { t } = useTranslation();
  useEffect(() => {
    if (level === "ok") return undefined;
    const texts: ReminderTexts = {
      due: { summary: t("backups.notify.dueTitle"), body: t("backups.notify.dueBody", { date: dueDate }) },
      notify_all: { summary: t("backups.notify.overdueTitle"), body: t("backups.notify.overdueBody", { contact }) },
      locked: { summary: t("backups.notify.lockedTitle"), body: t("backups.notify.lockedBody", { contact }) },
    };
    const remind = () => {
      void api.backupReminder(texts).catch(() => undefined);
    };
    remind();
    const timer = window.setInterval(remind, REMINDER_MS);
    return () => window.clearInterval(timer);
  }, [level, dueDate, contact, t]);
}

import { useTranslation } from "react-i18next";
import type { ActivityStatus } from "../../bindings/ActivityStatus";

export const STATUSES: ActivityStatus[] = ["draft", "in_review", "active", "inactive"];

export function StatusBadge({ status }: { status: ActivityStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}

import { useTranslation } from "react-i18next";
import type { TomStatus } from "../../bindings/TomStatus";

export function TomStatusBadge({ status }: { status: TomStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`toms.status.${status}`)}</span>;
}

import { useTranslation } from "react-i18next";
import { Alert } from "./Alert";

/** Shown where the user may not view a kind of record (SPEC §8: the tile says 0, opening it says this). */
export function NoPermission() {
  const { t } = useTranslation();
  return (
    <Alert kind="warning" testId="no-permission">
      {t("common.noPermission")}
    </Alert>
  );
}

/** Shown when the user may open no tenant yet. */
export function NoTenant() {
  const { t } = useTranslation();
  return (
    <Alert kind="info" testId="no-tenant">
      {t("common.noTenant")}
    </Alert>
  );
}

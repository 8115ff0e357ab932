import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import type { StartupState } from "../bindings/StartupState";
import { Alert } from "../components/Alert";
import { CenteredCard } from "../components/CenteredCard";
import { Field } from "../components/Field";
import { useAction } from "../useAction";

/** A new computer: the installation comes from a backup file and its recovery key instead of the setup wizard. */
export function RestoreInstallation({
  onRestored,
  onBack,
}: {
  onRestored: (state: StartupState) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [key, setKey] = useState("");
  const { busy, error, run } = useAction();
  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const state = await api.restoreInstallation(key, t("setupRestore.fileTitle"));
      if (state) onRestored(state);
    });
  }
  return (
    <CenteredCard title={t("setupRestore.title")}>
      <form onSubmit={submit} noValidate>
        <p className="lead">{t("setupRestore.intro")}</p>
        <Field
          label={t("recovery.label")}
          name="restore_recovery_key"
          value={key}
          autoFocus
          spellCheck={false}
          autoComplete="off"
          className="mono"
          placeholder={t("recovery.placeholder")}
          onChange={(e) => setKey(e.target.value)}
        />
        {error && (
          <Alert kind="error" testId="restore-installation-error">
            {error}
          </Alert>
        )}
        <div className="actions">
          <button type="button" onClick={onBack} disabled={busy}>
            {t("common.back")}
          </button>
          <button type="submit" className="primary" disabled={busy || !key.trim()} data-testid="restore-installation">
            {busy ? t("setupRestore.restoring") : t("setupRestore.choose")}
          </button>
        </div>
      </form>
    </CenteredCard>
  );
}

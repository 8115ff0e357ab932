import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import type { StartupState } from "../bindings/StartupState";
import { Alert } from "../components/Alert";
import { CenteredCard } from "../components/CenteredCard";
import { Field } from "../components/Field";
import { useAction } from "../useAction";

/** Shown when the keyring cannot give the database key (another machine, headless Linux). */
export function RecoveryKeyPrompt({
  keyringError,
  onUnlocked,
}: {
  keyringError: string | null;
  onUnlocked: (state: StartupState) => void;
}) {
  const { t } = useTranslation();
  const [key, setKey] = useState("");
  const { busy, error, run } = useAction();

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => onUnlocked(await api.unlockWithRecoveryKey(key)));
  }

  return (
    <CenteredCard title={t("recovery.title")}>
      <form onSubmit={submit} noValidate>
        <p className="lead">{t("recovery.intro")}</p>
        {keyringError && <p className="muted small">{t("recovery.reason", { reason: keyringError })}</p>}
        <Field
          label={t("recovery.label")}
          name="recovery_key"
          value={key}
          autoFocus
          spellCheck={false}
          autoComplete="off"
          className="mono"
          placeholder={t("recovery.placeholder")}
          onChange={(e) => setKey(e.target.value)}
        />
        {error && (
          <Alert kind="error" testId="form-error">
            {error}
          </Alert>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !key.trim()}>
            {busy ? t("recovery.unlocking") : t("recovery.unlock")}
          </button>
        </div>
      </form>
    </CenteredCard>
  );
}

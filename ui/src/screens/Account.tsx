import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import type { SessionInfo } from "../bindings/SessionInfo";
import { Alert } from "../components/Alert";
import { Field } from "../components/Field";
import { PasswordStrength } from "../components/PasswordStrength";
import { ReportStatus } from "../features/reports/ReportStatus";
import { useReport } from "../features/reports/useReport";
import { useAction } from "../useAction";

export function Account({ session, onError }: { session: SessionInfo; onError: (e: unknown) => boolean }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [changed, setChanged] = useState(false);
  const { busy, error, setError, run } = useAction(onError);

  function submit(e: FormEvent) {
    e.preventDefault();
    setChanged(false);
    if (next !== repeat) {
      setError(t("setup.passwordMismatch"));
      return;
    }
    void run(async () => {
      await api.changePassword({ current_password: current, new_password: next });
      setCurrent("");
      setNext("");
      setRepeat("");
      setChanged(true);
    });
  }

  return (
    <>
      <h1>{t("account.title")}</h1>
      <section className="card narrow" aria-labelledby="pw">
        <h2 id="pw">{t("account.changePassword")}</h2>
        <form onSubmit={submit} noValidate>
          <input type="text" name="username" autoComplete="username" value={session.user_name} readOnly hidden />
          <Field
            label={t("account.current")}
            name="current_password"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
          <Field
            label={t("account.new")}
            name="new_password"
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
            hint={t("setup.passwordMin")}
          />
          <PasswordStrength password={next} userInputs={[session.user_name]} />
          <Field
            label={t("account.repeat")}
            name="new_password_repeat"
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
          {error && (
            <Alert kind="error" testId="account-message">
              {error}
            </Alert>
          )}
          {changed && !error && (
            <Alert kind="success" testId="account-message">
              {t("account.changed")}
            </Alert>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || !current || !next}>
              {t("account.changePassword")}
            </button>
          </div>
        </form>
      </section>
      {session.is_owner && <RecoverySheet onError={onError} />}
    </>
  );
}

/** The owner prints the recovery key again (SPEC §1), after the password once more. */
function RecoverySheet({ onError }: { onError: (e: unknown) => boolean }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const report = useReport(onError);
  function submit(e: FormEvent) {
    e.preventDefault();
    void report.run(async (progress) => {
      const path = await api.saveRecoverySheet(password, t("reports.saveTitle"), progress);
      setPassword("");
      return path;
    });
  }
  return (
    <section className="card narrow" aria-labelledby="recovery-sheet">
      <h2 id="recovery-sheet">{t("account.recovery.title")}</h2>
      <p className="muted">{t("account.recovery.hint")}</p>
      <form onSubmit={submit} noValidate>
        <Field
          label={t("account.recovery.password")}
          name="recovery_password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div className="actions start">
          <button
            type="submit"
            className="primary"
            disabled={report.busy || !password}
            data-testid="recovery-sheet-make"
          >
            {t("account.recovery.make")}
          </button>
        </div>
        <ReportStatus report={report} testId="recovery-sheet" />
      </form>
    </section>
  );
}

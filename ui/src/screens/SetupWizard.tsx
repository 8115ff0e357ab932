import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import type { SessionInfo } from "../bindings/SessionInfo";
import type { SetupResult } from "../bindings/SetupResult";
import { Alert } from "../components/Alert";
import { CenteredCard } from "../components/CenteredCard";
import { Field } from "../components/Field";
import { PasswordStrength } from "../components/PasswordStrength";
import { newPasswordErrors } from "../newPassword";
import { useAction } from "../useAction";
import { copyText } from "../clipboard";
import { ReportStatus } from "../features/reports/ReportStatus";
import { useReport } from "../features/reports/useReport";

const noClaim = () => false;

/** First start: office → owner account → recovery key (shown once). */
export function SetupWizard({
  dataDir,
  onDone,
  onRestore,
}: {
  dataDir: string;
  onDone: (session: SessionInfo) => void;
  onRestore: () => void;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState<1 | 2 | 3>(1);
  const [office, setOffice] = useState("");
  const [owner, setOwner] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [touched, setTouched] = useState(false);
  const { busy, error, run } = useAction();
  const [result, setResult] = useState<SetupResult | null>(null);
  const [stored, setStored] = useState(false);
  const [copied, setCopied] = useState(false);
  // No shell yet to claim an error: the sheet shows its own.
  const sheet = useReport(noClaim);

  const officeError = touched && !office.trim() ? t("errors.validation.office_name.required") : null;
  const ownerError = touched && !owner.trim() ? t("errors.validation.user_name.required") : null;
  const { passwordError, repeatError, acceptable } = newPasswordErrors(t, password, repeat, touched);

  function submitOffice(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!office.trim()) return;
    setTouched(false);
    setStep(2);
  }

  function submitOwner(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!owner.trim() || !acceptable) return;
    void run(async () => {
      setResult(await api.createInstallation({ office_name: office, owner_name: owner, owner_password: password }));
      // The password stays until the wizard ends: the recovery-key sheet of step 3 asks the core with it.
      setRepeat("");
      setStep(3);
    });
  }

  function finish() {
    if (!result) return;
    setPassword("");
    onDone(result.session);
  }

  const steps = [t("setup.stepOffice"), t("setup.stepOwner"), t("setup.stepKey")];
  return (
    <CenteredCard title={t("setup.title")} wide={step === 3}>
      <ol className="steps" aria-label={t("setup.stepOf", { current: step, total: 3 })}>
        {steps.map((label, i) => (
          <li
            key={label}
            className={i + 1 === step ? "current" : i + 1 < step ? "done" : ""}
            aria-current={i + 1 === step ? "step" : undefined}
          >
            <span className="step-number">{i + 1}</span> {label}
          </li>
        ))}
      </ol>

      {step === 1 && (
        <form onSubmit={submitOffice} noValidate>
          <p className="lead">{t("setup.officeIntro")}</p>
          <Field
            label={t("setup.officeName")}
            name="office_name"
            value={office}
            autoFocus
            placeholder={t("setup.officeNamePlaceholder")}
            onChange={(e) => setOffice(e.target.value)}
            error={officeError}
            maxLength={200}
          />
          <div className="actions">
            <button type="submit" className="primary">
              {t("common.continue")}
            </button>
          </div>
          <p className="muted small">{t("setup.dataDir", { dir: dataDir })}</p>
          <p className="small">
            {t("setup.fromBackup")}{" "}
            <button type="button" className="link" data-testid="setup-from-backup" onClick={onRestore}>
              {t("setup.fromBackupLink")}
            </button>
          </p>
        </form>
      )}

      {step === 2 && (
        <form onSubmit={submitOwner} noValidate>
          <p className="lead">{t("setup.ownerIntro")}</p>
          <Field
            label={t("setup.ownerName")}
            name="owner_name"
            value={owner}
            autoFocus
            autoComplete="username"
            onChange={(e) => setOwner(e.target.value)}
            error={ownerError}
            maxLength={64}
          />
          <Field
            label={t("setup.password")}
            name="password"
            type="password"
            value={password}
            autoComplete="new-password"
            onChange={(e) => setPassword(e.target.value)}
            error={passwordError}
            hint={t("setup.passwordMin")}
          />
          <PasswordStrength password={password} userInputs={[owner, office]} />
          <Field
            label={t("setup.passwordRepeat")}
            name="password_repeat"
            type="password"
            value={repeat}
            autoComplete="new-password"
            onChange={(e) => setRepeat(e.target.value)}
            error={repeatError}
          />
          {error && <Alert kind="error">{error}</Alert>}
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                setTouched(false);
                setStep(1);
              }}
              disabled={busy}
            >
              {t("common.back")}
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t("setup.creating") : t("setup.create")}
            </button>
          </div>
        </form>
      )}

      {step === 3 && result && (
        <div>
          <p className="lead">{t("setup.keyIntro")}</p>
          <div className="recovery-key" data-testid="recovery-key" aria-label={t("setup.stepKey")}>
            {result.recovery_key}
          </div>
          <div className="actions start">
            <button type="button" onClick={() => void copyText(result.recovery_key).then(() => setCopied(true))}>
              {t("common.copy")}
            </button>
            <button
              type="button"
              disabled={sheet.busy}
              data-testid="setup-key-sheet"
              onClick={() =>
                void sheet.run((progress) => api.saveRecoverySheet(password, t("reports.saveTitle"), progress))
              }
            >
              {t("setup.keySheet")}
            </button>
            {copied && (
              <span className="muted" role="status">
                {t("common.copied")}
              </span>
            )}
          </div>
          <ReportStatus report={sheet} testId="setup-key-sheet" />
          <p>{t("setup.keyStoreAdvice")}</p>
          {result.keyring_error && (
            <Alert kind="warning">{t("setup.keyringWarning", { reason: result.keyring_error })}</Alert>
          )}
          <label className="check">
            <input type="checkbox" name="key_stored" checked={stored} onChange={(e) => setStored(e.target.checked)} />
            {t("setup.keyConfirm")}
          </label>
          <div className="actions">
            <button type="button" className="primary" disabled={!stored} onClick={finish}>
              {t("setup.finish")}
            </button>
          </div>
        </div>
      )}
    </CenteredCard>
  );
}

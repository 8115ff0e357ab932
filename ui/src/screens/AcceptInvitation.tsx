import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import type { SessionInfo } from "../bindings/SessionInfo";
import { Alert } from "../components/Alert";
import { Field } from "../components/Field";
import { PasswordStrength } from "../components/PasswordStrength";
import { useAction } from "../useAction";

const MIN_PASSWORD = 10;

/** First sign-in of an invited user: user name, the one-time code, their own password. */
export function AcceptInvitation({ onSignedIn, onCancel }: { onSignedIn: (s: SessionInfo) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [userName, setUserName] = useState("");
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [touched, setTouched] = useState(false);
  const { busy, error, run } = useAction();

  const passwordError = touched && password.length < MIN_PASSWORD ? t("errors.validation.password.too_short") : null;
  const repeatError = touched && repeat !== password ? t("setup.passwordMismatch") : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (password.length < MIN_PASSWORD || repeat !== password) return;
    void run(async () =>
      onSignedIn(await api.acceptInvitation({ user_name: userName, invitation_code: code, new_password: password })),
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <p className="lead">{t("invitation.intro")}</p>
      <Field label={t("signIn.userName")} name="user_name" value={userName} autoFocus autoComplete="username" onChange={(e) => setUserName(e.target.value)} />
      <Field label={t("invitation.code")} name="invitation_code" value={code} className="mono" spellCheck={false} autoComplete="off"
        placeholder="XXXX-XXXX-XXXX" onChange={(e) => setCode(e.target.value)} />
      <Field label={t("account.new")} name="new_password" type="password" value={password} autoComplete="new-password"
        onChange={(e) => setPassword(e.target.value)} error={passwordError} hint={t("setup.passwordMin")} />
      <PasswordStrength password={password} userInputs={[userName]} />
      <Field label={t("account.repeat")} name="new_password_repeat" type="password" value={repeat} autoComplete="new-password"
        onChange={(e) => setRepeat(e.target.value)} error={repeatError} />
      {error && <Alert kind="error" testId="form-error">{error}</Alert>}
      <div className="actions">
        <button type="button" onClick={onCancel} disabled={busy}>{t("common.back")}</button>
        <button type="submit" className="primary" disabled={busy || !userName.trim() || !code.trim()}>{t("invitation.submit")}</button>
      </div>
    </form>
  );
}

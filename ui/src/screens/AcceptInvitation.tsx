import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import type { SessionInfo } from "../bindings/SessionInfo";
import { Alert } from "../components/Alert";
import { Field } from "../components/Field";
import { PasswordStrength } from "../components/PasswordStrength";
import { newPasswordErrors } from "../newPassword";
import { useAction } from "../useAction";

/** First sign-in of an invited user: user name, the one-time code, their own password. */
export function AcceptInvitation({
  onSignedIn,
  onCancel,
}: {
  onSignedIn: (s: SessionInfo) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [userName, setUserName] = useState("");
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [touched, setTouched] = useState(false);
  const { busy, error, run } = useAction();

  const { passwordError, repeatError, acceptable } = newPasswordErrors(t, password, repeat, touched);

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!acceptable) return;
    void run(async () =>
      onSignedIn(await api.acceptInvitation({ user_name: userName, invitation_code: code, new_password: password })),
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <p className="lead">{t("invitation.intro")}</p>
      <Field
        label={t("signIn.userName")}
        name="user_name"
        value={userName}
        autoFocus
        autoComplete="username"
        onChange={(e) => setUserName(e.target.value)}
      />
      <Field
        label={t("invitation.code")}
        name="invitation_code"
        value={code}
        className="mono"
        spellCheck={false}
        autoComplete="off"
        placeholder="XXXX-XXXX-XXXX"
        onChange={(e) => setCode(e.target.value)}
      />
      <Field
        label={t("account.new")}
        name="new_password"
        type="password"
        value={password}
        autoComplete="new-password"
        onChange={(e) => setPassword(e.target.value)}
        error={passwordError}
        hint={t("setup.passwordMin")}
      />
      <PasswordStrength password={password} userInputs={[userName]} />
      <Field
        label={t("account.repeat")}
        name="new_password_repeat"
        type="password"
        value={repeat}
        autoComplete="new-password"
        onChange={(e) => setRepeat(e.target.value)}
        error={repeatError}
      />
      {error && (
        <Alert kind="error" testId="form-error">
          {error}
        </Alert>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel} disabled={busy}>
          {t("common.back")}
        </button>
        <button type="submit" className="primary" disabled={busy || !userName.trim() || !code.trim()}>
          {t("invitation.submit")}
        </button>
      </div>
    </form>
  );
}

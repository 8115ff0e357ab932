import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import type { SessionInfo } from "../bindings/SessionInfo";
import { Alert } from "../components/Alert";
import { CenteredCard } from "../components/CenteredCard";
import { Field } from "../components/Field";
import { errorMessage } from "../i18n";

type Props = { officeName: string | null; lockedUser: string | null; notice: string | null; onSignedIn: (s: SessionInfo) => void };

export function SignIn({ officeName, lockedUser, notice, onSignedIn }: Props) {
  const { t } = useTranslation();
  const [userName, setUserName] = useState(lockedUser ?? "");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.signIn({ user_name: userName, password }));
    } catch (err) {
      setPassword("");
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <CenteredCard title={t("signIn.title")}>
      {officeName && <p className="office-name" data-testid="office-name">{officeName}</p>}
      {lockedUser && <Alert kind="info">{t("signIn.locked")}</Alert>}
      {notice && <Alert kind="warning">{notice}</Alert>}
      <form onSubmit={submit} noValidate>
        <Field label={t("signIn.userName")} name="user_name" value={userName} autoFocus={!lockedUser} autoComplete="username"
          onChange={(e) => setUserName(e.target.value)} />
        <Field label={t("signIn.password")} name="password" type="password" value={password} autoFocus={!!lockedUser}
          autoComplete="current-password" onChange={(e) => setPassword(e.target.value)} />
        {error && <Alert kind="error" testId="form-error">{error}</Alert>}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !userName.trim() || !password}>
            {busy ? t("signIn.submitting") : t("signIn.submit")}
          </button>
        </div>
      </form>
    </CenteredCard>
  );
}

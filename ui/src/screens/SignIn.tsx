import { useCallback, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import type { SessionInfo } from "../bindings/SessionInfo";
import { Alert } from "../components/Alert";
import { CenteredCard } from "../components/CenteredCard";
import { Field } from "../components/Field";
import { useAction } from "../useAction";
import { AcceptInvitation } from "./AcceptInvitation";

type Props = {
  officeName: string | null;
  lockedUser: string | null;
  notice: string | null;
  onSignedIn: (s: SessionInfo) => void;
};

export function SignIn({ officeName, lockedUser, notice, onSignedIn }: Props) {
  const { t } = useTranslation();
  const [userName, setUserName] = useState(lockedUser ?? "");
  const [password, setPassword] = useState("");
  const clearPassword = useCallback(() => {
    setPassword("");
    return false;
  }, []);
  const { busy, error, run } = useAction(clearPassword);
  const [invited, setInvited] = useState(false);

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => onSignedIn(await api.signIn({ user_name: userName, password })));
  }

  if (invited) {
    return (
      <CenteredCard title={t("invitation.title")}>
        {officeName && <p className="office-name">{officeName}</p>}
        <AcceptInvitation onSignedIn={onSignedIn} onCancel={() => setInvited(false)} />
      </CenteredCard>
    );
  }

  return (
    <CenteredCard title={t("signIn.title")}>
      {officeName && (
        <p className="office-name" data-testid="office-name">
          {officeName}
        </p>
      )}
      {lockedUser && !notice && <Alert kind="info">{t("signIn.locked")}</Alert>}
      {notice && <Alert kind="warning">{notice}</Alert>}
      <form onSubmit={submit} noValidate>
        <Field
          label={t("signIn.userName")}
          name="user_name"
          value={userName}
          autoFocus={!lockedUser}
          autoComplete="username"
          onChange={(e) => setUserName(e.target.value)}
        />
        <Field
          label={t("signIn.password")}
          name="password"
          type="password"
          value={password}
          autoFocus={!!lockedUser}
          autoComplete="current-password"
          onChange={(e) => setPassword(e.target.value)}
        />
        {error && (
          <Alert kind="error" testId="form-error">
            {error}
          </Alert>
        )}
        <div className="actions spread">
          <button type="button" className="link" onClick={() => setInvited(true)}>
            {t("invitation.link")}
          </button>
          <button type="submit" className="primary" disabled={busy || !userName.trim() || !password}>
            {busy ? t("signIn.submitting") : t("signIn.submit")}
          </button>
        </div>
      </form>
    </CenteredCard>
  );
}

import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, CommandError } from "./api";
import { SESSION_ENDING } from "./sessionEnding";
import type { SessionInfo } from "./bindings/SessionInfo";
import type { StartupState } from "./bindings/StartupState";
import { Alert } from "./components/Alert";
import { CenteredCard } from "./components/CenteredCard";
import { errorMessage, initialLanguage, switchLanguage, type Language } from "./i18n";
import { RecoveryKeyPrompt } from "./screens/RecoveryKeyPrompt";
import { RestoreInstallation } from "./screens/RestoreInstallation";
import { SetupWizard } from "./screens/SetupWizard";
import { Shell } from "./screens/Shell";
import { SignIn } from "./screens/SignIn";

/** Follows the start-up phases the core reports: setup → recovery key → sign-in → shell. */
export function App() {
  const { t } = useTranslation();
  const [state, setState] = useState<StartupState | null>(null);
  const [fatal, setFatal] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const reported = useRef(false);

  const refresh = useCallback(async () => {
    try {
      const next = await api.startupState();
      await switchLanguage(initialLanguage(next.session?.language, next.os_locale));
      setState(next);
    } catch (e) {
      setFatal(e);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (state && !reported.current) {
      reported.current = true;
      void api.uiReady().catch(() => undefined);
    }
  }, [state]);

  const signedIn = useCallback(async (session: SessionInfo) => {
    setNotice(null);
    await switchLanguage(initialLanguage(session.language, state?.os_locale));
    setState((s) => (s ? { ...s, phase: "signed_in", session, locked_user: null } : s));
  }, [state?.os_locale]);

  const changeLanguage = useCallback(async (lang: Language) => {
    await switchLanguage(lang);
    if (state?.phase === "signed_in") {
      const session = await api.setLanguage(lang).catch(() => null);
      if (session) setState((s) => (s ? { ...s, session } : s));
    }
  }, [state?.phase]);

  /** The core ended the session (idle, deactivated): back to sign-in, saying why where it is not the idle lock. */
  const endSession = useCallback((code?: string) => {
    // Later refreshes of the ended session report "session_required"; they keep the reason.
    if (code === "user_deactivated") setNotice(t("errors.user_deactivated"));
    void refresh();
  }, [refresh, t]);

  const refreshSession = useCallback(async () => {
    const session = await api.refreshSession().catch((e: unknown) => {
      if (e instanceof CommandError && SESSION_ENDING.has(e.code)) endSession(e.code);
      return null;
    });
    // Only a changed session re-renders, so the periodic refresh costs nothing visible.
    if (session) setState((s) => (s && JSON.stringify(s.session) !== JSON.stringify(session) ? { ...s, session } : s));
  }, [endSession]);

  const switchTenant = useCallback(async (tenantId: number) => {
    const session = await api.setCurrentTenant(tenantId).catch(() => null);
    if (session) setState((s) => (s ? { ...s, session } : s));
  }, []);

  const refreshSessionQuietly = useCallback(() => void refreshSession(), [refreshSession]);

  if (fatal) {
    return (
      <CenteredCard title={t("errors.startTitle")}>
        <Alert kind="error" testId="fatal-error">{errorMessage(fatal)}</Alert>
      </CenteredCard>
    );
  }
  if (!state) return <div className="splash" aria-busy="true">{t("common.loading")}</div>;

  switch (state.phase) {
    case "setup":
      return restoring
        ? <RestoreInstallation onBack={() => setRestoring(false)} onRestored={(next) => { setRestoring(false); setState(next); }} />
        : <SetupWizard dataDir={state.data_dir} onDone={(session) => void signedIn(session)} onRestore={() => setRestoring(true)} />;
    case "recovery_key":
      return (
        <RecoveryKeyPrompt keyringError={state.keyring_error} onUnlocked={(next) => {
          if (next.keyring_error) setNotice(t("recovery.keyringWarning", { reason: next.keyring_error }));
          setState(next);
        }} />
      );
    case "sign_in":
      return <SignIn key={state.locked_user ?? ""} officeName={state.office_name} lockedUser={state.locked_user} notice={notice}
        onSignedIn={(session) => void signedIn(session)} />;
    case "signed_in":
      return state.session ? (
        <Shell session={state.session} officeName={state.office_name ?? ""}
          onSignOut={() => void api.signOut().finally(refresh)}
          onSessionEnded={endSession}
          onLanguage={(lang) => void changeLanguage(lang)}
          onRefreshSession={refreshSessionQuietly}
          onSwitchTenant={(id) => void switchTenant(id)} />
      ) : null;
  }
}

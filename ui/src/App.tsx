import { noteCoreNow } from "./coreClock";
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, CommandError } from "./api";
import { SESSION_ENDING } from "./sessionEnding";
import type { SessionInfo } from "./bindings/SessionInfo";
import type { StartupState } from "./bindings/StartupState";
import { Alert } from "./components/Alert";
import { CenteredCard } from "./components/CenteredCard";
import { createQueryClient } from "./data/records";
import { errorMessage, initialLanguage, switchLanguage, type Language } from "./i18n";
import { RecoveryKeyPrompt } from "./screens/RecoveryKeyPrompt";
import { SignIn } from "./screens/SignIn";
import { markStart, startMarks } from "./startMarks";
import { readStartupState, type FirstRead, type StartupOutcome } from "./startup";

// The sign-in screen needs none of these: they load after it is painted (the start reads a third of the code).
const loadShell = () => import("./screens/Shell");
const Shell = lazy(() => loadShell().then((m) => ({ default: m.Shell })));
const SetupWizard = lazy(() => import("./screens/SetupWizard").then((m) => ({ default: m.SetupWizard })));
const RestoreInstallation = lazy(() =>
  import("./screens/RestoreInstallation").then((m) => ({ default: m.RestoreInstallation })),
);

/** The signed-in app loads while the user types the password: not at the start (the sign-in screen's memory stays
 * small), not after the click (the dashboard need not wait for it). */
function prefetchShellOnFirstInput() {
  const load = () => void loadShell().catch(() => undefined);
  document.addEventListener("keydown", load, { once: true });
  document.addEventListener("pointerdown", load, { once: true });
}

/**
 * The window's root: the record cache every screen loads through, around the start-up phases.
 * `first` is the start's first read (main.tsx asks before rendering); without it the app asks.
 */
export function App({ first }: { first?: FirstRead }) {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <Phases first={first} />
    </QueryClientProvider>
  );
}

/** Follows the start-up phases the core reports: setup → recovery key → sign-in → shell. */
function Phases({ first }: { first?: FirstRead }) {
  const { t, i18n } = useTranslation();
  const known = first?.outcome;
  const [state, setState] = useState<StartupState | null>(known && "state" in known ? known.state : null);
  const [fatal, setFatal] = useState<unknown>(known && "failure" in known ? known.failure : null);
  const [notice, setNotice] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const reported = useRef(false);

  const apply = useCallback((outcome: StartupOutcome) => {
    if ("state" in outcome) setState(outcome.state);
    else setFatal(outcome.failure);
  }, []);
  const refresh = useCallback(async () => apply(await readStartupState()), [apply]);

  // The first read is the one main.tsx started; the app asks itself only when it was rendered without one.
  useEffect(() => {
    if (first?.outcome) return;
    void (first ? first.done.then(apply) : refresh());
  }, [first, apply, refresh]);

  // Cached records belong to one user and their rights: dropped when the session ends, re-read when the rights change.
  const client = useQueryClient();
  const session = state?.phase === "signed_in" ? state.session : null;
  const rights = session
    ? JSON.stringify([
        session.user_name,
        session.is_admin,
        session.grants,
        session.role_names,
        session.tenants.map((x) => x.id),
      ])
    : null;
  const lastRights = useRef<string | null>(null);
  useEffect(() => {
    if (rights === null) client.clear();
    else if (lastRights.current !== null && lastRights.current !== rights) {
      client.removeQueries({ type: "inactive" });
      void client.invalidateQueries();
    }
    lastRights.current = rights;
  }, [rights, client]);

  useLayoutEffect(() => {
    if (state && !reported.current) {
      reported.current = true;
      markStart("first screen committed");
      // Laid out now rather than in the first frame, so the trace tells style and layout from painting.
      document.body.getBoundingClientRect();
      markStart("first layout done");
      // Reported once the first screen is painted, with the page's own clock for the start trace: asked for at
      // the commit, before the browser draws it, the first frame is the one that paints the screen and the second
      // begins after it (as the floor app counts; from a passive effect, which runs after that paint, it was one
      // frame later).
      requestAnimationFrame(() => {
        markStart("first frame begins");
        requestAnimationFrame(() => {
          void api.uiReady(performance.now(), startMarks()).catch(() => undefined);
          if (state.phase === "sign_in") prefetchShellOnFirstInput();
        });
      });
    }
  }, [state]);

  const signedIn = useCallback(
    async (session: SessionInfo) => {
      setNotice(null);
      noteCoreNow(session.now);
      await switchLanguage(initialLanguage(session.language, state?.os_locale));
      setState((s) => (s ? { ...s, phase: "signed_in", session, locked_user: null } : s));
    },
    [state?.os_locale],
  );

  const changeLanguage = useCallback(
    async (lang: Language) => {
      await switchLanguage(lang);
      if (state?.phase === "signed_in") {
        const session = await api.setLanguage(lang).catch(() => null);
        if (session) setState((s) => (s ? { ...s, session } : s));
      }
    },
    [state?.phase],
  );

  /** The core ended the session (idle, deactivated): back to sign-in, saying why where it is not the idle lock. */
  const endSession = useCallback(
    (code?: string) => {
      // Later refreshes of the ended session report "session_required"; they keep the reason.
      if (code === "user_deactivated") setNotice(t("errors.user_deactivated"));
      void refresh();
    },
    [refresh, t],
  );

  const refreshSession = useCallback(async () => {
    const session = await api.refreshSession().catch((e: unknown) => {
      if (e instanceof CommandError && SESSION_ENDING.has(e.code)) endSession(e.code);
      return null;
    });
    if (!session) return;
    // The core's instant moves on every read: it is noted, not rendered. Only a changed session re-renders,
    // so the periodic refresh costs nothing visible.
    noteCoreNow(session.now);
    const same = (a: SessionInfo) => JSON.stringify({ ...a, now: "" }) === JSON.stringify({ ...session, now: "" });
    setState((s) => (s && (!s.session || !same(s.session)) ? { ...s, session } : s));
  }, [endSession]);

  const switchTenant = useCallback(async (tenantId: number) => {
    const session = await api.setCurrentTenant(tenantId).catch(() => null);
    if (session) setState((s) => (s ? { ...s, session } : s));
  }, []);

  const refreshSessionQuietly = useCallback(() => void refreshSession(), [refreshSession]);

  if (fatal) {
    return (
      <CenteredCard title={t("errors.startTitle")}>
        <Alert kind="error" testId="fatal-error">
          {errorMessage(fatal)}
        </Alert>
      </CenteredCard>
    );
  }
  if (!state)
    return (
      <div className="splash" aria-busy="true">
        {/* Until the likely language's texts have loaded (a few milliseconds) the splash stays empty, never a key. */}
        {i18n.exists("common.loading") ? t("common.loading") : null}
      </div>
    );

  return <Suspense fallback={<div className="splash" aria-busy="true" />}>{screenOf(state)}</Suspense>;

  function screenOf(state: StartupState) {
    switch (state.phase) {
      case "setup":
        return restoring ? (
          <RestoreInstallation
            onBack={() => setRestoring(false)}
            onRestored={(next) => {
              setRestoring(false);
              setState(next);
            }}
          />
        ) : (
          <SetupWizard
            dataDir={state.data_dir}
            onDone={(session) => void signedIn(session)}
            onRestore={() => setRestoring(true)}
          />
        );
      case "recovery_key":
        return (
          <RecoveryKeyPrompt
            keyringError={state.keyring_error}
            onUnlocked={(next) => {
              if (next.keyring_error) setNotice(t("recovery.keyringWarning", { reason: next.keyring_error }));
              setState(next);
            }}
          />
        );
      case "sign_in":
        return (
          <SignIn
            key={state.locked_user ?? ""}
            officeName={state.office_name}
            lockedUser={state.locked_user}
            notice={notice}
            onSignedIn={(session) => void signedIn(session)}
          />
        );
      case "signed_in":
        return state.session ? (
          <Shell
            session={state.session}
            officeName={state.office_name ?? ""}
            onSignOut={() => void api.signOut().finally(refresh)}
            onSessionEnded={endSession}
            onLanguage={(lang) => void changeLanguage(lang)}
            onRefreshSession={refreshSessionQuietly}
            onSwitchTenant={(id) => void switchTenant(id)}
          />
        ) : null;
    }
  }
}

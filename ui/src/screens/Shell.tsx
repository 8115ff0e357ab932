import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MenuEntry } from "../bindings/MenuEntry";
import type { SessionInfo } from "../bindings/SessionInfo";
import { CommandError } from "../api";
import { SESSION_ENDING } from "../sessionEnding";
import { Logo } from "../components/CenteredCard";
import { LanguageSwitch } from "../components/LanguageSwitch";
import type { Language } from "../i18n";
import { UnsavedGuard, useGuard } from "../unsaved";
import { useIdleLock } from "../useIdleLock";
import { Account } from "./Account";
import { ActivityPage } from "../features/activities/ActivityPage";
import { Administration } from "./admin/Administration";
import { AuditLog } from "./AuditLog";
import { AreaList } from "../features/areas/AreaList";
import { BackupBanner } from "./backups/BackupBanner";
import { Backups } from "./backups/Backups";
import { LockScreen } from "./backups/LockScreen";
import { useBackupReminder } from "./backups/useBackupReminder";
import { Companies } from "../features/companies/Companies";
import { Dashboard } from "./Dashboard";
import { MasterData } from "../features/master-data/MasterData";
import { Toms } from "../features/toms/Toms";
import { Documents } from "../features/documents/Documents";
import { Agreements } from "../features/agreements/Agreements";
import { Courses } from "../features/courses/Courses";
import { MyCourses } from "../features/courses/MyCourses";
import { Breaches } from "../features/breaches/Breaches";
import { Deadlines } from "../features/deadlines/Deadlines";
import { useDeadlineAlerts } from "../features/deadlines/useDeadlineAlerts";
import { requestOpenDpia } from "../features/dpias/openRequest";
import { Requests } from "../features/requests/Requests";
import { Dpias } from "../features/dpias/Dpias";
import { Reports } from "../features/reports/Reports";
import { WebsiteTexts } from "../features/website-texts/WebsiteTexts";
import { Settings } from "./Settings";
import { Trash } from "./trash/Trash";
import { SearchResults } from "./SearchResults";
import { HeaderSearch } from "./HeaderSearch";
import { searchAhead } from "../searchAhead";
import { settledWithin } from "../settledWithin";
import { TenantSwitch } from "./TenantSwitch";
import type { MasterKind } from "../bindings/MasterKind";
import type { SearchHit } from "../bindings/SearchHit";
import type { PageProps } from "./page";

type Props = {
  session: SessionInfo;
  officeName: string;
  onSignOut: () => void;
  /** The core ended the session; `code` says why (absent for the window's own idle lock). */
  onSessionEnded: (code?: string) => void;
  onLanguage: (lang: Language) => void;
  onRefreshSession: () => void;
  onSwitchTenant: (tenantId: number) => void;
};

/** Rights can change while the window is open (SPEC §8): menus and buttons follow within this time. */
const SESSION_REFRESH_MS = 5000;
/** How long the page stays while a search is answered before the results page shows it loading. */
const RESULTS_WAIT_MS = 150;

/** The signed-in frame: menu on the left, header with user and tenant slot, a page. */
export function Shell(props: Props) {
  return (
    <UnsavedGuard>
      <ShellFrame {...props} />
    </UnsavedGuard>
  );
}

function ShellFrame({
  session,
  officeName,
  onSignOut,
  onSessionEnded,
  onLanguage,
  onRefreshSession,
  onSwitchTenant,
}: Props) {
  const { t } = useTranslation();
  const [page, showPage] = useState<MenuEntry>("dashboard");
  const [search, setSearchNow] = useState<string | null>(null);
  // Each change of the search counts, so a results page still waiting for its answer never
  // replaces what the person asked for after it.
  const searchChanges = useRef(0);
  const setSearch = useCallback((next: string | null) => {
    searchChanges.current += 1;
    setSearchNow(next);
  }, []);
  const [opened, setOpened] = useState<{ activity?: number; kind?: MasterKind; record?: number } | null>(null);
  const { confirmLeave } = useGuard();
  const setPage = useCallback(
    (next: MenuEntry) => {
      void confirmLeave().then((leave) => {
        if (leave) {
          setSearch(null);
          setOpened(null);
          showPage(next);
        }
      });
    },
    [confirmLeave, setSearch],
  );
  // Search as you type: after a pause the results show; from a page with unsaved changes only
  // once the person agreed to leave it; clearing the box returns to the page.
  const onResults = useRef(false);
  onResults.current = search !== null;
  const tenantId = session.current_tenant ? Number(session.current_tenant.id) : null;
  const showResults = useCallback(
    (text: string) => {
      const show = () => {
        if (tenantId === null) return setSearch(text);
        // The results page is drawn with its answer, not first empty and then again: one
        // frame less before the hits (a big installation's search answers in ~20 ms). A slow
        // search shows the page loading after a moment.
        const change = ++searchChanges.current;
        void settledWithin(searchAhead(tenantId, text), RESULTS_WAIT_MS).then(() => {
          if (change === searchChanges.current) setSearch(text);
        });
      };
      if (onResults.current) show();
      else
        void confirmLeave().then((leave) => {
          if (leave) show();
        });
    },
    [confirmLeave, tenantId, setSearch],
  );
  const leaveResults = useCallback(() => {
    if (onResults.current) setSearch(null);
  }, [setSearch]);
  const openHit = useCallback(
    (hit: SearchHit) => {
      setSearch(null);
      if (hit.object_type === "processing_activity") {
        setOpened({ activity: Number(hit.object_id) });
        showPage("processing_activities");
      } else {
        setOpened({ kind: hit.object_type as MasterKind });
        showPage("master_data");
      }
    },
    [setSearch],
  );
  useIdleLock(session.idle_lock_minutes, onSessionEnded);
  useBackupReminder(session.backup.level, session.backup.due_date, session.backup.contact);
  useDeadlineAlerts(session.user_name);
  const currentTenant = session.current_tenant ? Number(session.current_tenant.id) : null;
  const openRecord = useCallback(
    (next: MenuEntry, id: number | null, recordTenant: number | null) => {
      void confirmLeave().then((leave) => {
        if (!leave) return;
        if (recordTenant !== null && recordTenant !== currentTenant) onSwitchTenant(recordTenant);
        setSearch(null);
        if (next === "dpias" && id !== null) {
          requestOpenDpia(id);
          setOpened(null);
        } else if (next === "processing_activities" && id !== null) {
          setOpened({ activity: id });
        } else {
          setOpened(id === null ? null : { record: id });
        }
        showPage(next);
      });
    },
    [confirmLeave, currentTenant, onSwitchTenant, setSearch],
  );

  // The core checks rights on every command; the window re-reads them on every page change
  // and every few seconds, so menus and buttons match a role an administrator just changed.
  useEffect(() => {
    onRefreshSession();
  }, [page, onRefreshSession]);
  useEffect(() => {
    const timer = window.setInterval(onRefreshSession, SESSION_REFRESH_MS);
    window.addEventListener("focus", onRefreshSession);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", onRefreshSession);
    };
  }, [onRefreshSession]);

  /** Returns true when the error ended the session (the App then shows sign-in). */
  const handleError = useCallback(
    (e: unknown) => {
      if (e instanceof CommandError && SESSION_ENDING.has(e.code)) {
        onSessionEnded(e.code);
        return true;
      }
      if (e instanceof CommandError && (e.code === "permission_denied" || e.code === "admin_required"))
        onRefreshSession();
      return false;
    },
    [onSessionEnded, onRefreshSession],
  );

  const locked = session.backup.level === "locked";
  // A learner's menu has no dashboard: the first section they may open is their start.
  const current = session.menu.includes(page) ? page : (session.menu[0] ?? "dashboard");
  const pageProps = { session, tenantId, onError: handleError, navigate: setPage, openRecord };
  const role = session.is_owner ? "owner" : session.is_admin ? "admin" : "user";
  const roleText =
    role === "user" && session.role_names.length ? session.role_names.join(", ") : t(`shell.roles.${role}`);
  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        {t("common.skipToContent")}
      </a>
      <nav className="sidebar" aria-label={t("shell.menu")}>
        <div className="brand">
          <Logo /> {t("app.name")}
        </div>
        <ul>
          {!locked &&
            session.menu.map((entry) => (
              <li key={entry}>
                <button
                  type="button"
                  className={entry === current ? "active" : ""}
                  aria-current={entry === current ? "page" : undefined}
                  data-menu={entry}
                  onClick={() => setPage(entry)}
                >
                  <MenuIcon entry={entry} /> {t(`menu.${entry}`)}
                </button>
              </li>
            ))}
        </ul>
        <div className="sidebar-office" title={officeName}>
          {officeName}
        </div>
      </nav>
      <div className="main">
        <header className="topbar">
          <div className="topbar-left">
            {!locked && <TenantSwitch session={session} onSwitch={onSwitchTenant} />}
            {tenantId !== null && !locked && <HeaderSearch onSearch={showResults} onCleared={leaveResults} />}
          </div>
          <div className="topbar-right">
            <LanguageSwitch onChange={onLanguage} />
            <div className="user" data-testid="current-user" title={`${session.user_name} · ${roleText}`}>
              <span className="avatar" aria-hidden="true">
                {session.user_name.slice(0, 1).toUpperCase()}
              </span>
              <span className="user-text">
                <span className="user-name">{session.user_name}</span>
                <span className="user-role" data-testid="user-roles">
                  {roleText}
                </span>
              </span>
            </div>
            <button type="button" className="ghost" data-testid="sign-out" onClick={onSignOut}>
              {t("shell.signOut")}
            </button>
          </div>
        </header>
        <main className="page" id="content" tabIndex={-1}>
          {locked && <LockScreen {...pageProps} onChanged={onRefreshSession} />}
          {!locked && (
            <ShellPage
              {...{
                search,
                current,
                tenantId,
                pageProps,
                opened,
                openHit,
                handleError,
                session,
                onLanguage,
                onRefreshSession,
              }}
            />
          )}
        </main>
      </div>
    </div>
  );
}

function MenuIcon({ entry }: { entry: MenuEntry }) {
  const paths: Record<MenuEntry, string> = {
    dashboard: "M3 3h7v9H3zM14 3h7v5h-7zM14 12h7v9h-7zM3 16h7v5H3z",
    deadlines: "M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM12 9v4l3 2M9 2h6",
    requests: "M4 4h16v12H8l-4 4zM8 8h8M8 12h5",
    breaches: "M12 3l10 18H2zM12 10v5M12 18h.01",
    processor_agreements: "M6 3h9l3 3v15H6zM9 12l2 2 4-4M9 17h6",
    documents: "M3 6h6l2 2h10v11H3zM3 10h18",
    companies: "M4 21V5l8-2v18M12 8l8 2v11M2 21h20M7 8h2M7 12h2M7 16h2M15 13h2M15 17h2",
    areas: "M3 7l9-4 9 4-9 4zM3 12l9 4 9-4M3 17l9 4 9-4",
    processing_activities: "M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01",
    administration: "M12 3l8 3v6c0 4.5-3.4 8.2-8 9-4.6-.8-8-4.5-8-9V6zM9 12l2 2 4-4",
    master_data:
      "M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v6c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12v6c0 1.7 3.6 3 8 3s8-1.3 8-3v-6",
    toms: "M12 3l7 3v5c0 4.4-3 8.4-7 10-4-1.6-7-5.6-7-10V6zM9 11h6M9 15h4M9 7h6",
    dpias: "M4 20h16M6 16l4-5 3 3 5-7M18 7h-3M18 7v3",
    reports: "M6 3h9l3 3v15H6zM9 9h6M9 13h6M9 17h3M15 3v3h3",
    website_texts: "M3 5h18v14H3zM3 9h18M7 13h6M7 16h10",
    trash: "M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6",
    backups: "M4 15v4h16v-4M12 3v12M7 10l5 5 5-5",
    audit_log: "M5 3h11l3 3v15H5zM8 8h8M8 12h8M8 16h5",
    settings:
      "M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM4 12h2M18 12h2M12 4v2M12 18v2M6.3 6.3l1.4 1.4M16.3 16.3l1.4 1.4M6.3 17.7l1.4-1.4M16.3 7.7l1.4-1.4",
    account: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c1-4 4.5-6 8-6s7 2 8 6",
    courses: "M2 8l10-5 10 5-10 5zM6 10v5c0 1.7 2.7 3 6 3s6-1.3 6-3v-5M22 8v6",
    my_courses: "M4 4h7a3 3 0 0 1 3 3v13a2 2 0 0 0-2-2H4zM20 4h-5a3 3 0 0 0-3 3M20 4v14h-6M16 9l1.5 1.5L20 8",
  };
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true">
      <path
        d={paths[entry]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

type ShellPageProps = {
  search: string | null;
  current: MenuEntry;
  tenantId: number | null;
  pageProps: PageProps;
  opened: { activity?: number; kind?: MasterKind; record?: number } | null;
  openHit: (hit: SearchHit) => void;
  handleError: (e: unknown) => boolean;
  session: SessionInfo;
  onLanguage: (lang: Language) => void;
  onRefreshSession: () => void;
};

/** The page the menu chose (or the search results), below the backup reminder. */
function ShellPage({
  search,
  current,
  tenantId,
  pageProps,
  opened,
  openHit,
  handleError,
  session,
  onLanguage,
  onRefreshSession,
}: ShellPageProps) {
  return (
    <>
      <BackupBanner session={session} onOpen={() => pageProps.navigate("backups")} />
      {search !== null && (
        // A new search starts empty: the last one's hits never stand under the new words.
        <SearchResults key={`${tenantId}-${search}`} {...pageProps} text={search} onOpenHit={openHit} />
      )}
      {search === null && current === "dashboard" && <Dashboard {...pageProps} />}
      {search === null && current === "companies" && <Companies key={tenantId ?? 0} {...pageProps} />}
      {search === null && current === "areas" && <AreaList key={tenantId ?? 0} {...pageProps} />}
      {search === null && current === "processing_activities" && (
        <ActivityPage key={`${tenantId}-${opened?.activity ?? ""}`} {...pageProps} initialId={opened?.activity} />
      )}
      {search === null && current === "master_data" && (
        <MasterData key={`${tenantId}-${opened?.kind ?? ""}`} {...pageProps} initialKind={opened?.kind} />
      )}
      {search === null && current === "toms" && (
        <Toms key={`${tenantId}-${opened?.record ?? ""}`} {...pageProps} initialId={opened?.record} />
      )}
      {search === null && current === "deadlines" && <Deadlines key={tenantId ?? 0} {...pageProps} />}
      {search === null && current === "requests" && (
        <Requests key={`${tenantId}-${opened?.record ?? ""}`} {...pageProps} initialId={opened?.record} />
      )}
      {search === null && current === "breaches" && (
        <Breaches key={`${tenantId}-${opened?.record ?? ""}`} {...pageProps} initialId={opened?.record} />
      )}
      {search === null && current === "processor_agreements" && (
        <Agreements key={`${tenantId}-${opened?.record ?? ""}`} {...pageProps} initialId={opened?.record} />
      )}
      {search === null && current === "documents" && (
        <Documents key={`${tenantId}-${opened?.record ?? ""}`} {...pageProps} initialId={opened?.record} />
      )}
      {search === null && current === "courses" && (
        <Courses key={`${tenantId}-${opened?.record ?? ""}`} {...pageProps} initialId={opened?.record} />
      )}
      {search === null && current === "my_courses" && <MyCourses {...pageProps} />}
      {search === null && current === "dpias" && <Dpias {...pageProps} />}
      {search === null && current === "reports" && <Reports key={tenantId ?? 0} {...pageProps} />}
      {search === null && current === "website_texts" && <WebsiteTexts key={tenantId ?? 0} {...pageProps} />}
      {search === null && current === "trash" && <Trash {...pageProps} />}
      {search === null && current === "administration" && <Administration {...pageProps} />}
      {search === null && current === "audit_log" && <AuditLog session={session} onError={handleError} />}
      {search === null && current === "settings" && (
        <Settings session={session} onLanguage={onLanguage} onSaved={onRefreshSession} onError={handleError} />
      )}
      {search === null && current === "account" && <Account session={session} onError={handleError} />}
      {search === null && current === "backups" && <Backups {...pageProps} onChanged={onRefreshSession} />}
    </>
  );
}

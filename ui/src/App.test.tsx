import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test } from "vitest";
import { App } from "./App";
import type { Dashboard } from "./bindings/Dashboard";
import i18n, { initialLanguage, languageOf } from "./i18n";
import { clearMocks, fail, mockCommands, session, startup } from "./test/ipc";
import { startFirstRead } from "./startup";
// The app loads these screens on demand; loaded here first, so a test waits for the screen, not for the transform.
import "./screens/Shell";
import "./screens/SetupWizard";
import "./screens/RestoreInstallation";

const dashboard: Dashboard = {
  office_name: "Kanzlei Nord",
  active_users: 1,
  backup: { level: "due", due_date: "2026-03-06", last_downloaded: null, interval_days: 4 },
  recent_changes: [],
};

beforeEach(() => localStorage.clear());
afterEach(() => clearMocks());

test("a fresh data folder opens the setup wizard in the OS language", async () => {
  mockCommands({ startup_state: () => startup("setup", { os_locale: "de-DE" }) });
  render(<App />);
  expect(await screen.findByRole("heading", { name: "DPO Desk einrichten" })).toBeInTheDocument();
});

test("without a keyring key the recovery-key prompt is shown", async () => {
  mockCommands({ startup_state: () => startup("recovery_key", { keyring_error: "no keyring is available" }) });
  render(<App />);
  expect(await screen.findByRole("heading", { name: "Unlock the database" })).toBeInTheDocument();
});

test("signed in: the menu shows only the sections the core lists, and sign-out returns to sign-in", async () => {
  let phase: "signed_in" | "sign_in" = "signed_in";
  const calls = mockCommands({
    startup_state: () =>
      startup(phase, {
        office_name: "Kanzlei Nord",
        session: phase === "signed_in" ? { ...session, menu: ["dashboard", "account"] } : null,
      }),
    dashboard: () => dashboard,
    due_tom_reviews: () => ({ total: 0, items: [] }),
    dpia_overview: () => ({ required_without_dpia: 0, reviews_due: [] }),
    ui_ready: () => null,
    sign_out: () => {
      phase = "sign_in";
      return null;
    },
  });
  render(<App />);
  expect(await screen.findByTestId("dashboard-office")).toHaveTextContent("Kanzlei Nord");
  const menu = screen.getByRole("navigation");
  expect(menu.querySelectorAll("[data-menu]")).toHaveLength(2);
  expect(screen.queryByRole("button", { name: /Audit log/ })).toBeNull();
  expect(screen.getByTestId("backup-tile")).toHaveTextContent("Due");
  expect(calls.some((c) => c.cmd === "ui_ready")).toBe(true);

  await userEvent.setup().click(screen.getByTestId("sign-out"));
  expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
});

test("rights re-read by the window: a new right shows at once, a deactivation returns to sign-in saying why", async () => {
  let phase: "signed_in" | "sign_in" = "signed_in";
  let refreshes = 0;
  const reader = { ...session, is_admin: false, is_owner: false, menu: ["dashboard" as const, "account" as const] };
  mockCommands({
    startup_state: () =>
      startup(phase, {
        office_name: "Kanzlei Nord",
        session: phase === "signed_in" ? reader : null,
        locked_user: phase === "sign_in" ? "Jonas" : null,
      }),
    dashboard: () => dashboard,
    due_tom_reviews: () => ({ total: 0, items: [] }),
    dpia_overview: () => ({ required_without_dpia: 0, reviews_due: [] }),
    audit_lines: () => [],
    audit_choices: () => ({ users: [], object_types: [], actions: [] }),
    ui_ready: () => null,
    refresh_session: () => {
      refreshes += 1;
      if (refreshes === 1) return { ...reader, menu: ["dashboard", "audit_log", "account"] };
      phase = "sign_in";
      fail(refreshes === 2 ? "user_deactivated" : "session_required", "ended");
    },
  });
  render(<App />);
  expect(await screen.findByRole("button", { name: /Audit log/ })).toBeInTheDocument();
  await userEvent.setup().click(screen.getByRole("button", { name: /Audit log/ }));
  expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
  expect(screen.getByText("This account has been deactivated. Ask your administrator.")).toBeInTheDocument();
});

test("language: the user's choice wins over this machine's and the OS locale", () => {
  expect(languageOf("de-AT")).toBe("de");
  expect(languageOf("pl_PL.UTF-8")).toBeNull();
  expect(initialLanguage(null, "de_DE.UTF-8")).toBe("de");
  localStorage.setItem("dpo-desk.language", "en");
  expect(initialLanguage(null, "de-DE")).toBe("en");
  expect(initialLanguage("de", "en-US")).toBe("de");
});

test("a fresh folder can be set up from a backup with its recovery key instead of the wizard", async () => {
  let restored = false;
  const calls = mockCommands({
    startup_state: () => (restored ? startup("sign_in", { office_name: "Kanzlei Nord" }) : startup("setup")),
    restore_installation: (args) => {
      if (args.recoveryKey !== "AAAAA-BBBBB")
        fail("invalid_recovery_key", "the recovery key is not valid: checksum", { reason: "checksum" });
      restored = true;
      return startup("sign_in", { office_name: "Kanzlei Nord" });
    },
  });
  render(<App />);
  const user = userEvent.setup();
  await user.click(await screen.findByTestId("setup-from-backup"));
  await user.type(await screen.findByLabelText("Recovery key"), "AAAAA-BBBBX");
  await user.click(screen.getByTestId("restore-installation"));
  expect(await screen.findByTestId("restore-installation-error")).toHaveTextContent("This is not a valid recovery key");
  await user.clear(screen.getByLabelText("Recovery key"));
  await user.type(screen.getByLabelText("Recovery key"), "AAAAA-BBBBB");
  await user.click(screen.getByTestId("restore-installation"));
  expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
  expect(calls.filter((c) => c.cmd === "restore_installation").length).toBe(2);
});

const searchTenant = {
  id: 7,
  name: "Bäckerei Schmidt",
  is_template: false,
  archived_at: null,
  created_at: "2026-01-01T00:00:00Z",
};
const hit = (title: string) => ({
  object_type: "processing_activity" as const,
  object_id: 1,
  title,
  snippet: title,
  place: "",
});
type Hit = ReturnType<typeof hit>;

/** Signed in to a tenant whose searches `search` answers. */
function signedInWithSearch(search: (text: string) => Hit[] | Promise<Hit[]>) {
  return mockCommands({
    startup_state: () =>
      startup("signed_in", {
        session: { ...session, menu: ["dashboard"], tenants: [searchTenant], current_tenant: searchTenant },
      }),
    dashboard: () => dashboard,
    tenant_overview: () => ({ tenant: searchTenant, tiles: [] }),
    ui_ready: () => null,
    search: (args) => search(String(args.text)),
  });
}

test("a header search is sent as soon as it is asked for, once, and starts empty: the last search's hits never stand under the new words", async () => {
  let answerSecond: (hits: Hit[]) => void = () => undefined;
  const searches: { text: string; pageShown: boolean }[] = [];
  signedInWithSearch((text) => {
    // Sent when the person asks, before the results page with its heading is drawn.
    searches.push({ text, pageShown: screen.queryByRole("heading", { name: new RegExp(text) }) !== null });
    return text === "lohn" ? [hit("Lohnabrechnung")] : new Promise((resolve) => (answerSecond = resolve));
  });
  render(<App />);
  const user = userEvent.setup();
  const box = await screen.findByRole("searchbox", { name: /search/i });
  await user.type(box, "lohn{Enter}");
  expect(await screen.findByRole("button", { name: "Lohnabrechnung" })).toBeInTheDocument();
  expect(screen.getByTestId("search-count")).toHaveTextContent("1");

  // The new words typed over the old ones (clearing the box would leave the results).
  await user.tripleClick(box);
  await user.keyboard("video{Enter}");
  expect(await screen.findByRole("heading", { name: /video/ })).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Lohnabrechnung" })).toBeNull();
  expect(screen.queryByTestId("search-count")).toBeNull();
  answerSecond([hit("Videoüberwachung")]);
  expect(await screen.findByRole("button", { name: "Videoüberwachung" })).toBeInTheDocument();
  expect(screen.getByTestId("search-count")).toHaveTextContent("1");
  expect(searches).toEqual([
    { text: "lohn", pageShown: false },
    { text: "video", pageShown: false },
  ]);
});

test("before any language's texts have loaded, the start splash is empty, never a raw key", async () => {
  const texts = i18n.getResourceBundle("en", "translation") as object;
  i18n.removeResourceBundle("en", "translation");
  try {
    mockCommands({ startup_state: () => new Promise(() => undefined) });
    const { container } = render(<App />);
    const splash = container.querySelector(".splash[aria-busy=true]");
    expect(splash).not.toBeNull();
    expect(splash?.textContent).toBe("");
  } finally {
    i18n.addResourceBundle("en", "translation", texts);
  }
});

test("a first read already answered is drawn at once, without asking the core again", async () => {
  const calls = mockCommands({ startup_state: () => startup("sign_in", { office_name: "Kanzlei Nord" }) });
  const first = startFirstRead();
  await first.done;
  const asked = calls.filter((c) => c.cmd === "startup_state").length;
  render(<App first={first} />);
  // Present in the first render: no splash frame before the sign-in screen.
  expect(screen.getByRole("heading", { name: "Sign in" })).toBeInTheDocument();
  expect(screen.getByTestId("office-name")).toHaveTextContent("Kanzlei Nord");
  expect(document.querySelector(".splash")).toBeNull();
  expect(asked).toBe(1);
  expect(calls.filter((c) => c.cmd === "startup_state")).toHaveLength(1);
});

test("a first read still pending shows the splash, then its answer, asked once", async () => {
  let answer: (state: ReturnType<typeof startup>) => void = () => undefined;
  const calls = mockCommands({ startup_state: () => new Promise((resolve) => (answer = resolve)) });
  const first = startFirstRead();
  const { container } = render(<App first={first} />);
  expect(container.querySelector(".splash[aria-busy=true]")).not.toBeNull();
  answer(startup("recovery_key", { keyring_error: "no keyring is available" }));
  expect(await screen.findByRole("heading", { name: "Unlock the database" })).toBeInTheDocument();
  expect(calls.filter((c) => c.cmd === "startup_state")).toHaveLength(1);
});

test("a first read that failed shows why, in the likely language", async () => {
  mockCommands({ startup_state: () => fail("startup_failed", "The database file is damaged.") });
  const first = startFirstRead();
  await first.done;
  render(<App first={first} />);
  expect(screen.getByTestId("fatal-error")).toHaveTextContent("The database file is damaged.");
});

test("a search answered at once draws its results page with the hits in its first frame, never loading", async () => {
  signedInWithSearch(() => [hit("Lohnabrechnung")]);
  render(<App />);
  const box = await screen.findByRole("searchbox", { name: /search/i });
  let loadingShown = false;
  const watch = new MutationObserver(() => {
    if (document.querySelector(".muted[aria-busy=true]")) loadingShown = true;
  });
  watch.observe(document.body, { childList: true, subtree: true });
  await userEvent.setup().type(box, "lohn{Enter}");
  await screen.findByRole("heading", { name: /lohn/ });
  // In the same frame as the heading, not a moment later.
  expect(screen.getByRole("button", { name: "Lohnabrechnung" })).toBeInTheDocument();
  watch.disconnect();
  expect(loadingShown).toBe(false);
});

test("a slow search shows its results page loading after a moment, then the hits", async () => {
  let answer: (hits: Hit[]) => void = () => undefined;
  const calls = signedInWithSearch(() => new Promise((resolve) => (answer = resolve)));
  render(<App />);
  const box = await screen.findByRole("searchbox", { name: /search/i });
  await userEvent.setup().type(box, "video{Enter}");
  expect(await screen.findByRole("heading", { name: /video/ })).toBeInTheDocument();
  expect(screen.getByText("Loading…")).toBeInTheDocument();
  answer([hit("Videoüberwachung")]);
  expect(await screen.findByRole("button", { name: "Videoüberwachung" })).toBeInTheDocument();
  expect(calls.filter((c) => c.cmd === "search")).toHaveLength(1);
});

test("an older search answered after a newer one never replaces the newer one's page", async () => {
  let answerFirst: (hits: Hit[]) => void = () => undefined;
  signedInWithSearch((text) =>
    text === "lohn" ? new Promise((resolve) => (answerFirst = resolve)) : [hit("Videoüberwachung")],
  );
  render(<App />);
  const user = userEvent.setup();
  const box = await screen.findByRole("searchbox", { name: /search/i });
  await user.type(box, "lohn{Enter}");
  await user.tripleClick(box);
  await user.keyboard("video{Enter}");
  expect(await screen.findByRole("button", { name: "Videoüberwachung" })).toBeInTheDocument();
  answerFirst([hit("Lohnabrechnung")]);
  await new Promise((wait) => setTimeout(wait, 250));
  expect(screen.getByRole("heading", { name: /video/ })).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Lohnabrechnung" })).toBeNull();
});

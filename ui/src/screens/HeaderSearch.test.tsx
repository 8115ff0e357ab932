import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, test, vi } from "vitest";
import { App } from "../App";
import { clearMocks, mockCommands, session, startup } from "../test/ipc";
import "./Shell";

// The page beside the search box, counting how often it is drawn.
const drawn = vi.hoisted(() => ({ dashboard: 0 }));
vi.mock("./Dashboard", () => ({
  Dashboard: () => {
    drawn.dashboard++;
    return <h1>Overview</h1>;
  },
}));

afterEach(() => clearMocks());

/** Signed in with one tenant, on the (counting) dashboard; the commands the window sends. */
async function signedInOnTheDashboard() {
  const tenant = { id: 1, name: "Mandant", is_template: false, archived_at: null, created_at: "2026-01-01T00:00:00Z" };
  const calls = mockCommands({
    startup_state: () =>
      startup("signed_in", {
        session: { ...session, menu: ["dashboard"], tenants: [tenant], current_tenant: tenant },
      }),
    ui_ready: () => null,
    search: () => [],
  });
  render(<App />);
  await screen.findByRole("heading", { name: "Overview" });
  return calls;
}

test("typing in the header search redraws the box, not the page beside it", async () => {
  await signedInOnTheDashboard();
  const before = drawn.dashboard;
  const user = userEvent.setup();
  await user.type(screen.getByRole("searchbox", { name: /search/i }), "Lohnabrechnung");
  expect(screen.getByRole("searchbox", { name: /search/i })).toHaveValue("Lohnabrechnung");
  expect(drawn.dashboard).toBe(before);
  // After the pause the results take the page's place.
  expect(await screen.findByRole("heading", { name: /Lohnabrechnung/ })).toBeInTheDocument();
});

test("Enter searches at once, and the pause after the typing does not search a second time", async () => {
  const calls = await signedInOnTheDashboard();
  await userEvent.setup().type(screen.getByRole("searchbox", { name: /search/i }), "Lohn{Enter}");
  expect(await screen.findByRole("heading", { name: /Lohn/ })).toBeInTheDocument();
  await new Promise((settled) => setTimeout(settled, 500));
  expect(calls.filter((c) => c.cmd === "search").map((c) => c.args.text)).toEqual(["Lohn"]);
});

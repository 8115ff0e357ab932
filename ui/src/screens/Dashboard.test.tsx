import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, expect, test } from "vitest";
import { switchLanguage } from "../i18n";
import { clearMocks, mockCommands, session } from "../test/ipc";
import { renderWithData } from "../test/render";
import { Dashboard } from "./Dashboard";

beforeEach(() => switchLanguage("en"));
afterEach(() => clearMocks());

const noop = () => undefined;
const tenant = (id: number) => ({
  id,
  name: `Mandant ${id}`,
  is_template: false,
  archived_at: null,
  created_at: "2026-01-01T00:00:00Z",
});

test("switching tenants back and forth leaves one deadline card and one set of tiles, the current tenant's", async () => {
  mockCommands({
    dashboard: () => ({
      office_name: "Kanzlei Nord",
      active_users: 1,
      backup: { level: "due", due_date: "2026-03-06", last_downloaded: null, interval_days: 4 },
      recent_changes: [],
    }),
    tenant_overview: (args) => ({ tenant: tenant(args.tenantId as number), tiles: [] }),
    next_deadlines: () => ({ items: [], counts: [], horizon: "2026-04-01" }),
  });
  const props = {
    session: { ...session, menu: [...session.menu, "deadlines" as const] },
    onError: () => false,
    navigate: noop,
    openRecord: noop,
  };
  const { rerender } = renderWithData(<Dashboard {...props} tenantId={1} />);
  expect(await screen.findByRole("heading", { name: "Mandant 1" })).toBeInTheDocument();
  for (const id of [2, 1, 2, 1, 2]) rerender(<Dashboard {...props} tenantId={id} />);
  expect(await screen.findByRole("heading", { name: "Mandant 2" })).toBeInTheDocument();
  await waitFor(() => expect(document.querySelectorAll("[data-testid=next-deadlines]")).toHaveLength(1));
  expect(document.querySelectorAll("#tenant-tiles")).toHaveLength(1);
});

test("the dashboard asks for its six deadlines only and counts all of them", async () => {
  const calls = mockCommands({
    dashboard: () => ({
      office_name: "Kanzlei Nord",
      active_users: 1,
      backup: { level: "ok", due_date: "2026-03-06", last_downloaded: null, interval_days: 4 },
      recent_changes: [],
    }),
    tenant_overview: (args) => ({
      tenant: tenant(args.tenantId as number),
      tiles: [{ object: "processing_activity", count: 100000, allowed: true }],
    }),
    next_deadlines: () => ({
      items: [1, 2].map((id) => ({
        kind: "activity_review",
        id,
        tenant_id: 1,
        tenant_name: "Mandant 1",
        title: `Verarbeitung ${id}`,
        due: "2026-01-0" + id,
        due_at: null,
        overdue: true,
      })),
      counts: [
        { kind: "activity_review", overdue: 41000, upcoming: 5000 },
        { kind: "request", overdue: 0, upcoming: 2 },
      ],
      horizon: "2026-04-01",
    }),
  });
  renderWithData(
    <Dashboard
      session={{ ...session, menu: [...session.menu, "deadlines" as const] }}
      onError={() => false}
      navigate={noop}
      openRecord={noop}
      tenantId={1}
    />,
  );
  const card = await screen.findByTestId("next-deadlines");
  expect(await within(card).findByText("Verarbeitung 2")).toBeInTheDocument();
  expect(within(card).getByText("41000 overdue")).toBeInTheDocument();
  expect(within(card).getByTestId("all-deadlines")).toHaveTextContent("Show all deadlines (46002)");
  expect(await screen.findByTestId("tile-overdue-processing_activity")).toHaveTextContent("41000 overdue");
  const asked = calls.filter((c) => c.cmd.includes("deadlines"));
  expect(asked.map((c) => c.cmd)).toEqual(["next_deadlines"]);
  expect(asked[0].args).toEqual({ tenantId: 1, first: 6 });
});

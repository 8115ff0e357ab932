import { screen, waitFor } from "@testing-library/react";
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
    deadlines: () => ({ items: [], counts: [], horizon: "2026-04-01" }),
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

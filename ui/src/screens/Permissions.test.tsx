import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { Activity } from "../bindings/Activity";
import type { RoleCatalogue } from "../bindings/RoleCatalogue";
import type { SessionInfo } from "../bindings/SessionInfo";
import { switchLanguage } from "../i18n";
import { clearMocks, fail, mockCommands, session } from "../test/ipc";
import { renderWithData } from "../test/render";
import { ActivityForm, inputOf } from "../features/activities/ActivityForm";
import { RoleEditor } from "./admin/RoleEditor";
import { Users } from "./admin/Users";
import { Dashboard } from "./Dashboard";

beforeEach(() => switchLanguage("en"));
afterEach(() => clearMocks());

const tenant = {
  id: 7,
  name: "Bäckerei Schmidt GmbH",
  is_template: false,
  archived_at: null,
  created_at: "2026-03-02T09:00:00Z",
};
const reader: SessionInfo = {
  ...session,
  user_name: "Jonas Berger",
  is_admin: false,
  is_owner: false,
  grants: [{ object: "processing_activity", right: "view" }],
  tenants: [tenant],
  current_tenant: tenant,
};
const activity: Activity = {
  ...inputOf(null, 2),
  id: 3,
  tenant_id: 7,
  company_id: 1,
  company_name: "Bäckerei Schmidt GmbH",
  area_name: "Personal",
  editor_name: null,
  business_process_name: null,
  linked: [],
  toms: [],
  name: "Lohnabrechnung",
  status: "active",
  responsible: "Personalleitung",
  purposes: "Gehalt",
  created_at: "2026-03-02T09:00:00Z",
  updated_at: "2026-03-02T09:00:00Z",
};
const noop = () => undefined;

test("a reader sees the activity read-only; with the edit right the same form saves", async () => {
  const calls = mockCommands({
    areas: () => fail("permission_denied", "no", { object: "area", right: "view" }),
    editors: () => [],
    master_items: () => fail("permission_denied", "no", { object: "legal_basis", right: "view" }),
    update_activity: (args) => ({ ...activity, ...(args.activity as object) }),
  });
  const props = {
    tenantId: 7,
    activity,
    onError: () => false,
    navigate: noop,
    openRecord: noop,
    onClose: noop,
    onSaved: noop,
  };
  const { rerender } = renderWithData(<ActivityForm {...props} session={reader} />);
  expect(await screen.findByTestId("read-only")).toBeInTheDocument();
  expect(screen.queryByTestId("save-activity")).toBeNull();
  expect(screen.getByLabelText("Name")).toBeDisabled();
  expect(screen.getByLabelText("Area")).toHaveDisplayValue("Bäckerei Schmidt GmbH · Personal");

  const editor = {
    ...reader,
    grants: [...reader.grants, { object: "processing_activity" as const, right: "edit" as const }],
  };
  rerender(<ActivityForm {...props} session={editor} />);
  const user = userEvent.setup();
  await user.clear(screen.getByLabelText("Notes"));
  await user.type(screen.getByLabelText("Notes"), "geprüft");
  await user.click(screen.getByTestId("save-activity"));
  expect(await screen.findByTestId("activity-message")).toHaveTextContent("Saved.");
  const update = calls.find((c) => c.cmd === "update_activity");
  expect(update?.args).toMatchObject({ id: 3, activity: { notes: "geprüft", area_id: 2, name: "Lohnabrechnung" } });
});

test("a tile without the view right shows 0 and says 'no permission' when opened", async () => {
  mockCommands({
    dashboard: () => ({
      office_name: "Kanzlei",
      active_users: 2,
      backup: { level: "ok", due_date: "2026-03-06", last_downloaded: null, interval_days: 4 },
      recent_changes: null,
    }),
    tenant_overview: () => ({
      tenant,
      tiles: [
        { object: "company", count: 0, allowed: false },
        { object: "processing_activity", count: 12, allowed: true },
      ],
    }),
  });
  const navigate = vi.fn();
  renderWithData(
    <Dashboard session={reader} tenantId={7} onError={() => false} navigate={navigate} openRecord={noop} />,
  );
  expect(await screen.findByTestId("tile-count-company")).toHaveTextContent("0");
  const user = userEvent.setup();
  await user.click(screen.getByRole("button", { name: /Companies/ }));
  expect(screen.getByTestId("no-permission")).toHaveTextContent("You have no permission to view this.");
  expect(navigate).not.toHaveBeenCalled();
  await user.click(screen.getByRole("button", { name: /Processing activities/ }));
  expect(navigate).toHaveBeenCalledWith("processing_activities");
});

const catalogue: RoleCatalogue = {
  objects: ["company", "area", "processing_activity"],
  rights: ["view", "create", "edit"],
  menus: ["dashboard", "companies", "processing_activities", "administration", "account"],
  statuses: ["draft", "in_review", "active", "inactive"],
};

test("the role editor sends rights, restrictions and hidden menus as one definition", async () => {
  const calls = mockCommands({ create_role: (args) => ({ id: 1, created_at: "2026-03-02T09:00:00Z", ...args.role }) });
  const onSaved = vi.fn();
  render(<RoleEditor role={null} catalogue={catalogue} onError={() => false} onCancel={noop} onSaved={onSaved} />);
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Role name"), "Personnel reader");
  await user.click(screen.getByLabelText("Processing activities: View"));
  await user.click(screen.getByLabelText("Areas: View"));
  await user.type(screen.getByTestId("restrict-areas"), "Personal, Lohn");
  await user.click(
    within(screen.getByRole("group", { name: "Menu entries hidden for this role" })).getByLabelText("Administration"),
  );
  await user.click(screen.getByTestId("save-role"));
  expect(onSaved).toHaveBeenCalled();
  expect(calls.find((c) => c.cmd === "create_role")?.args.role).toEqual({
    name: "Personnel reader",
    grants: [
      { object: "area", right: "view" },
      { object: "processing_activity", right: "view" },
    ],
    hidden_menus: ["administration"],
    visibility: [{ object: "processing_activity", restriction: { kind: "in_areas", areas: ["Personal", "Lohn"] } }],
  });
});

test("a new user gets an invitation code shown once; a refusal is translated", async () => {
  let refuse = true;
  mockCommands({
    users: () => [],
    roles: () => [
      {
        id: 1,
        name: "Personnel reader",
        grants: [],
        hidden_menus: [],
        visibility: [],
        created_at: "2026-03-02T09:00:00Z",
      },
    ],
    session_info: () => ({ ...session, tenants: [tenant], current_tenant: tenant }),
    create_user: (args) => {
      if (refuse) {
        refuse = false;
        fail("validation", "a user needs at least one role", { field: "roles", rule: "required" });
      }
      const user = args.user as { name: string };
      return {
        user: {
          id: 2,
          name: user.name,
          is_admin: false,
          is_owner: false,
          active: true,
          roles: ["Personnel reader"],
          tenants: [7],
          invitation_expires_at: "2026-03-09T09:00:00Z",
        },
        invitation_code: "ABCD-EFGH-JKLM",
      };
    },
  });
  render(<Users onError={() => false} />);
  const user = userEvent.setup();
  await user.click(await screen.findByTestId("new-user"));
  await user.type(screen.getByLabelText("User name"), "Jonas Berger");
  await user.click(screen.getByTestId("save-user"));
  expect(await screen.findByTestId("user-message")).toHaveTextContent("Choose at least one role.");
  await user.click(screen.getByLabelText("Personnel reader"));
  await user.click(screen.getByLabelText("Bäckerei Schmidt GmbH"));
  await user.click(screen.getByTestId("save-user"));
  expect(await screen.findByTestId("invitation-code")).toHaveTextContent("ABCD-EFGH-JKLM");
});

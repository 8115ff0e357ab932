import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { ActivityRow } from "../bindings/ActivityRow";
import type { MasterItem } from "../bindings/MasterItem";
import { emit } from "@tauri-apps/api/event";
import { switchLanguage } from "../i18n";
import { clearMocks, fail, mockCommands, session } from "../test/ipc";
import { renderWithData } from "../test/render";
import { UnsavedGuard, useGuard, useUnsaved } from "../unsaved";
import { ActivityList } from "../features/activities/ActivityList";
import { LinkPicker } from "../features/activities/LinkPicker";
import { MasterList } from "../features/master-data/MasterList";
import { Trash } from "./trash/Trash";

// jsdom has no layout: the virtual list renders all its rows here.
vi.mock("@tanstack/react-virtual", () => import("../test/allRows"));

beforeEach(() => {
  localStorage.clear();
  return switchLanguage("en");
});
afterEach(() => clearMocks());

const row = (id: number, name: string, status: ActivityRow["status"] = "draft"): ActivityRow => ({
  id,
  name,
  company_name: "Schmidt GmbH",
  area_id: 1,
  area_name: "Personal",
  status,
  role: "controller",
  responsible: "",
  editor_name: null,
  dpia_required: "unchecked",
  review_planned: null,
  dpia_check: null,
  updated_at: "2026-03-02T09:00:00Z",
});
const noop = () => undefined;

/** The core's side of the activity list: it filters by status, sorts by name and answers a window. */
function core(all: () => ActivityRow[]) {
  const listed = (args: Record<string, unknown>) => {
    const query = args.query as { status?: string; sort: string; descending: boolean };
    const rows = all().filter((r) => !query.status || r.status === query.status);
    rows.sort((a, b) => a.name.localeCompare(b.name) * (query.descending ? -1 : 1));
    return rows;
  };
  return {
    activity_window: (args: Record<string, unknown>) => {
      const rows = listed(args);
      const offset = args.offset as number;
      return { total: rows.length, offset, rows: rows.slice(offset, offset + (args.limit as number)) };
    },
    activity_ids: (args: Record<string, unknown>) => listed(args).map((r) => r.id),
  };
}
const pageProps = { session, tenantId: 7, onError: () => false, navigate: noop, openRecord: noop };

test("the list filters by status, sorts by a column and mass-changes the selection", async () => {
  // The core lists by name.
  let rows = [row(2, "Bewerbermanagement"), row(1, "Lohnabrechnung", "active"), row(3, "Zeiterfassung")];
  const calls = mockCommands({
    ...core(() => rows),
    editors: () => [],
    areas: () => [],
    master_items: () => [],
    mass_change_activities: (args) => {
      const change = args.change as { ids: number[] };
      rows = rows.map((r) => (change.ids.includes(r.id) ? { ...r, status: "in_review" } : r));
      return change.ids.length;
    },
  });
  renderWithData(<ActivityList {...pageProps} onOpen={noop} onNew={noop} />);
  const user = userEvent.setup();
  expect(await screen.findByText("3 activities")).toBeInTheDocument();
  const names = () => [...document.querySelectorAll("[data-activity]")].map((e) => e.getAttribute("data-activity"));
  await waitFor(() => expect(names()).toEqual(["Bewerbermanagement", "Lohnabrechnung", "Zeiterfassung"]));
  await user.click(screen.getByRole("button", { name: "Name ▲" }));
  await waitFor(() => expect(names()).toEqual(["Zeiterfassung", "Lohnabrechnung", "Bewerbermanagement"]));
  const windows = calls.filter((c) => c.cmd === "activity_window");
  expect(windows[windows.length - 1]?.args.query).toMatchObject({
    sort: "name",
    descending: true,
  });
  await user.selectOptions(screen.getByLabelText("Filter by status"), "active");
  await waitFor(() => expect(names()).toEqual(["Lohnabrechnung"]));
  expect(screen.getByText("1 activity")).toBeInTheDocument();
  await user.selectOptions(screen.getByLabelText("Filter by status"), "");
  await screen.findByText("3 activities");

  await user.click(screen.getByLabelText("Select Bewerbermanagement"));
  await user.click(screen.getByLabelText("Select Zeiterfassung"));
  expect(screen.getByTestId("bulk-bar")).toHaveTextContent("2 selected");
  await user.click(screen.getByTestId("apply-mass-change"));
  expect(calls.some((c) => c.cmd === "mass_change_activities")).toBe(false);
  expect(screen.getByTestId("bulk-bar")).toHaveTextContent("Set “Status” on 2 selected?");
  await user.click(screen.getByTestId("confirm-mass-change"));
  expect(await screen.findByTestId("list-notice")).toHaveTextContent("2 activities changed.");
  expect(calls.find((c) => c.cmd === "mass_change_activities")?.args.change).toEqual({
    ids: [2, 3],
    change: { field: "status", value: "in_review" },
  });
  expect(screen.queryByTestId("bulk-bar")).toBeNull();
});

test("chosen columns are remembered", async () => {
  mockCommands(core(() => [row(1, "Lohnabrechnung")]));
  const { unmount } = renderWithData(<ActivityList {...pageProps} onOpen={noop} onNew={noop} />);
  const user = userEvent.setup();
  await screen.findByText("1 activity");
  await user.click(screen.getByText("Columns"));
  await user.click(screen.getByLabelText("Responsible"));
  expect(screen.getByRole("button", { name: "Responsible" })).toBeInTheDocument();
  unmount();
  renderWithData(<ActivityList {...pageProps} onOpen={noop} onNew={noop} />);
  await screen.findByText("1 activity");
  expect(screen.getByRole("button", { name: "Responsible" })).toBeInTheDocument();
});

const country = (id: number, name: string, category: string): MasterItem => ({
  id,
  tenant_id: 7,
  kind: "third_country",
  name,
  description: "",
  code: "",
  special_category: false,
  category,
  date: null,
  email: "",
  phone: "",
  usage_count: 0,
  created_at: "2026-03-02T09:00:00Z",
  updated_at: "2026-03-02T09:00:00Z",
});

test("only third countries are offered as transfers; one asks for its safeguard, one with an adequacy decision has it already", async () => {
  const onChange = vi.fn();
  const items = [
    country(1, "Japan", "adequacy_decision"),
    country(2, "India", "no_adequacy"),
    country(3, "Austria", "eu_eea"),
  ];
  const props = {
    kind: "third_country" as const,
    items,
    known: [],
    disabled: false,
    canCreate: false,
    onCreate: vi.fn(),
  };
  const { rerender } = render(<LinkPicker {...props} links={[]} onChange={onChange} />);
  const user = userEvent.setup();
  const add = screen.getByLabelText("Add Transfers to third countries…");
  expect([...add.querySelectorAll("option")].map((o) => o.textContent)).not.toContain("Austria");
  await user.selectOptions(add, "1");
  expect(onChange).toHaveBeenLastCalledWith([{ item_id: 1, detail: "adequacy_decision" }]);
  await user.selectOptions(screen.getByLabelText("Add Transfers to third countries…"), "2");
  expect(onChange).toHaveBeenLastCalledWith([{ item_id: 2, detail: "" }]);
  rerender(<LinkPicker {...props} links={[{ item_id: 2, detail: "" }]} onChange={onChange} />);
  await user.selectOptions(screen.getByLabelText("Safeguard of the transfer"), "standard_contractual_clauses");
  expect(onChange).toHaveBeenLastCalledWith([{ item_id: 2, detail: "standard_contractual_clauses" }]);
});

test("an item in use is not deleted; the refusal names where it is used", async () => {
  mockCommands({
    master_items: () => [
      { ...country(5, "Health data", ""), kind: "data_category", special_category: true, usage_count: 2 },
    ],
    delete_master_items: () => fail("in_use", "still used", { used_by: "Lohnabrechnung, Betriebsarzt", count: "2" }),
  });
  renderWithData(<MasterList {...pageProps} kind="data_category" onBack={noop} />);
  const user = userEvent.setup();
  const item = await screen.findByText("Health data");
  expect(item.closest("tr")).toHaveTextContent("Art. 9/10");
  await user.click(screen.getByTestId("delete-item"));
  // Asked first, as every delete is.
  expect(screen.getByRole("group", { name: "Move 1 entry to the trash?" })).toBeInTheDocument();
  await user.click(screen.getByTestId("confirm-delete-item"));
  expect(await screen.findByTestId("item-error")).toHaveTextContent(
    '"Health data" is still used by: Lohnabrechnung, Betriebsarzt.',
  );
});

test("the trash restores an entry and says so", async () => {
  let entries = [
    {
      id: 4,
      tenant_id: 7,
      tenant_name: "Bäckerei",
      object_type: "processing_activity",
      object_id: 9,
      label: "Zeiterfassung",
      deleted_at: "2026-03-02T09:00:00Z",
      deleted_by: "Anna Meier",
      purge_at: "2026-04-01T09:00:00Z",
    },
  ];
  const calls = mockCommands({
    trash: () => entries,
    restore_from_trash: () => {
      const e = entries[0];
      entries = [];
      return e;
    },
  });
  renderWithData(<Trash {...pageProps} />);
  const user = userEvent.setup();
  const entry = (await screen.findByText("Zeiterfassung")).closest("tr")!;
  expect(entry).toHaveTextContent("Processing activity");
  expect(entry).not.toHaveTextContent("Processing activities");
  expect(entry).toHaveTextContent("Anna Meier");
  await user.click(within(entry).getByRole("button", { name: "Restore" }));
  expect(await screen.findByTestId("trash-notice")).toHaveTextContent('"Zeiterfassung" has been restored.');
  expect(calls.find((c) => c.cmd === "restore_from_trash")?.args).toEqual({ id: 4 });
  expect(await screen.findByTestId("trash-empty")).toBeInTheDocument();
});

function DirtyForm() {
  useUnsaved("test", true);
  return <p>editing</p>;
}
function Leaver({ onResult }: { onResult: (leave: boolean) => void }) {
  const { confirmLeave } = useGuard();
  return (
    <button type="button" onClick={() => void confirmLeave().then(onResult)}>
      leave
    </button>
  );
}

test("leaving a form with unsaved changes asks first", async () => {
  const onResult = vi.fn();
  render(
    <UnsavedGuard>
      <DirtyForm />
      <Leaver onResult={onResult} />
    </UnsavedGuard>,
  );
  const user = userEvent.setup();
  await user.click(screen.getByText("leave"));
  expect(screen.getByTestId("unsaved-dialog")).toHaveTextContent("Discard your changes?");
  await user.click(screen.getByTestId("stay"));
  expect(onResult).toHaveBeenLastCalledWith(false);
  await user.click(screen.getByText("leave"));
  await user.click(screen.getByTestId("discard"));
  expect(onResult).toHaveBeenLastCalledWith(true);
});

test("in the unsaved-changes dialog Escape stays and Tab never leaves the dialog", async () => {
  const onResult = vi.fn();
  render(
    <UnsavedGuard>
      <DirtyForm />
      <Leaver onResult={onResult} />
    </UnsavedGuard>,
  );
  const user = userEvent.setup();
  await user.click(screen.getByText("leave"));
  expect(screen.getByTestId("stay")).toHaveFocus();
  await user.tab();
  expect(screen.getByTestId("discard")).toHaveFocus();
  await user.tab();
  expect(screen.getByTestId("stay")).toHaveFocus();
  await user.tab({ shift: true });
  expect(screen.getByTestId("discard")).toHaveFocus();
  await user.keyboard("{Escape}");
  expect(onResult).toHaveBeenLastCalledWith(false);
  expect(screen.queryByTestId("unsaved-dialog")).toBeNull();
});

test("closing the window with unsaved changes asks, and closes only when they may go", async () => {
  const calls = mockCommands({ set_unsaved: () => null, close_window: () => null }, { events: true });
  render(
    <UnsavedGuard>
      <DirtyForm />
    </UnsavedGuard>,
  );
  await waitFor(() => expect(calls.some((c) => c.cmd === "set_unsaved" && c.args.value === true)).toBe(true));
  await emit("close-requested");
  const user = userEvent.setup();
  await user.click(await screen.findByTestId("stay"));
  expect(calls.some((c) => c.cmd === "close_window")).toBe(false);
  await emit("close-requested");
  await user.click(await screen.findByTestId("discard"));
  await waitFor(() => expect(calls.some((c) => c.cmd === "close_window")).toBe(true));
});

test("selected master data is changed at once and copied", async () => {
  const processor = (id: number, name: string): MasterItem => ({ ...country(id, name, "none"), kind: "processor" });
  let items = [processor(1, "Lohnbüro Meyer"), processor(2, "IT-Dienstleister Nord")];
  const calls = mockCommands({
    master_items: () => items,
    mass_change_master_items: (args) => {
      const field = args.field as { value: string };
      items = items.map((i) => ({ ...i, category: field.value }));
      return items.length;
    },
  });
  renderWithData(<MasterList {...pageProps} kind="processor" onBack={noop} />);
  const user = userEvent.setup();
  await screen.findByText("Lohnbüro Meyer");
  await user.click(screen.getByLabelText("Select all"));
  await user.selectOptions(screen.getByTestId("master-mass-value"), "signed");
  await user.click(screen.getByTestId("master-apply"));
  await user.click(screen.getByTestId("confirm-mass-change"));
  expect(await screen.findByTestId("item-notice")).toHaveTextContent("2 entries changed.");
  expect(calls.find((c) => c.cmd === "mass_change_master_items")?.args).toEqual({
    kind: "processor",
    ids: [1, 2],
    field: { field: "category", value: "signed" },
  });
  expect(screen.getAllByText(/signed/)).toHaveLength(2);
});

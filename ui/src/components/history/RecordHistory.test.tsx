import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { RecordHistory as History } from "../../bindings/RecordHistory";
import type { RecordVersion } from "../../bindings/RecordVersion";
import { formatDateTime } from "../../format";
import { switchLanguage } from "../../i18n";
import { clearMocks, mockCommands } from "../../test/ipc";
import { RecordHistory } from "./RecordHistory";

beforeEach(() => switchLanguage("en"));
afterEach(() => clearMocks());

const version = (v: Partial<RecordVersion> & Pick<RecordVersion, "version" | "at">): RecordVersion => ({
  by: "Anna Meier",
  action: "update",
  action_label: "Changed",
  changes: [],
  fields: [],
  restorable: true,
  snapshot: null,
  ...v,
});

/** A measure saved three times: created, activated, then renamed; the second entry only reviewed it. */
const history = (extra: RecordVersion[] = []): History => ({
  object_type: "tom",
  id: 12,
  versions: [
    version({
      version: 1,
      at: "2026-02-10T08:15:00Z",
      action: "create",
      action_label: "Created",
      changes: [
        { field: "title", label: "Title", change: "Datensicherung" },
        { field: "status", label: "Status", change: "In review" },
      ],
      fields: [
        { field: "title", label: "Title", value: "Datensicherung", differs: true },
        { field: "status", label: "Status", value: "In review", differs: true },
        { field: "kind", label: "Kind", value: "Technical", differs: false },
      ],
    }),
    version({
      version: 2,
      at: "2026-02-20T13:40:00Z",
      by: "Ben Weber",
      action: "review",
      action_label: "Reviewed",
      changes: [{ field: "next_review", label: "Next review", change: "— → 20 Feb 2027" }],
      restorable: false,
    }),
    version({
      version: 3,
      at: "2026-03-01T10:05:00Z",
      by: "Ben Weber",
      changes: [
        { field: "title", label: "Title", change: "Datensicherung → Tägliche Datensicherung" },
        { field: "status", label: "Status", change: "In review → Active" },
      ],
      fields: [
        { field: "title", label: "Title", value: "Tägliche Datensicherung", differs: false },
        { field: "status", label: "Status", value: "Active", differs: false },
        { field: "kind", label: "Kind", value: "Technical", differs: false },
      ],
    }),
    ...extra,
  ],
  current: { title: "Tägliche Datensicherung", status: "active", kind: "technical" },
});

function renderHistory(editable: boolean, onRestored = vi.fn()) {
  render(<RecordHistory object="tom" id={12} editable={editable} onError={() => false} onRestored={onRestored} />);
  return onRestored;
}

const entries = () => [...document.querySelectorAll<HTMLElement>(".history-list > li")];
const entry = (v: number) => document.querySelector<HTMLElement>(`.history-list > li[data-version="${v}"]`)!;

test("the history loads only when opened and lists the versions newest first with who, when and the changes in words", async () => {
  const calls = mockCommands({ record_history: () => history() });
  const user = userEvent.setup();
  renderHistory(true);
  expect(calls).toEqual([]);

  await user.click(screen.getByTestId("toggle-history"));
  await waitFor(() => expect(entries()).toHaveLength(3));
  expect(calls).toEqual([{ cmd: "record_history", args: { object: "tom", id: 12 } }]);
  expect(screen.getByTestId("toggle-history")).toHaveAttribute("aria-expanded", "true");
  expect(entries().map((e) => e.dataset.version)).toEqual(["3", "2", "1"]);

  const newest = entry(3);
  expect(newest).toHaveTextContent(`Version 3 · ${formatDateTime("2026-03-01T10:05:00Z")} · Ben Weber`);
  expect(newest).toHaveTextContent("Changed · current");
  expect(
    within(newest)
      .getAllByRole("listitem")
      .map((li) => li.textContent),
  ).toEqual(["Title: Datensicherung → Tägliche Datensicherung", "Status: In review → Active"]);
  expect(entry(2)).toHaveTextContent(`Version 2 · ${formatDateTime("2026-02-20T13:40:00Z")} · Ben Weber`);
  expect(entry(2)).toHaveTextContent("Reviewed");
  expect(entry(2)).toHaveTextContent("Next review: — → 20 Feb 2027");
  expect(entry(2)).not.toHaveTextContent("current");
  expect(entry(1)).toHaveTextContent(`Version 1 · ${formatDateTime("2026-02-10T08:15:00Z")} · Anna Meier`);
  expect(entry(1)).toHaveTextContent("Created");

  // An entry that changed a part holds no whole version: nothing to show or restore.
  expect(within(entry(2)).queryByTestId("show-version")).not.toBeInTheDocument();
  expect(within(entry(2)).queryByTestId("restore-version")).not.toBeInTheDocument();

  await user.click(screen.getByTestId("toggle-history"));
  expect(document.querySelector(".history-list")).not.toBeInTheDocument();
});

test("a record without saved versions says so", async () => {
  mockCommands({ record_history: () => ({ ...history(), versions: [] }) });
  const user = userEvent.setup();
  renderHistory(true);
  await user.click(screen.getByTestId("toggle-history"));
  expect(await screen.findByText("No saved versions yet.")).toBeInTheDocument();
});

test("showing a version lists its fields with those that differ from the record today marked", async () => {
  mockCommands({ record_history: () => history() });
  const user = userEvent.setup();
  renderHistory(true);
  await user.click(screen.getByTestId("toggle-history"));
  await waitFor(() => expect(entries()).toHaveLength(3));

  await user.click(within(entry(1)).getByRole("button", { name: "Show this version" }));
  const shown = within(entry(1)).getByTestId("version-fields");
  expect(shown).toHaveTextContent("2 fields differ from the record today (marked).");
  const rows = [...shown.querySelectorAll("tr")];
  expect(rows.map((r) => [r.dataset.field, r.dataset.differs, r.className])).toEqual([
    ["title", "true", "differs"],
    ["status", "true", "differs"],
    ["kind", "false", ""],
  ]);
  expect(within(rows[0]).getByRole("rowheader")).toHaveTextContent("Title");
  expect(rows[0]).toHaveTextContent("Datensicherung (differs from today)");
  expect(rows[2]).toHaveTextContent("Technical");
  expect(rows[2]).not.toHaveTextContent("differs from today");

  // One version at a time; the newest holds today's values.
  await user.click(within(entry(3)).getByRole("button", { name: "Show this version" }));
  expect(screen.getAllByTestId("version-fields")).toHaveLength(1);
  expect(within(entry(3)).getByTestId("version-fields")).toHaveTextContent("The record holds these values today.");
  expect(within(entry(3)).getByTestId("version-fields").querySelectorAll('tr[data-differs="true"]')).toHaveLength(0);
  await user.click(within(entry(3)).getByRole("button", { name: "Hide this version" }));
  expect(screen.queryByTestId("version-fields")).not.toBeInTheDocument();
});

test("restoring a version asks first, saves it again as the newest, says so and lets the form reload", async () => {
  const restored = version({
    version: 4,
    at: "2026-03-02T09:00:00Z",
    action: "restore_version",
    action_label: "Version restored",
    changes: [
      { field: "title", label: "Title", change: "Tägliche Datensicherung → Datensicherung" },
      { field: "status", label: "Status", change: "Active → In review" },
    ],
  });
  const calls = mockCommands({
    record_history: () => history(),
    restore_version: () => history([restored]),
  });
  const user = userEvent.setup();
  const onRestored = renderHistory(true);
  await user.click(screen.getByTestId("toggle-history"));
  await waitFor(() => expect(entries()).toHaveLength(3));

  await user.click(within(entry(1)).getByTestId("restore-version"));
  expect(entry(1)).toHaveTextContent("Save version 1 again as the newest? The present values stay in the history.");
  expect(calls.some((c) => c.cmd === "restore_version")).toBe(false);
  // Cancel leaves everything as it was.
  await user.click(within(entry(1)).getByRole("button", { name: "Cancel" }));
  expect(within(entry(1)).queryByTestId("confirm-restore-version")).not.toBeInTheDocument();
  expect(calls.some((c) => c.cmd === "restore_version")).toBe(false);

  await user.click(within(entry(1)).getByTestId("restore-version"));
  await user.click(within(entry(1)).getByTestId("confirm-restore-version"));
  expect(await screen.findByTestId("history-notice")).toHaveTextContent(
    "Version 1 was restored; it is now the newest version.",
  );
  expect(calls.filter((c) => c.cmd === "restore_version").map((c) => c.args)).toEqual([
    { object: "tom", id: 12, version: 1 },
  ]);
  expect(onRestored).toHaveBeenCalledTimes(1);
  // The list is the one the restore answered: the restore is the newest entry now.
  expect(entries().map((e) => e.dataset.version)).toEqual(["4", "3", "2", "1"]);
  expect(entry(4)).toHaveTextContent("Version restored · current");
  expect(entry(4)).toHaveTextContent("Status: Active → In review");
  expect(screen.queryByTestId("confirm-restore-version")).not.toBeInTheDocument();
});

test("a refused restore goes to the error handler and the form is not reloaded", async () => {
  const refusal = { code: "permission_denied", message: "no", params: {}, problems: [] };
  mockCommands({
    record_history: () => history(),
    restore_version: () => {
      throw refusal;
    },
  });
  const onError = vi.fn(() => false);
  const onRestored = vi.fn();
  const user = userEvent.setup();
  render(<RecordHistory object="tom" id={12} editable onError={onError} onRestored={onRestored} />);
  await user.click(screen.getByTestId("toggle-history"));
  await waitFor(() => expect(entries()).toHaveLength(3));
  await user.click(within(entry(1)).getByTestId("restore-version"));
  await user.click(within(entry(1)).getByTestId("confirm-restore-version"));

  await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
  expect(onRestored).not.toHaveBeenCalled();
  expect(screen.queryByTestId("history-notice")).not.toBeInTheDocument();
  expect(within(entry(1)).getByTestId("restore-version")).toBeEnabled();
});

test("without the right to edit the versions can be read but not restored", async () => {
  mockCommands({ record_history: () => history() });
  const user = userEvent.setup();
  renderHistory(false);
  await user.click(screen.getByTestId("toggle-history"));
  await waitFor(() => expect(entries()).toHaveLength(3));

  expect(screen.queryByTestId("restore-version")).not.toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Restore this version" })).not.toBeInTheDocument();
  await user.click(within(entry(1)).getByRole("button", { name: "Show this version" }));
  expect(within(entry(1)).getByTestId("version-fields")).toBeInTheDocument();
});

import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { AuditLine } from "../bindings/AuditLine";
import { switchLanguage } from "../i18n";
import { clearMocks, mockCommands, session } from "../test/ipc";
import { AuditLog } from "./AuditLog";

vi.mock("@tanstack/react-virtual", () => import("../test/allRows"));

beforeEach(() => switchLanguage("en"));
afterEach(() => clearMocks());

const change: AuditLine = {
  id: 7,
  at: "2026-03-02T09:00:00Z",
  user_name: "Anna Meier",
  action: "update",
  action_label: "changed",
  object_type: "processing_activity",
  object_label: "Processing activity",
  object_name: "Lohnabrechnung",
  changes: [
    { field: "status", label: "Status", change: "Draft → Active" },
    { field: "links.legal_basis", label: "Legal bases", change: "+ Vertragserfüllung" },
  ],
};

test("the log reads in words, narrows by kind and words in the core, and opens an entry", async () => {
  const calls = mockCommands({
    audit_choices: () => ({
      users: ["Anna Meier"],
      object_types: [["processing_activity", "Processing activity"]],
      actions: [["update", "changed"]],
    }),
    audit_lines: () => [change],
  });
  const user = userEvent.setup();
  render(<AuditLog session={session} onError={() => false} />);
  const row = await screen.findByTestId("audit-row");
  expect(row).toHaveTextContent("Processing activity: Lohnabrechnung");
  expect(row).toHaveTextContent("Status: Draft → Active · Legal bases: + Vertragserfüllung");

  await user.selectOptions(screen.getByTestId("audit-object-type"), "processing_activity");
  await user.type(screen.getByTestId("audit-search"), "lohn");
  await waitFor(() =>
    expect(calls.filter((c) => c.cmd === "audit_lines").pop()?.args).toMatchObject({
      filter: { object_type: "processing_activity", text: "lohn" },
      limit: 200,
      beforeId: null,
    }),
  );
  await user.click(await screen.findByTestId("audit-row"));
  const detail = screen.getByTestId("audit-detail");
  expect(detail).toHaveTextContent("changed · Processing activity: Lohnabrechnung");
  expect(detail).toHaveTextContent("Legal bases+ Vertragserfüllung");
});

import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { Company } from "../../bindings/Company";
import type { ProtectionType } from "../../bindings/ProtectionType";
import type { TomRow } from "../../bindings/TomRow";
import type { TomStatus } from "../../bindings/TomStatus";
import { switchLanguage } from "../../i18n";
import { clearMocks, mockCommands, session } from "../../test/ipc";
import { renderWithData } from "../../test/render";
import { Toms } from "./Toms";

// jsdom has no layout: the virtual list renders all its rows here.
vi.mock("@tanstack/react-virtual", () => import("../../test/allRows"));

beforeEach(() => {
  localStorage.clear();
  return switchLanguage("en");
});
afterEach(() => clearMocks());

const noop = () => undefined;
const pageProps = { session, tenantId: 7, onError: () => false, navigate: noop, openRecord: noop };
const company = (id: number, name: string) => ({ id, tenant_id: 7, name }) as Company;
const row = (id: number, title: string, type: ProtectionType, status: TomStatus = "in_review"): TomRow => ({
  id,
  protection_type: type,
  kind: "technical",
  title,
  status,
  company_ids: [],
  company_names: [],
  editor_name: null,
  next_review: null,
  last_review: null,
  activity_count: 0,
  own: false,
  updated_at: "2026-03-02T09:00:00Z",
});

test("measures show grouped by protection type with counts per type and status", async () => {
  mockCommands({
    toms: () => [
      row(1, "Alarmanlage", "physical_access", "active"),
      row(2, "Schließsystem", "physical_access"),
      row(3, "Besucherbuch", "physical_access", "inactive"),
      row(4, "Passwortrichtlinie", "system_access", "active"),
      row(5, "Datensicherung", "availability"),
    ],
    companies: () => [company(1, "Schmidt GmbH")],
  });
  renderWithData(<Toms {...pageProps} />);
  expect(await screen.findByText("5 measures")).toBeInTheDocument();
  const groups = () =>
    [...document.querySelectorAll("[data-group]")].map((g) => [g.getAttribute("data-group"), g.textContent]);
  expect(groups()).toEqual([
    ["physical_access", "Physical access control · 3 measures"],
    ["system_access", "System access control · 1 measure"],
    ["availability", "Availability control · 1 measure"],
  ]);
  expect(screen.getByTestId("tom-type-count-physical_access")).toHaveTextContent("3");
  expect(screen.getByTestId("tom-type-count-separation")).toHaveTextContent("0");
  const physical = document.querySelector('[data-type="physical_access"]');
  expect(physical).toHaveTextContent("1 in review");
  expect(physical).toHaveTextContent("1 active");
  expect(physical).toHaveTextContent("1 inactive");

  // A type tile narrows the list to its measures.
  const user = userEvent.setup();
  await user.click(screen.getByText("System access control", { selector: ".tom-type-name" }));
  expect([...document.querySelectorAll("[data-tom]")].map((e) => e.getAttribute("data-tom"))).toEqual([
    "Passwortrichtlinie",
  ]);
  // Sorted by title the list is one run, without group headings.
  await user.click(screen.getByText("System access control", { selector: ".tom-type-name" }));
  await user.click(screen.getByRole("button", { name: "Measure" }));
  expect(groups()).toEqual([]);
});

test("several measures are marked valid for a company at once, and linked ones are deleted only with their links", async () => {
  let toms = [
    row(1, "Alarmanlage", "physical_access"),
    row(2, "Schließsystem", "physical_access"),
    { ...row(3, "Protokollierung", "input"), activity_count: 2 },
  ];
  const calls = mockCommands({
    toms: () => toms,
    companies: () => [company(1, "Schmidt GmbH"), company(2, "Weber KG")],
    mass_change_toms: (args) => {
      const ids = args.ids as number[];
      toms = toms.map((t) => (ids.includes(t.id) ? { ...t, company_ids: [2], company_names: ["Weber KG"] } : t));
      return ids.length;
    },
    delete_toms: (args) => args.ids as number[],
  });
  renderWithData(<Toms {...pageProps} />);
  const user = userEvent.setup();
  await screen.findByText("3 measures");
  await user.click(screen.getByLabelText("Select Alarmanlage"));
  await user.click(screen.getByLabelText("Select Schließsystem"));
  expect(screen.getByTestId("tom-mass-field")).toHaveValue("valid_for");
  await user.selectOptions(screen.getByTestId("tom-mass-company"), "2");
  await user.click(screen.getByTestId("tom-apply"));
  await user.click(screen.getByTestId("confirm-mass-change"));
  expect(await screen.findByTestId("tom-notice")).toHaveTextContent("2 measures changed.");
  expect(calls.find((c) => c.cmd === "mass_change_toms")?.args).toEqual({
    ids: [1, 2],
    field: { field: "valid_for", value: 2 },
  });
  await waitFor(() => expect(screen.getAllByTestId("tom-companies")[0]).toHaveTextContent("Weber KG"));

  await user.click(screen.getByLabelText("Select Protokollierung"));
  await user.click(screen.getByTestId("delete-toms"));
  expect(screen.getByTestId("tom-bulk-bar")).toHaveTextContent("linked to processing activities (2 links)");
  await user.click(screen.getByTestId("confirm-delete-toms"));
  await screen.findByText("1 measure moved to the trash.");
  expect(calls.find((c) => c.cmd === "delete_toms")?.args).toEqual({ ids: [3], withLinks: true });
});

import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { Area } from "../bindings/Area";
import type { Company } from "../bindings/Company";
import type { StorageUse } from "../bindings/StorageUse";
import type { TenantSummary } from "../bindings/TenantSummary";
import { switchLanguage } from "../i18n";
import { clearMocks, mockCommands, session } from "../test/ipc";
import { renderWithData } from "../test/render";
import { Tenants } from "../features/tenants/Tenants";
import { AreaList } from "../features/areas/AreaList";

beforeEach(() => {
  localStorage.clear();
  return switchLanguage("en");
});
afterEach(() => clearMocks());

const noop = () => undefined;
const pageProps = { session, tenantId: 7, onError: () => false, navigate: noop, openRecord: noop };
const company = (id: number, name: string) => ({ id, tenant_id: 7, name }) as Company;
const area = (id: number, name: string, companyId: number, companyName: string, count: number): Area => ({
  id,
  company_id: companyId,
  company_name: companyName,
  tenant_id: 7,
  name,
  description: "",
  activity_count: count,
});

test("areas of all companies: filter by company, sort by activities, move a selection to another company", async () => {
  let areas = [
    area(1, "Allgemein", 1, "Schmidt GmbH", 0),
    area(2, "Personal", 1, "Schmidt GmbH", 4),
    area(3, "Vertrieb", 2, "Weber KG", 2),
  ];
  const calls = mockCommands({
    areas: () => areas,
    companies: () => [company(1, "Schmidt GmbH"), company(2, "Weber KG")],
    mass_change_areas: (args) => {
      const ids = args.ids as number[];
      areas = areas.map((a) => (ids.includes(a.id) ? { ...a, company_id: 2, company_name: "Weber KG" } : a));
      return ids.length;
    },
  });
  renderWithData(<AreaList {...pageProps} />);
  const user = userEvent.setup();
  expect(await screen.findByText("3 areas")).toBeInTheDocument();
  const names = () => [...document.querySelectorAll("[data-area-row]")].map((e) => e.getAttribute("data-area-row"));
  expect(names()).toEqual(["Allgemein", "Personal", "Vertrieb"]);
  await user.selectOptions(screen.getByTestId("area-sort"), "activities");
  expect(names()).toEqual(["Personal", "Vertrieb", "Allgemein"]);
  await user.selectOptions(screen.getByTestId("area-company-filter"), "2");
  expect(names()).toEqual(["Vertrieb"]);
  await user.selectOptions(screen.getByTestId("area-company-filter"), "0");

  await user.click(screen.getByLabelText("Select Personal"));
  expect(screen.getByTestId("area-bulk-bar")).toHaveTextContent("1 selected");
  await user.selectOptions(screen.getByTestId("area-mass-company"), "2");
  await user.click(screen.getByTestId("area-apply"));
  await user.click(screen.getByTestId("confirm-mass-change"));
  expect(await screen.findByTestId("area-notice")).toHaveTextContent("1 area changed.");
  expect(calls.find((c) => c.cmd === "mass_change_areas")?.args).toEqual({
    ids: [2],
    field: { field: "company", value: 2 },
  });
  await waitFor(() =>
    expect(document.querySelector('[data-area-row="Personal"]')?.getAttribute("data-area-company")).toBe("Weber KG"),
  );
});

test("deleting selected areas names how many activities go along, and the column choice is remembered", async () => {
  const calls = mockCommands({
    areas: () => [area(1, "Allgemein", 1, "Schmidt GmbH", 0), area(2, "Personal", 1, "Schmidt GmbH", 4)],
    companies: () => [company(1, "Schmidt GmbH")],
    delete_areas: (args) => (args.ids as number[]).map((id) => id + 100),
  });
  const { unmount } = renderWithData(<AreaList {...pageProps} />);
  const user = userEvent.setup();
  await screen.findByText("2 areas");
  await user.click(screen.getByLabelText("Select Personal"));
  await user.click(screen.getByTestId("delete-areas"));
  expect(screen.getByTestId("area-bulk-bar")).toHaveTextContent(
    "Move 1 area with 4 processing activities to the trash?",
  );
  await user.click(screen.getByTestId("confirm-delete-areas"));
  expect(await screen.findByTestId("area-notice")).toHaveTextContent("1 area moved to the trash.");
  expect(calls.find((c) => c.cmd === "delete_areas")?.args).toEqual({ ids: [2] });

  await user.click(screen.getByText("Columns"));
  await user.click(screen.getByLabelText("Description"));
  expect(screen.getByRole("columnheader", { name: "Description" })).toBeInTheDocument();
  unmount();
  renderWithData(<AreaList {...pageProps} />);
  await screen.findByText("2 areas");
  expect(screen.getByRole("columnheader", { name: "Description" })).toBeInTheDocument();
});

test("the tenant list shows counts and document storage, archives a selection and exports the list", async () => {
  const MB = 1024 * 1024;
  const summary = (id: number, name: string, companies: number, documents: StorageUse): TenantSummary => ({
    id,
    name,
    is_template: false,
    archived_at: null,
    created_at: "2026-03-02T09:00:00Z",
    company_count: companies,
    activity_count: 0,
    documents,
  });
  const calls = mockCommands({
    tenant_summaries: () => [
      summary(1, "Bäckerei Schmidt", 2, { used: 1.5 * MB, quota: 100 * MB }),
      summary(2, "Autohaus Weber", 1, { used: 0, quota: null }),
    ],
    mass_change_tenants: (args) => (args.ids as number[]).length,
    export_tenant_list: () => "/tmp/tenants.csv",
  });
  renderWithData(<Tenants onError={() => false} />);
  const user = userEvent.setup();
  expect(await screen.findByText("2 companies")).toBeInTheDocument();
  // The storage column is there to be chosen: used, and of which quota where one is set.
  expect(screen.queryByTestId("tenant-documents")).not.toBeInTheDocument();
  await user.click(screen.getByText("Columns"));
  await user.click(screen.getByLabelText("Documents"));
  expect(screen.getAllByTestId("tenant-documents").map((cell) => cell.textContent)).toEqual([
    "1.5 MB of 100.0 MB",
    "0 KB",
  ]);
  await user.click(screen.getByLabelText("Select Bäckerei Schmidt"));
  await user.click(screen.getByLabelText("Select Autohaus Weber"));
  await user.click(screen.getByTestId("tenant-apply"));
  await user.click(screen.getByTestId("confirm-mass-change"));
  expect(await screen.findByTestId("tenant-notice")).toHaveTextContent("2 tenants changed.");
  expect(calls.find((c) => c.cmd === "mass_change_tenants")?.args).toEqual({
    ids: [1, 2],
    field: { field: "archived", value: true },
  });
  await user.click(screen.getByTestId("export-tenants-csv"));
  expect(await screen.findByTestId("tenant-notice")).toHaveTextContent("Saved to /tmp/tenants.csv");
  expect(calls.find((c) => c.cmd === "export_tenant_list")?.args).toMatchObject({ format: "csv" });
});

import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { SessionInfo } from "../../bindings/SessionInfo";
import type { Tenant } from "../../bindings/Tenant";
import { switchLanguage } from "../../i18n";
import { clearMocks, mockCommands, session } from "../../test/ipc";
import { renderWithData } from "../../test/render";
import { CopyToTenants } from "./CopyToTenants";

beforeEach(() => switchLanguage("en"));
afterEach(() => clearMocks());

const tenant = (id: number, name: string): Tenant => ({
  id,
  name,
  is_template: false,
  archived_at: null,
  created_at: "2026-03-02T09:00:00Z",
});
const withTenants: SessionInfo = {
  ...session,
  tenants: [tenant(1, "Muster"), tenant(2, "Café Mond"), tenant(3, "Eisdiele")],
};

test("a place in the target is offered only with one target, and the summary names what was created, reused and left out", async () => {
  const calls = mockCommands({
    areas: () => [
      {
        id: 9,
        company_id: 4,
        company_name: "Café Mond GmbH",
        tenant_id: 2,
        name: "Service",
        description: "",
        activity_count: 0,
      },
    ],
    copy_to_tenants: () => ({
      targets: [
        {
          tenant_id: 2,
          tenant_name: "Café Mond",
          ids: [41],
          created: [{ object: "processing_activity", source_id: 5, id: 41, label: "Lohn" }],
          reused: [{ object: "processor", source_id: 7, id: 12, label: "Lohnbüro" }],
          left_out: ["editor", "dates"],
        },
      ],
    }),
  });
  const user = userEvent.setup();
  renderWithData(
    <CopyToTenants
      session={withTenants}
      tenantId={1}
      object="processing_activity"
      ids={[5]}
      onError={() => false}
      onClose={() => undefined}
      onCopied={() => undefined}
    />,
  );
  expect(screen.queryByTestId("copy-parent")).toBeNull();
  await user.click(document.querySelector('[data-copy-target="Café Mond"]')!);
  await user.click(document.querySelector('[data-copy-target="Eisdiele"]')!);
  expect(screen.queryByTestId("copy-parent")).toBeNull();
  await user.click(document.querySelector('[data-copy-target="Eisdiele"]')!);
  await screen.findByText("Café Mond GmbH · Service");
  await user.selectOptions(screen.getByTestId("copy-parent"), "9");
  await user.click(screen.getByTestId("copy-run"));
  const summary = await screen.findByTestId("copy-summary");
  expect(summary).toHaveTextContent("Created: Processing activities: 1");
  expect(summary).toHaveTextContent("Reused: Processors: 1");
  expect(summary).toHaveTextContent("Left out: the editor (emptied); dates (emptied)");
  expect(calls.find((c) => c.cmd === "copy_to_tenants")?.args).toEqual({
    request: { object: "processing_activity", ids: [5], targets: [2], parent: 9 },
  });
});

import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { CompanyInput } from "../../bindings/CompanyInput";
import type { MenuEntry } from "../../bindings/MenuEntry";
import { switchLanguage } from "../../i18n";
import { clearMocks, mockCommands, session } from "../../test/ipc";
import { renderWithData } from "../../test/render";
import { DpoSection } from "../companies/DpoSection";
import { ActivityForm } from "./ActivityForm";

beforeEach(() => switchLanguage("en"));
afterEach(() => clearMocks());

test("a new activity in a tenant without a company says what is needed first and leads there", async () => {
  mockCommands({ areas: () => [], editors: () => [], master_items: () => [] });
  const pages: MenuEntry[] = [];
  renderWithData(
    <ActivityForm
      session={session}
      tenantId={7}
      activity={null}
      onError={() => false}
      onClose={() => undefined}
      onSaved={() => undefined}
      navigate={(page) => pages.push(page)}
      openRecord={() => undefined}
    />,
  );
  expect(await screen.findByTestId("needs-area")).toHaveTextContent("This tenant has no company yet");
  expect(screen.queryByTestId("save-activity")).toBeNull();
  await userEvent.setup().click(screen.getByTestId("go-to-companies"));
  expect(pages).toEqual(["companies"]);
});

test("a required DPO who is designated on the same page is shown as done, not as a warning", () => {
  const form = {
    name: "Bäckerei",
    dpo_check: {
      public_body: false,
      large_scale_monitoring: false,
      large_scale_special_categories: false,
      twenty_persons_processing: true,
      dpia_processing: false,
      commercial_transfer_or_research: false,
    },
    dpo: { kind: "external", name: "Anna Meier", email: "", phone: "", address: "" },
  } as CompanyInput;
  const { rerender } = renderWithData(<DpoSection form={form} set={() => undefined} />);
  const verdict = screen.getByTestId("dpo-verdict");
  expect(verdict).toHaveTextContent("A DPO is required. designated: Anna Meier ✓");
  expect(verdict).toHaveClass("designated");
  rerender(<DpoSection form={{ ...form, dpo: { ...form.dpo, name: "" } }} set={() => undefined} />);
  expect(screen.getByTestId("dpo-verdict")).toHaveClass("required");
  expect(screen.queryByTestId("dpo-designated")).toBeNull();
});

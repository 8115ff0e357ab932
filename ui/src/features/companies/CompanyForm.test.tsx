import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { ErrorPayload } from "../../bindings/ErrorPayload";
import { switchLanguage } from "../../i18n";
import { clearMocks, mockCommands, session } from "../../test/ipc";
import { renderWithData } from "../../test/render";
import { CompanyForm } from "./CompanyForm";

beforeEach(() => switchLanguage("en"));
afterEach(() => clearMocks());

const refusal: ErrorPayload = {
  code: "validation",
  message: "vat_id: 'DE12' does not have the shape of a German VAT ID",
  params: { field: "vat_id", rule: "format", example: "DE136695976" },
  problems: [
    { field: "vat_id", rule: "format", message: "no", example: "DE136695976" },
    { field: "email", rule: "format", message: "no", example: null },
    { field: "dpo_email", rule: "format", message: "no", example: null },
  ],
};

test("a refused save marks every refused field with its own message and focuses the first", async () => {
  mockCommands({
    create_company: () => {
      throw refusal;
    },
  });
  const user = userEvent.setup();
  renderWithData(
    <CompanyForm
      session={session}
      tenantId={7}
      company={null}
      openRecord={() => undefined}
      onError={() => false}
      onClose={() => undefined}
      onSaved={() => undefined}
    />,
  );
  await user.type(screen.getByLabelText("Company name"), "Bäckerei Schmidt GmbH");
  await user.click(screen.getByTestId("save-company"));

  const vat = screen.getByRole("textbox", { name: "VAT ID" });
  await waitFor(() => expect(vat).toHaveAttribute("aria-invalid", "true"));
  expect(vat).toHaveAccessibleDescription(/shape of a VAT ID of that country, e\.g\. DE136695976/);
  const [email, dpoEmail] = screen.getAllByRole("textbox", { name: "E-mail" });
  expect(email).toHaveAttribute("name", "email");
  expect(email).toHaveAccessibleDescription(/^E-mail: please enter a valid/);
  expect(dpoEmail).toHaveAttribute("name", "dpo_email");
  expect(dpoEmail).toHaveAccessibleDescription(/^DPO's e-mail: please enter a valid/);
  expect(screen.getByLabelText("City")).not.toHaveAttribute("aria-invalid");
  await waitFor(() => expect(document.activeElement).toBe(vat));
  expect(screen.getByTestId("company-message")).toHaveTextContent("VAT ID:");
  expect(screen.getByTestId("company-message")).toHaveTextContent("DPO's e-mail:");
});

import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { Company } from "../../bindings/Company";
import type { ImprintForm } from "../../bindings/ImprintForm";
import type { PolicyQuestion } from "../../bindings/PolicyQuestion";
import type { WebsiteText } from "../../bindings/WebsiteText";
import { switchLanguage } from "../../i18n";
import { clearMocks, mockCommands, session } from "../../test/ipc";
import { renderWithData } from "../../test/render";
import { UnsavedGuard } from "../../unsaved";
import { WebsiteTexts } from "./WebsiteTexts";

beforeEach(() => switchLanguage("en"));
afterEach(() => clearMocks());

const noop = () => undefined;
const company = {
  id: 3,
  tenant_id: 7,
  name: "Bäckerei Müller",
  legal_form: "GmbH",
  street: "Hauptstraße 5",
  postal_code: "50667",
  city: "Köln",
  country: "",
  phone: "",
  email: "info@mueller.de",
  website: "",
  register_court: "",
  register_number: "",
  vat_id: "",
  managing_directors: ["Jürgen Müller"],
} as unknown as Company;
const form: ImprintForm = {
  represented_by: "Jürgen Müller",
  register: "commercial",
  share_capital: "",
  economic_id: "",
  supervisory_authority: "",
  chamber: "",
  professional_title: "",
  title_state: "",
  professional_rules: "",
  in_liquidation: false,
  editorial: "",
  dispute_resolution: "",
  extra: "",
};
const saved = (text: string): WebsiteText => ({
  company_id: 3,
  kind: "imprint",
  answers: form,
  text,
  language: "en",
  updated_by: "Anna Meier",
  updated_at: "2026-11-30T10:00:00Z",
});

test("the imprint is generated from the form, gaps are named, and the edited text is saved and copied as HTML", async () => {
  const calls = mockCommands({
    companies: () => [company],
    imprint: () => ({ company, form, saved: null }),
    generate_imprint: () => ({
      text: "# Legal notice\n\nBäckerei Müller GmbH",
      missing: ["a second fast way of contact, e.g. a telephone number"],
    }),
    render_website_text: ({ text }) => ({ plain: text.replace("# ", ""), html: `<h2>${text.length}</h2>` }),
    save_imprint: ({ text }) => saved(text),
  });
  renderWithData(
    <WebsiteTexts session={session} tenantId={7} onError={() => false} navigate={noop} openRecord={noop} />,
  );
  expect(await screen.findByTestId("imprint-company-data")).toHaveTextContent("Hauptstraße 5, 50667 Köln");
  const user = userEvent.setup();
  await user.selectOptions(screen.getByLabelText("Consumer dispute resolution"), "not willing to take part");
  await user.click(screen.getByTestId("imprint-generate"));
  expect(await screen.findByTestId("imprint-missing")).toHaveTextContent("a telephone number");
  expect(calls.find((c) => c.cmd === "generate_imprint")?.args).toMatchObject({
    companyId: 3,
    form: { dispute_resolution: "not_willing", represented_by: "Jürgen Müller" },
    language: "en",
  });
  const area = screen.getByLabelText("Text (editable)");
  await user.type(area, "{end}{enter}{enter}Photos: own.");
  await user.click(screen.getByTestId("imprint-save"));
  expect(await screen.findByTestId("imprint-saved")).toHaveTextContent("by Anna Meier");
  expect(calls.find((c) => c.cmd === "save_imprint")?.args).toMatchObject({
    text: "# Legal notice\n\nBäckerei Müller GmbH\n\nPhotos: own.",
  });
  await user.click(screen.getByTestId("imprint-copy-html"));
  // user-event's clipboard stands in for the system's.
  const edited = "# Legal notice\n\nBäckerei Müller GmbH\n\nPhotos: own.";
  await waitFor(async () => expect(await navigator.clipboard.readText()).toBe(`<h2>${edited.length}</h2>`));
});

const questions: PolicyQuestion[] = [
  {
    key: "hosting",
    step: "website",
    question: "Is the website hosted by an external provider?",
    help: "Any hoster.",
    fields: [{ key: "provider", label: "Hosting provider", required: true }],
    section: { title: "Hosting", text: "Hosted by {provider}." },
  },
  {
    key: "newsletter",
    step: "contact",
    question: "Do you send a newsletter?",
    help: "With double opt-in.",
    fields: [],
    section: { title: "Newsletter", text: "We send a newsletter." },
  },
];

test("the privacy policy is answered in steps and generated from the answers and the chosen activities", async () => {
  const calls = mockCommands({
    companies: () => [company],
    imprint: () => ({ company, form, saved: null }),
    privacy_policy: () => ({
      company,
      questions,
      activities: [{ id: 41, name: "Online-Bestellungen", area_name: "Vertrieb", purposes: "Bestellungen" }],
      answers: { answered: [], own: [], activity_ids: [], authority: "" },
      saved: null,
    }),
    generate_privacy_policy: () => ({ text: "# Privacy policy\n\nHosted by Hetzner.", missing: [] }),
    render_website_text: () => ({ plain: "", html: "<h2>Privacy policy</h2>" }),
  });
  renderWithData(
    <WebsiteTexts session={session} tenantId={7} onError={() => false} navigate={noop} openRecord={noop} />,
  );
  const user = userEvent.setup();
  await user.click(await screen.findByRole("tab", { name: "Privacy policy" }));
  const hosting = (await screen.findByText("Is the website hosted by an external provider?")).closest(
    "[data-question]",
  ) as HTMLElement;
  expect(within(hosting).queryByLabelText("Hosting provider *")).toBeNull();
  await user.click(within(hosting).getByRole("checkbox"));
  await user.type(within(hosting).getByLabelText("Hosting provider *"), "Hetzner");
  await user.click(screen.getByRole("button", { name: "Next" }));
  await user.click(
    within(screen.getByText("Online-Bestellungen").closest("label") as HTMLElement).getByRole("checkbox"),
  );
  await user.click(screen.getByRole("button", { name: "Next" }));
  await user.click(screen.getByTestId("policy-add-own"));
  await user.type(screen.getByLabelText("Heading"), "Customer card");
  await user.click(screen.getByTestId("policy-generate"));
  const preview = await screen.findByTestId("policy-preview");
  await waitFor(() => expect(preview).toContainHTML("<h2>Privacy policy</h2>"));
  expect(calls.find((c) => c.cmd === "generate_privacy_policy")?.args).toMatchObject({
    companyId: 3,
    answers: {
      answered: [{ key: "hosting", fields: { provider: "Hetzner" } }],
      activity_ids: [41],
      own: [{ title: "Customer card", text: "", included: true }],
    },
  });
});

test("an edited text that is not saved is asked about before another tab replaces it", async () => {
  mockCommands({
    companies: () => [company],
    imprint: () => ({ company, form, saved: saved("# Legal notice\n\nBäckerei Müller GmbH") }),
    render_website_text: () => ({ plain: "", html: "" }),
    privacy_policy: () => ({
      company,
      questions,
      activities: [],
      answers: { answered: [], own: [], activity_ids: [], authority: "" },
      saved: null,
    }),
  });
  renderWithData(
    <UnsavedGuard>
      <WebsiteTexts session={session} tenantId={7} onError={() => false} navigate={noop} openRecord={noop} />
    </UnsavedGuard>,
  );
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText("Text (editable)"), " Edited.");
  await user.click(screen.getByRole("tab", { name: "Privacy policy" }));
  expect(await screen.findByTestId("unsaved-dialog")).toBeInTheDocument();
  await user.click(screen.getByTestId("stay"));
  expect(screen.getByLabelText("Text (editable)")).toHaveValue("# Legal notice\n\nBäckerei Müller GmbH Edited.");
  await user.click(screen.getByRole("tab", { name: "Privacy policy" }));
  await user.click(await screen.findByTestId("discard"));
  expect(await screen.findByText("Is the website hosted by an external provider?")).toBeInTheDocument();
});

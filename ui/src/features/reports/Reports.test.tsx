import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { Company } from "../../bindings/Company";
import type { DpiaRow } from "../../bindings/DpiaRow";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { switchLanguage } from "../../i18n";
import { clearMocks, fail, mockCommands, session } from "../../test/ipc";
import { renderWithData } from "../../test/render";
import { Reports } from "./Reports";

beforeEach(() => switchLanguage("en"));
afterEach(() => clearMocks());

const noop = () => undefined;
const company = (id: number, name: string) => ({ id, tenant_id: 7, name }) as Company;
const dpia = {
  id: 31,
  activity_id: 4,
  activity_name: "Videoüberwachung",
  company_name: "Bäckerei",
  version: 2,
} as DpiaRow;

/** Sends a progress message through the channel the window passed, as the shell does. */
function sendProgress(channel: unknown, index: number, percent: number) {
  const id = (channel as { id: number }).id;
  const internals = (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } })
    .__TAURI_INTERNALS__;
  internals.runCallback(id, { index, message: percent });
}

test("the records of processing are made for the chosen company, version, selection and language", async () => {
  const calls = mockCommands({
    companies: () => [company(1, "Bäckerei Müller GmbH"), company(2, "Café Sonne KG")],
    dpias: () => [],
    make_report: () => "/home/anna/Documents/Bäckerei – RoPA.pdf",
  });
  renderWithData(<Reports session={session} tenantId={7} onError={() => false} navigate={noop} openRecord={noop} />);
  const card = await screen.findByTestId("report-ropa");
  const user = userEvent.setup();
  await user.selectOptions(within(card).getByLabelText("Company"), "Café Sonne KG");
  await user.selectOptions(within(card).getByLabelText("Version"), "Processor (Art. 30(2))");
  await user.selectOptions(within(card).getByLabelText("Processing activities"), "Only active activities");
  await user.selectOptions(within(card).getByLabelText("Language of the report"), "Deutsch");
  await user.click(within(card).getByTestId("report-ropa-make"));
  expect(await screen.findByTestId("report-ropa-saved")).toHaveTextContent(
    "Saved to /home/anna/Documents/Bäckerei – RoPA.pdf",
  );
  expect(calls.find((c) => c.cmd === "make_report")?.args).toMatchObject({
    request: { report: "ropa", company_id: 2, role: "processor", only_active: true, language: "de" },
    title: "Save the report",
  });
});

test("while a PDF is made the bar shows the progress and cancel stops it with nothing saved", async () => {
  let finish: (() => void) | null = null;
  const calls = mockCommands({
    companies: () => [company(1, "Bäckerei Müller GmbH")],
    dpias: () => [dpia],
    make_report: (args) =>
      new Promise<string | null>((_, reject) => {
        sendProgress(args.onProgress, 0, 40);
        finish = () => {
          try {
            fail("cancelled", "the work was cancelled; nothing was written");
          } catch (e) {
            reject(e);
          }
        };
      }),
    cancel_report: () => {
      finish?.();
    },
  });
  renderWithData(<Reports session={session} tenantId={7} onError={() => false} navigate={noop} openRecord={noop} />);
  const card = await screen.findByTestId("report-toms");
  const user = userEvent.setup();
  await user.click(within(card).getByTestId("report-toms-make"));
  const bar = await within(card).findByTestId("report-toms-progress");
  await waitFor(() => expect(bar).toHaveAttribute("aria-valuenow", "40"));
  expect(within(card).getByTestId("report-toms-make")).toBeDisabled();
  // One report at a time: the others wait.
  expect(screen.getByTestId("report-ropa-make")).toBeDisabled();
  await user.click(within(card).getByTestId("report-toms-cancel"));
  expect(await within(card).findByTestId("report-toms-cancelled")).toHaveTextContent("Cancelled – nothing was saved.");
  expect(within(card).queryByTestId("report-toms-progress")).toBeNull();
  expect(calls.some((c) => c.cmd === "cancel_report")).toBe(true);
  expect(calls.find((c) => c.cmd === "make_report")?.args).toMatchObject({
    request: { report: "toms", company_id: 1, language: "en" },
  });
});

test("a DPIA is chosen from the tenant's assessments", async () => {
  const calls = mockCommands({
    companies: () => [company(1, "Bäckerei Müller GmbH")],
    dpias: () => [dpia],
    make_report: () => null,
  });
  renderWithData(<Reports session={session} tenantId={7} onError={() => false} navigate={noop} openRecord={noop} />);
  const card = await screen.findByTestId("report-dpia");
  expect(await within(card).findByLabelText("Assessment")).toHaveDisplayValue("Videoüberwachung · Bäckerei · v2");
  await userEvent.setup().click(within(card).getByTestId("report-dpia-make"));
  await waitFor(() =>
    expect(calls.find((c) => c.cmd === "make_report")?.args).toMatchObject({
      request: { report: "dpia", dpia_id: 31 },
    }),
  );
  // The save dialog was closed: nothing to report.
  expect(within(card).queryByTestId("report-dpia-saved")).toBeNull();
});

test("only the reports the user may print are offered", async () => {
  mockCommands({ companies: () => [company(1, "Bäckerei Müller GmbH")], dpias: () => [] });
  const clerk: SessionInfo = {
    ...session,
    is_admin: false,
    is_owner: false,
    grants: [
      { object: "tom", right: "print" },
      { object: "company", right: "view" },
    ],
  };
  renderWithData(<Reports session={clerk} tenantId={7} onError={() => false} navigate={noop} openRecord={noop} />);
  expect(await screen.findByTestId("report-toms")).toBeInTheDocument();
  expect(screen.queryByTestId("report-ropa")).toBeNull();
  expect(screen.queryByTestId("report-dpia")).toBeNull();
  expect(screen.queryByText("Recovery key")).toBeNull();
});

import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { Breach } from "../../bindings/Breach";
import type { BreachRow } from "../../bindings/BreachRow";
import type { DeadlineBoard } from "../../bindings/DeadlineBoard";
import type { RequestRow } from "../../bindings/RequestRow";
import { switchLanguage } from "../../i18n";
import { clearMocks, fail, mockCommands, session } from "../../test/ipc";
import { renderWithData } from "../../test/render";
import { Breaches } from "../breaches/Breaches";
import { Deadlines } from "../deadlines/Deadlines";
import { Requests } from "../requests/Requests";

vi.mock("@tanstack/react-virtual", () => import("../../test/allRows"));

beforeEach(() => {
  localStorage.clear();
  return switchLanguage("en");
});
afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

const noop = () => undefined;
const pageProps = { session, tenantId: 7, onError: () => false, navigate: noop, openRecord: noop };

const request = (id: number, requester: string, deadline: string, daysLeft: number): RequestRow => ({
  id,
  kind: "access",
  requester,
  received_on: "2026-02-01",
  status: "open",
  extension_months: 0,
  answered_on: null,
  deadline,
  overdue: daysLeft < 0,
  due_soon: daysLeft < 7,
  days_left: daysLeft,
  answered_late: false,
  first_deadline: deadline,
  editor_name: null,
  activity_count: 0,
  updated_at: "2026-03-02T09:00:00Z",
});

test("requests show their deadline in words, overdue ones marked, and an extension without reason marks its fields", async () => {
  const calls = mockCommands({
    requests: () => [request(1, "Max Muster", "2026-02-28", -2), request(2, "Erika Beispiel", "2026-03-20", 18)],
    request: () => fail("validation", "unused"),
    master_items: () => [],
    activities: () => [],
    editors: () => [],
    create_request: () =>
      fail("validation", "say when the requester was told of the extension", {
        field: "extension_told_on",
        rule: "required",
      }),
  });
  renderWithData(<Requests {...pageProps} />);
  const max = await screen.findByText("Max Muster");
  const row = max.closest("[data-request]") as HTMLElement;
  expect(row).toHaveClass("overdue");
  expect(within(row).getByTestId("request-deadline")).toHaveTextContent("2 days overdue");
  expect(screen.getByTestId("requests-overdue")).toHaveTextContent("1 request is overdue.");
  const erika = screen.getByText("Erika Beispiel").closest("[data-request]") as HTMLElement;
  expect(within(erika).getByTestId("request-deadline")).toHaveTextContent("18 days left");

  const user = userEvent.setup();
  await user.click(screen.getByTestId("new-request"));
  await user.type(screen.getByLabelText("Requester"), "Jonas Klein");
  await user.selectOptions(screen.getByTestId("request-extension"), "2");
  await user.click(screen.getByTestId("save-request"));
  expect(await screen.findByTestId("request-error")).toHaveTextContent("say when the requester was told");
  // The refused field carries its own message.
  const field = document.querySelector("[name=extension_told_on]")?.closest(".field") as HTMLElement;
  expect(within(field).getByText("say when the requester was told of the extension")).toHaveClass("field-error");
  const sent = calls.find((c) => c.cmd === "create_request")?.args.request as {
    extension_months: number;
    requester: string;
  };
  expect(sent).toMatchObject({ requester: "Jonas Klein", extension_months: 2 });
});

const clock = (
  minutes: number,
  state: BreachRow["clock"] = minutes < 0 ? "overdue" : minutes < 1440 ? "urgent" : "running",
) => ({
  authority_deadline: "2026-03-05T12:00:00Z",
  minutes_left: minutes,
  hours_left: Math.floor(minutes / 60),
  clock: state,
  authority_required: true,
  subjects_required: false,
});

const breachRow = (id: number, title: string, minutes: number): BreachRow => ({
  id,
  title,
  discovered_at: "2026-03-02T12:00:00Z",
  risk: "not_assessed",
  status: "open",
  authority_notified_at: null,
  editor_name: null,
  updated_at: "2026-03-02T12:00:00Z",
  ...clock(minutes),
});

test("the breach clock counts down live, turns red under 24 hours and says how long it is overdue", async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  mockCommands({
    breaches: () => [breachRow(1, "Laptop verloren", 26 * 60 + 5), breachRow(2, "Fehlversand", -90)],
  });
  renderWithData(<Breaches {...pageProps} />);
  const laptop = (await screen.findByText("Laptop verloren")).closest("[data-breach]") as HTMLElement;
  const countdown = within(laptop).getByTestId("breach-clock");
  expect(countdown).toHaveTextContent("1 d 2 h left");
  expect(countdown).toHaveAttribute("data-clock", "running");
  const late = (screen.getByText("Fehlversand").closest("[data-breach]") as HTMLElement).querySelector(
    "[data-testid=breach-clock]",
  );
  expect(late).toHaveTextContent("overdue by 1 h 30 min");
  expect(late).toHaveClass("clock-overdue");

  // Two and a quarter hours later, without a reload: under 24 hours, red.
  await act(async () => {
    await vi.advanceTimersByTimeAsync(135 * 60_000);
  });
  await waitFor(() => expect(countdown).toHaveAttribute("data-clock", "urgent"));
  expect(countdown).toHaveTextContent("23 h 50 min left");
  expect(countdown).toHaveClass("clock-urgent");
});

test("a recorded breach shows its clock and prints the notification for the authority", async () => {
  const breach: Breach = {
    id: 4,
    tenant_id: 7,
    title: "Ransomware",
    discovered_at: "2026-03-02T08:00:00Z",
    occurred: "",
    description: "",
    subject_categories: "",
    subjects_approx: "",
    record_categories: "",
    records_approx: "",
    consequences: "",
    measures_taken: "",
    measures_proposed: "",
    risk: "high_risk",
    risk_reasons: "Gesundheitsdaten",
    authority_notified_at: null,
    authority_reference: "",
    late_reasons: "",
    subjects_notified_on: null,
    subjects_notified_how: "",
    subjects_not_notified_reason: "",
    status: "open",
    editor_id: null,
    attachments: [],
    editor_name: null,
    created_at: "2026-03-02T08:00:00Z",
    updated_at: "2026-03-02T08:00:00Z",
    ...clock(300),
  };
  const calls = mockCommands({
    breach: () => breach,
    editors: () => [],
    record_attachments: () => [],
    documents_of: () => [],
    make_report: () => "/home/anna/Ransomware – Meldung.pdf",
  });
  renderWithData(<Breaches {...pageProps} initialId={4} />);
  expect(await screen.findByTestId("breach-clock-banner")).toHaveTextContent("5 h 00 min left");
  const user = userEvent.setup();
  await user.click(screen.getByTestId("print-breach"));
  expect(await screen.findByTestId("breach-report-saved")).toHaveTextContent("Ransomware – Meldung.pdf");
  expect(calls.find((c) => c.cmd === "make_report")?.args.request).toEqual({
    report: "breach",
    breach_id: 4,
    language: null,
  });
});

test("a tenant with thousands of due reviews shows them a hundred at a time, with how many are still hidden", async () => {
  const review = (id: number, overdue: boolean): DeadlineBoard["items"][number] => ({
    kind: "activity_review",
    id,
    tenant_id: 7,
    tenant_name: "Bäckerei",
    title: `Verarbeitung ${id}`,
    due: overdue ? "2026-01-15" : "2026-03-20",
    due_at: null,
    overdue,
  });
  const overdueItems = Array.from({ length: 2500 }, (_, i) => review(i + 1, true));
  const board: DeadlineBoard = {
    horizon: "2026-04-01",
    counts: [{ kind: "activity_review", overdue: 2500, upcoming: 30 }],
    items: [...overdueItems, ...Array.from({ length: 30 }, (_, i) => review(5000 + i, false))],
  };
  mockCommands({ deadlines: () => board });
  renderWithData(<Deadlines {...pageProps} />);
  const overdue = await screen.findByTestId("deadlines-overdue");
  expect(overdue).toHaveTextContent("2500 overdue");
  expect(within(overdue).getAllByRole("listitem")).toHaveLength(100);
  const more = within(overdue).getByTestId("deadlines-overdue-more");
  expect(more).toHaveTextContent("Show 100 more (2400 not shown yet)");
  await userEvent.setup().click(more);
  expect(within(overdue).getAllByRole("listitem")).toHaveLength(200);
  expect(within(overdue).getByText("Verarbeitung 200")).toBeInTheDocument();
  const upcoming = screen.getByTestId("deadlines-upcoming");
  expect(within(upcoming).getAllByRole("listitem")).toHaveLength(30);
  expect(within(upcoming).queryByTestId("deadlines-upcoming-more")).toBeNull();
});

test("the deadline list puts overdue items first and a click opens the record in its tenant", async () => {
  const board: DeadlineBoard = {
    horizon: "2026-04-01",
    counts: [
      { kind: "request", overdue: 1, upcoming: 0 },
      { kind: "tom_review", overdue: 0, upcoming: 1 },
      { kind: "breach", overdue: 0, upcoming: 0 },
    ],
    items: [
      {
        kind: "request",
        id: 3,
        tenant_id: 7,
        tenant_name: "Bäckerei",
        title: "Max Muster",
        due: "2026-02-28",
        due_at: null,
        overdue: true,
      },
      {
        kind: "tom_review",
        id: 9,
        tenant_id: 7,
        tenant_name: "Bäckerei",
        title: "Datensicherung",
        due: "2026-03-20",
        due_at: null,
        overdue: false,
      },
    ],
  };
  mockCommands({ deadlines: () => board });
  const openRecord = vi.fn();
  renderWithData(<Deadlines {...pageProps} openRecord={openRecord} />);
  const overdue = await screen.findByTestId("deadlines-overdue");
  expect(overdue).toHaveTextContent("Max Muster");
  expect(screen.getByTestId("deadlines-upcoming")).toHaveTextContent("Datensicherung");
  expect(screen.getByTestId("deadline-overdue-request")).toHaveTextContent("1 overdue");
  expect(document.querySelector("[data-deadline-count=breach]")).toBeNull();
  const user = userEvent.setup();
  await user.click(within(overdue).getByText("Max Muster"));
  expect(openRecord).toHaveBeenCalledWith("requests", 3, 7);
});

import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { switchLanguage } from "../i18n";
import { clearMocks, fail, mockCommands, session } from "../test/ipc";
import { SetupWizard } from "./SetupWizard";

const KEY = "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z2345-67ABC-DEFGH-IJKLM-NOPQR-STUVW";

beforeEach(() => switchLanguage("en"));
afterEach(() => clearMocks());

async function fillOwner(user: ReturnType<typeof userEvent.setup>, password: string, repeat = password) {
  await user.type(screen.getByLabelText("Office name"), "Kanzlei Nord");
  await user.click(screen.getByRole("button", { name: "Continue" }));
  await user.type(screen.getByLabelText("User name"), "Anna Meier");
  await user.type(screen.getByLabelText("Password"), password);
  await user.type(screen.getByLabelText("Repeat password"), repeat);
  await user.click(screen.getByRole("button", { name: "Create encrypted database" }));
}

test("the office step requires a name and sends nothing", async () => {
  const calls = mockCommands({});
  const user = userEvent.setup();
  render(<SetupWizard dataDir="/data" onDone={() => {}} onRestore={() => {}} />);
  await user.click(screen.getByRole("button", { name: "Continue" }));
  expect(screen.getByRole("alert")).toHaveTextContent("Please enter the office name.");
  expect(calls).toHaveLength(0);
});

test("mismatched or short passwords are caught before the database is created", async () => {
  const calls = mockCommands({});
  const user = userEvent.setup();
  render(<SetupWizard dataDir="/data" onDone={() => {}} onRestore={() => {}} />);
  await fillOwner(user, "short", "shorter");
  expect(screen.getByText("The password must have at least 10 characters.")).toBeInTheDocument();
  expect(screen.getByText("The passwords do not match.")).toBeInTheDocument();
  expect(calls.filter((c) => c.cmd === "create_installation")).toHaveLength(0);
});

test("a long but guessable password shows the minimum strength and the core's reason", async () => {
  mockCommands({
    create_installation: () =>
      fail("validation", "password is too easy to guess", { field: "password", rule: "too_guessable" }),
  });
  const user = userEvent.setup();
  render(<SetupWizard dataDir="/data" onDone={() => {}} onRestore={() => {}} />);
  await fillOwner(user, "aaaaaaaaaa");
  expect(await screen.findByText(/at least “strong” is required/)).toBeInTheDocument();
  expect(await screen.findByText(/This password is too easy to guess/)).toBeInTheDocument();
});

test("creating shows the recovery key once and finishing needs the stored confirmation", async () => {
  const calls = mockCommands({
    create_installation: () => ({ recovery_key: KEY, keyring_error: null, session }),
  });
  const onDone = vi.fn();
  const user = userEvent.setup();
  render(<SetupWizard dataDir="/data" onDone={onDone} onRestore={() => {}} />);
  await fillOwner(user, "Datenschutz-2026!");

  expect(await screen.findByTestId("recovery-key")).toHaveTextContent(KEY);
  expect(calls.find((c) => c.cmd === "create_installation")?.args).toEqual({
    request: { office_name: "Kanzlei Nord", owner_name: "Anna Meier", owner_password: "Datenschutz-2026!" },
  });
  const finish = screen.getByRole("button", { name: "Open DPO Desk" });
  expect(finish).toBeDisabled();
  await user.click(screen.getByLabelText("I have stored the recovery key in a safe place."));
  expect(finish).toBeEnabled();
  await user.click(finish);
  expect(onDone).toHaveBeenCalledWith(session);
});

test("a missing keyring is explained on the key step", async () => {
  mockCommands({ create_installation: () => ({ recovery_key: KEY, keyring_error: "no session bus", session }) });
  const user = userEvent.setup();
  render(<SetupWizard dataDir="/data" onDone={() => {}} onRestore={() => {}} />);
  await fillOwner(user, "Datenschutz-2026!");
  expect(
    await screen.findByText(/could not be stored in this computer's keyring \(no session bus\)/),
  ).toBeInTheDocument();
});

test("a refusal from the core is shown translated, in German too", async () => {
  await switchLanguage("de");
  mockCommands({
    create_installation: () =>
      fail("validation", "user_name: must not contain control characters", { field: "user_name", rule: "characters" }),
  });
  const user = userEvent.setup();
  render(<SetupWizard dataDir="/data" onDone={() => {}} onRestore={() => {}} />);
  await user.type(screen.getByLabelText("Name der Kanzlei"), "Kanzlei Nord");
  await user.click(screen.getByRole("button", { name: "Weiter" }));
  await user.type(screen.getByLabelText("Benutzername"), "Anna");
  await user.type(screen.getByLabelText("Passwort"), "Datenschutz-2026!");
  await user.type(screen.getByLabelText("Passwort wiederholen"), "Datenschutz-2026!");
  await user.click(screen.getByRole("button", { name: "Verschlüsselte Datenbank anlegen" }));
  expect(await screen.findByText("Der Benutzername enthält unzulässige Zeichen.")).toBeInTheDocument();
});

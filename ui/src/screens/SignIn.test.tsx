import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { switchLanguage } from "../i18n";
import { clearMocks, fail, mockCommands, session } from "../test/ipc";
import { RecoveryKeyPrompt } from "./RecoveryKeyPrompt";
import { SignIn } from "./SignIn";

beforeEach(() => switchLanguage("en"));
afterEach(() => clearMocks());

async function signIn(password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("User name"), "Anna Meier");
  await user.type(screen.getByLabelText("Password"), password);
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

test("a wrong password shows the translated error and clears the password", async () => {
  mockCommands({ sign_in: () => fail("invalid_credentials", "wrong user name or password") });
  const onSignedIn = vi.fn();
  render(<SignIn officeName="Kanzlei Nord" lockedUser={null} notice={null} onSignedIn={onSignedIn} />);
  await signIn("nope nope nope");
  expect(await screen.findByTestId("form-error")).toHaveTextContent("Wrong user name or password.");
  expect(screen.getByLabelText("Password")).toHaveValue("");
  expect(onSignedIn).not.toHaveBeenCalled();
});

test("the growing delay says how long to wait", async () => {
  mockCommands({ sign_in: () => fail("rate_limited", "too many", { retry_after_secs: "60" }) });
  render(<SignIn officeName={null} lockedUser={null} notice={null} onSignedIn={() => {}} />);
  await signIn("nope nope nope");
  expect(await screen.findByTestId("form-error")).toHaveTextContent("Please wait 60 seconds");
});

test("the right password signs in with name and password as typed", async () => {
  const calls = mockCommands({ sign_in: () => session });
  const onSignedIn = vi.fn();
  render(<SignIn officeName={null} lockedUser={null} notice={null} onSignedIn={onSignedIn} />);
  await signIn("Datenschutz-2026!");
  await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(session));
  expect(calls[0]).toEqual({
    cmd: "sign_in",
    args: { request: { user_name: "Anna Meier", password: "Datenschutz-2026!" } },
  });
});

test("after an idle lock the user name is kept and the reason is shown", () => {
  mockCommands({});
  render(<SignIn officeName={null} lockedUser="Anna Meier" notice={null} onSignedIn={() => {}} />);
  expect(screen.getByLabelText("User name")).toHaveValue("Anna Meier");
  expect(screen.getByText(/locked after a period without activity/)).toBeInTheDocument();
});

test("a recovery key of another installation is refused with a clear message", async () => {
  mockCommands({ unlock_with_recovery_key: () => fail("wrong_key", "the key does not open this database") });
  const onUnlocked = vi.fn();
  render(<RecoveryKeyPrompt keyringError="no keyring is available" onUnlocked={onUnlocked} />);
  expect(screen.getByText("Keyring: no keyring is available")).toBeInTheDocument();
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Recovery key"), "AAAAA-BBBBB");
  await user.click(screen.getByRole("button", { name: "Unlock" }));
  expect(await screen.findByTestId("form-error")).toHaveTextContent("does not open this database");
  expect(onUnlocked).not.toHaveBeenCalled();
});

test("an invited user sets a password with the code and is signed in", async () => {
  const calls = mockCommands({ accept_invitation: () => session });
  const onSignedIn = vi.fn();
  render(<SignIn officeName={null} lockedUser={null} notice={null} onSignedIn={onSignedIn} />);
  const user = userEvent.setup();
  await user.click(screen.getByRole("button", { name: "I have an invitation code" }));
  expect(screen.getByRole("heading", { name: "Accept your invitation" })).toBeInTheDocument();
  await user.type(screen.getByLabelText("User name"), "Kunde Schmidt");
  await user.type(screen.getByLabelText("Invitation code"), "abcd-efgh-ijkl");
  await user.type(screen.getByLabelText("New password"), "Mein-eigenes-Passwort");
  await user.type(screen.getByLabelText("Repeat new password"), "Mein-eigenes-Passwort");
  await user.click(screen.getByRole("button", { name: "Set password and sign in" }));
  await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(session));
  expect(calls[0]).toEqual({
    cmd: "accept_invitation",
    args: {
      request: { user_name: "Kunde Schmidt", invitation_code: "abcd-efgh-ijkl", new_password: "Mein-eigenes-Passwort" },
    },
  });
});

test("an expired invitation says so, and a mismatch is caught before asking", async () => {
  const calls = mockCommands({ accept_invitation: () => fail("invitation_expired", "expired") });
  render(<SignIn officeName={null} lockedUser={null} notice={null} onSignedIn={() => {}} />);
  const user = userEvent.setup();
  await user.click(screen.getByRole("button", { name: "I have an invitation code" }));
  await user.type(screen.getByLabelText("User name"), "Late Larry");
  await user.type(screen.getByLabelText("Invitation code"), "AAAA-BBBB-CCCC");
  await user.type(screen.getByLabelText("New password"), "Mein-eigenes-Passwort");
  await user.type(screen.getByLabelText("Repeat new password"), "Mein-anderes-Passwort");
  await user.click(screen.getByRole("button", { name: "Set password and sign in" }));
  expect(screen.getByText("The passwords do not match.")).toBeInTheDocument();
  expect(calls).toHaveLength(0);
  await user.clear(screen.getByLabelText("Repeat new password"));
  await user.type(screen.getByLabelText("Repeat new password"), "Mein-eigenes-Passwort");
  await user.click(screen.getByRole("button", { name: "Set password and sign in" }));
  expect(await screen.findByTestId("form-error")).toHaveTextContent(
    "has expired. Ask your administrator for a new one.",
  );
});

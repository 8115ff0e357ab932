import { screen, waitFor } from "@testing-library/react";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test } from "vitest";
import { App } from "./App";
import type { Area } from "./bindings/Area";
import type { SessionInfo } from "./bindings/SessionInfo";
import { clearMocks, mockCommands, session, startup } from "./test/ipc";
// The app loads the shell on demand; loaded here first, so a test waits for the screen, not for the transform
// (on a busy machine that took longer than a query's patience).
import "./screens/Shell";

beforeEach(() => localStorage.clear());
afterEach(() => clearMocks());

const tenant = {
  id: 7,
  name: "Bäckerei Schmidt GmbH",
  is_template: false,
  archived_at: null,
  created_at: "2026-03-02T09:00:00Z",
};
const owner: SessionInfo = { ...session, menu: ["dashboard", "areas"], tenants: [tenant], current_tenant: tenant };
const reader: SessionInfo = {
  ...owner,
  user_name: "Jonas Berger",
  is_admin: false,
  is_owner: false,
  grants: [{ object: "area", right: "view" }],
};
const area = (id: number, name: string): Area => ({
  id,
  company_id: 1,
  company_name: "Schmidt GmbH",
  tenant_id: 7,
  name,
  description: "",
  activity_count: 0,
});

test("records one user saw are gone from the window before the next user's own arrive", async () => {
  let phase: "signed_in" | "sign_in" = "signed_in";
  let answerReader: (areas: Area[]) => void = () => undefined;
  mockCommands({
    startup_state: () => startup(phase, { office_name: "Kanzlei Nord", session: phase === "signed_in" ? owner : null }),
    sign_out: () => {
      phase = "sign_in";
      return null;
    },
    sign_in: () => reader,
    areas: () =>
      phase === "signed_in"
        ? [area(1, "Geschäftsführung")]
        : new Promise<Area[]>((resolve) => {
            answerReader = resolve;
          }),
    companies: () => [],
  });
  render(<App />);
  const user = userEvent.setup();
  await user.click(await screen.findByRole("button", { name: /Areas/ }));
  expect(await screen.findByText("Geschäftsführung")).toBeInTheDocument();

  phase = "sign_in";
  await user.click(screen.getByTestId("sign-out"));
  await user.type(await screen.findByLabelText("User name"), "Jonas Berger");
  await user.type(screen.getByLabelText("Password"), "sein-Passwort");
  await user.click(screen.getByRole("button", { name: "Sign in" }));
  await user.click(await screen.findByRole("button", { name: /Areas/ }));
  expect(await screen.findByTestId("area-count")).toHaveTextContent("Loading…");
  expect(screen.queryByText("Geschäftsführung")).toBeNull();
  answerReader([area(2, "Personal")]);
  await waitFor(() => expect(screen.getByTestId("area-count")).toHaveTextContent("1 area"));
  expect(screen.getByText("Personal")).toBeInTheDocument();
});

test("when the user's rights change, lists read under the old rights are not shown again", async () => {
  let rights = reader;
  let answer: ((areas: Area[]) => void) | null = null;
  mockCommands({
    startup_state: () => startup("signed_in", { office_name: "Kanzlei Nord", session: reader }),
    refresh_session: () => rights,
    areas: () =>
      answer === null && rights === reader
        ? [area(1, "Geschäftsführung")]
        : new Promise<Area[]>((resolve) => {
            answer = resolve;
          }),
    companies: () => [],
  });
  render(<App />);
  const user = userEvent.setup();
  await user.click(await screen.findByRole("button", { name: /Areas/ }));
  expect(await screen.findByText("Geschäftsführung")).toBeInTheDocument();

  // An administrator narrows the role: the next session refresh (on the page change) brings other rights.
  rights = { ...reader, role_names: ["Personnel reader"] };
  await user.click(screen.getByRole("button", { name: /Dashboard/ }));
  await waitFor(() => expect(screen.getByTestId("user-roles")).toHaveTextContent("Personnel reader"));
  await user.click(screen.getByRole("button", { name: /Areas/ }));
  expect(await screen.findByTestId("area-count")).toHaveTextContent("Loading…");
  expect(screen.queryByText("Geschäftsführung")).toBeNull();
  answer!([area(2, "Personal")]);
  await waitFor(() => expect(screen.getByTestId("area-count")).toHaveTextContent("1 area"));
});

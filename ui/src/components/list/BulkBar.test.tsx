import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, test, vi } from "vitest";
import { CommandError } from "../../api";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { switchLanguage } from "../../i18n";
import { session } from "../../test/ipc";
import { BulkBar, massField } from "./BulkBar";

beforeEach(() => switchLanguage("en"));

const selection = () => ({ ids: [3, 5], done: vi.fn(async () => undefined), clear: vi.fn() });
const copier: SessionInfo = { ...session, is_admin: false, grants: [{ object: "area", right: "copy" }] };

test("the bar counts the selection and offers only the actions the user has the right to", async () => {
  const chosen = selection();
  render(
    <BulkBar
      session={copier}
      object="area"
      label="Selected areas"
      testId="bar"
      selection={chosen}
      onError={() => false}
      massChange={{
        fields: [
          massField<string>({ id: "name", label: "Name", initial: "", editor: () => null, apply: async () => "" }),
        ],
      }}
      copy={{ testId: "copy", run: async () => "2 copies created." }}
      remove={{ testId: "delete", run: async () => "" }}
    />,
  );
  expect(screen.getByRole("region", { name: "Selected areas" })).toHaveTextContent("2 selected");
  expect(screen.getByTestId("copy")).toBeInTheDocument();
  expect(screen.queryByTestId("delete")).toBeNull();
  expect(screen.queryByLabelText("Field to change")).toBeNull();
  const user = userEvent.setup();
  await user.click(screen.getByTestId("copy"));
  expect(chosen.done).toHaveBeenCalledWith("2 copies created.");
  await user.click(screen.getByRole("button", { name: "Clear selection" }));
  expect(chosen.clear).toHaveBeenCalled();
});

test("delete asks first with the screen's question, and only the confirmation runs it", async () => {
  const chosen = selection();
  const run = vi.fn(async () => "2 areas moved to the trash.");
  render(
    <BulkBar
      session={session}
      object="area"
      label="Selected areas"
      testId="bar"
      selection={chosen}
      onError={() => false}
      remove={{ testId: "delete", confirmTestId: "confirm", confirm: "Move 2 areas to the trash?", run }}
    />,
  );
  const user = userEvent.setup();
  await user.click(screen.getByTestId("delete"));
  expect(screen.getByTestId("bar")).toHaveTextContent("Move 2 areas to the trash?");
  expect(run).not.toHaveBeenCalled();
  await user.click(screen.getByRole("button", { name: "Cancel" }));
  expect(screen.queryByTestId("confirm")).toBeNull();
  await user.click(screen.getByTestId("delete"));
  await user.click(screen.getByTestId("confirm"));
  expect(run).toHaveBeenCalledTimes(1);
  expect(chosen.done).toHaveBeenCalledWith("2 areas moved to the trash.");
});

test("the mass change applies the chosen field's value, and each field keeps its own value", async () => {
  const chosen = selection();
  const setName = vi.fn(async (value: string) => `name ${value}`);
  const setActive = vi.fn(async (value: boolean) => `active ${String(value)}`);
  const fields = [
    massField<string>({
      id: "name",
      label: "Name",
      initial: "",
      editor: (value, set) => <input aria-label="New value" value={value} onChange={(e) => set(e.target.value)} />,
      apply: setName,
    }),
    massField<boolean>({
      id: "active",
      label: "Active",
      initial: true,
      editor: (value, set) => (
        <input type="checkbox" aria-label="New value" checked={value} onChange={(e) => set(e.target.checked)} />
      ),
      apply: setActive,
    }),
  ];
  render(
    <BulkBar
      session={null}
      object={null}
      label="Selected"
      testId="bar"
      selection={chosen}
      onError={() => false}
      massChange={{ fields, applyTestId: "apply" }}
    />,
  );
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("New value"), "Vertrieb");
  await user.selectOptions(screen.getByLabelText("Field to change"), "active");
  await user.click(screen.getByLabelText("New value"));
  await user.click(screen.getByTestId("apply"));
  expect(setActive).not.toHaveBeenCalled();
  await user.click(screen.getByTestId("confirm-mass-change"));
  expect(setActive).toHaveBeenCalledWith(false);
  expect(chosen.done).toHaveBeenLastCalledWith("active false");
  await user.selectOptions(screen.getByLabelText("Field to change"), "name");
  expect(screen.getByLabelText("New value")).toHaveValue("Vertrieb");
  await user.click(screen.getByTestId("apply"));
  await user.click(screen.getByTestId("confirm-mass-change"));
  expect(setName).toHaveBeenCalledWith("Vertrieb");
});

test("a refused action shows the translated reason in the bar and keeps the selection", async () => {
  const chosen = selection();
  const refusal = new CommandError({
    code: "permission_denied",
    message: "no",
    params: { object: "area", right: "copy" },
    problems: [],
  });
  render(
    <BulkBar
      session={session}
      object="area"
      label="Selected areas"
      testId="bar"
      errorTestId="bar-error"
      selection={chosen}
      onError={() => false}
      copy={{ run: () => Promise.reject(refusal) }}
    />,
  );
  await userEvent.setup().click(screen.getByRole("button", { name: "Copy" }));
  expect(await screen.findByTestId("bar-error")).toHaveTextContent("You do not have permission to do this.");
  expect(chosen.done).not.toHaveBeenCalled();
});

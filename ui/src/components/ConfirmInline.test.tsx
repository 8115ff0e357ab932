import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { beforeEach, expect, test, vi } from "vitest";
import { switchLanguage } from "../i18n";
import { ConfirmInline } from "./ConfirmInline";

beforeEach(() => switchLanguage("en"));

function Asking({ onConfirm }: { onConfirm: () => void }) {
  const [asking, setAsking] = useState(false);
  return asking ? (
    <ConfirmInline
      message="Delete 3 activities?"
      confirmLabel="Delete"
      confirmTestId="confirm"
      onConfirm={onConfirm}
      onCancel={() => setAsking(false)}
    />
  ) : (
    <button type="button" onClick={() => setAsking(true)}>
      Delete…
    </button>
  );
}

test("the question takes the focus on its action, Enter confirms and Escape cancels", async () => {
  const onConfirm = vi.fn();
  render(<Asking onConfirm={onConfirm} />);
  const user = userEvent.setup();
  await user.click(screen.getByText("Delete…"));
  expect(screen.getByRole("group", { name: "Delete 3 activities?" })).toBeInTheDocument();
  expect(screen.getByTestId("confirm")).toHaveFocus();
  await user.keyboard("{Escape}");
  expect(screen.queryByTestId("confirm")).toBeNull();
  expect(onConfirm).not.toHaveBeenCalled();
  await user.click(screen.getByText("Delete…"));
  await user.keyboard("{Enter}");
  expect(onConfirm).toHaveBeenCalledTimes(1);
});

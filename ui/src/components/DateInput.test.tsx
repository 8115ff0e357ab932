import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeEach, expect, test } from "vitest";
import { switchLanguage } from "../i18n";
import { useAction } from "../useAction";
import { DateField } from "./DateField";
import { parseDate, writeDate } from "./DateInput";

beforeEach(() => switchLanguage("en"));
afterEach(() => switchLanguage("en"));

test("a date is read in the app's language form, the other form and ISO, and only as a real day", () => {
  expect(parseDate("13.03.2026")).toBe("2026-03-13");
  expect(parseDate("1.3.2026")).toBe("2026-03-01");
  expect(parseDate("13/03/2026")).toBe("2026-03-13");
  expect(parseDate("2026-03-13")).toBe("2026-03-13");
  expect(parseDate("  ")).toBe("");
  expect(parseDate("31.02.2026")).toBeNull();
  expect(parseDate("03/13/2026")).toBeNull();
  expect(parseDate("13.03.1890")).toBeNull();
  expect(writeDate("2026-03-13", "de")).toBe("13.03.2026");
  expect(writeDate("2026-03-13", "en")).toBe("13/03/2026");
});

function Form({ saved }: { saved: string[] }) {
  const [date, setDate] = useState("2027-03-01");
  const { run, error } = useAction();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          saved.push(date);
        });
      }}
    >
      <DateField label="Next review" name="review" value={date} onChange={setDate} />
      <button type="submit">Save</button>
      {error && <p role="status">{error}</p>}
    </form>
  );
}

test("German shows the German form; a text that is no date is marked and holds back the save", async () => {
  await switchLanguage("de");
  const saved: string[] = [];
  const user = userEvent.setup();
  render(<Form saved={saved} />);
  const input = screen.getByLabelText("Next review");
  expect(input).toHaveValue("01.03.2027");
  expect(input).toHaveAttribute("placeholder", "TT.MM.JJJJ");

  await user.clear(input);
  await user.type(input, "31.02.2027");
  expect(input).toHaveAttribute("aria-invalid", "true");
  expect(screen.getByRole("alert")).toHaveTextContent("Bitte das Datum als TT.MM.JJJJ eingeben.");
  await user.click(document.querySelector("button[type=submit]")!);
  expect(saved).toEqual([]);
  expect(screen.getByRole("status")).toHaveTextContent("korrigieren Sie zuerst das markierte Datum");
  expect(document.activeElement).toBe(input);

  await user.clear(input);
  await user.type(input, "15.4.2027");
  await user.tab();
  expect(input).toHaveValue("15.04.2027");
  await user.click(document.querySelector("button[type=submit]")!);
  expect(saved).toEqual(["2027-04-15"]);
});

test("the calendar picks a day and writes it in the field", async () => {
  const user = userEvent.setup();
  render(<Form saved={[]} />);
  await user.click(screen.getByRole("button", { name: "Choose a date" }));
  await user.click(screen.getByRole("button", { name: "Monday, 15 March 2027" }));
  expect(screen.getByLabelText("Next review")).toHaveValue("15/03/2027");
  expect(screen.queryByRole("dialog")).toBeNull();
  await act(() => switchLanguage("de"));
  expect(screen.getByLabelText("Next review")).toHaveValue("15.03.2027");
});

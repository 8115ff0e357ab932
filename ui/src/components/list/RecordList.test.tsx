import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, test, vi } from "vitest";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { switchLanguage } from "../../i18n";
import { session } from "../../test/ipc";
import { minimumWidth, RecordList, type RecordListProps } from "./RecordList";
import type { ListColumn } from "./types";
import { useListState } from "./useListState";

// jsdom has no layout, so the virtual list would render no rows: here it renders them all.
vi.mock("@tanstack/react-virtual", () => ({
  useVirtualizer: ({ count, estimateSize }: { count: number; estimateSize: () => number }) => ({
    getTotalSize: () => count * estimateSize(),
    getVirtualItems: () =>
      Array.from({ length: count }, (_, index) => ({
        index,
        key: index,
        start: index * estimateSize(),
        size: estimateSize(),
      })),
  }),
}));

beforeEach(() => {
  localStorage.clear();
  return switchLanguage("en");
});

type Fruit = { id: number; name: string; colour: string; weight: number };
const FRUITS: Fruit[] = [
  { id: 1, name: "banana", colour: "yellow", weight: 120 },
  { id: 2, name: "Äpfel 10", colour: "red", weight: 90 },
  { id: 3, name: "apfel 9", colour: "green", weight: 150 },
  { id: 4, name: "Mango", colour: "yellow", weight: 300 },
];
// Headers are translation keys; a key without a text shows as itself.
const COLUMNS: ListColumn<Fruit>[] = [
  { id: "name", header: "Name", cell: (f) => f.name, sortValue: (f) => f.name },
  { id: "colour", header: "Colour", cell: (f) => f.colour, sortValue: (f) => f.colour, optional: true },
  {
    id: "weight",
    header: "Weight",
    cell: (f) => `${f.weight} g`,
    sortValue: (f) => f.weight,
    optional: true,
    defaultVisible: true,
  },
];
const STORAGE_KEY = "dpo-desk.fruit-columns";

type Options = Partial<RecordListProps<Fruit>>;

function Fruits(props: Options) {
  const list = useListState({ columns: COLUMNS, storageKey: STORAGE_KEY });
  return (
    <RecordList<Fruit>
      state={list}
      session={session}
      object="company"
      rows={FRUITS}
      columns={COLUMNS}
      label="Fruit"
      name={(f) => f.name}
      rowData={(f) => ({ "data-fruit": f.name })}
      selectData="data-select-fruit"
      filter={{ testId: "fruit-filter", matches: (f, needle) => f.name.toLocaleLowerCase().includes(needle) }}
      count={{ text: (count) => `${count} fruits`, testId: "fruit-count" }}
      bulkBar={(selection) => <p data-testid="chosen">{selection.ids.join(",")}</p>}
      onError={() => false}
      {...props}
    />
  );
}

const names = () => [...document.querySelectorAll("[data-fruit]")].map((e) => e.getAttribute("data-fruit"));

test("rows keep the order they arrive in until a header is clicked; a second click turns the order", async () => {
  render(<Fruits headerSort />);
  const user = userEvent.setup();
  expect(names()).toEqual(["banana", "Äpfel 10", "apfel 9", "Mango"]);
  await user.click(screen.getByRole("button", { name: "Weight" }));
  expect(names()).toEqual(["Äpfel 10", "banana", "apfel 9", "Mango"]);
  expect(screen.getByRole("columnheader", { name: "Weight ▲" })).toHaveAttribute("aria-sort", "ascending");
  await user.click(screen.getByRole("button", { name: "Weight ▲" }));
  expect(names()).toEqual(["Mango", "apfel 9", "banana", "Äpfel 10"]);
  expect(screen.getByRole("columnheader", { name: "Weight ▼" })).toHaveAttribute("aria-sort", "descending");
});

test("text sorts as people read it: case and accents do not count, numbers inside it do", async () => {
  render(<Fruits headerSort />);
  await userEvent.setup().click(screen.getByRole("button", { name: "Name" }));
  expect(names()).toEqual(["apfel 9", "Äpfel 10", "banana", "Mango"]);
});

test("the filter box keeps rows whose text matches, the screen's condition narrows them further, and the count follows", async () => {
  const yellow = (f: Fruit) => f.colour === "yellow";
  const { rerender } = render(<Fruits />);
  const user = userEvent.setup();
  await user.type(screen.getByTestId("fruit-filter"), "AN");
  expect(names()).toEqual(["banana", "Mango"]);
  expect(screen.getByTestId("fruit-count")).toHaveTextContent("2 fruits");
  rerender(<Fruits where={yellow} />);
  await user.clear(screen.getByTestId("fruit-filter"));
  await user.type(screen.getByTestId("fruit-filter"), "ban");
  expect(names()).toEqual(["banana"]);
  await user.clear(screen.getByTestId("fruit-filter"));
  expect(names()).toEqual(["banana", "Mango"]);
});

test("select all chooses the rows shown, a second click clears the whole selection, and the bulk bar gets the chosen ids", async () => {
  render(<Fruits testIds={{ selectAll: "select-all" }} />);
  const user = userEvent.setup();
  await user.click(screen.getByLabelText("Select Äpfel 10"));
  expect(screen.getByTestId("chosen")).toHaveTextContent("2");
  expect(document.querySelector("[data-fruit='Äpfel 10']")).toHaveClass("selected");
  await user.type(screen.getByTestId("fruit-filter"), "an");
  await user.click(screen.getByTestId("select-all"));
  expect(screen.getByTestId("chosen")).toHaveTextContent("1,4");
  expect(screen.getByTestId("select-all")).toBeChecked();
  await user.click(screen.getByTestId("select-all"));
  expect(screen.queryByTestId("chosen")).toBeNull();
});

test("a selection keeps only rows still listed; with selectionFollowsFilter only rows the filter shows", async () => {
  const { rerender } = render(<Fruits />);
  const user = userEvent.setup();
  await user.click(screen.getByLabelText("Select banana"));
  await user.click(screen.getByLabelText("Select Mango"));
  rerender(<Fruits rows={FRUITS.filter((f) => f.name !== "Mango")} />);
  expect(screen.getByTestId("chosen")).toHaveTextContent(/^1$/);
  await user.type(screen.getByTestId("fruit-filter"), "apfel");
  expect(screen.getByTestId("chosen")).toHaveTextContent(/^1$/);
  rerender(<Fruits rows={FRUITS.filter((f) => f.name !== "Mango")} selectionFollowsFilter />);
  expect(screen.queryByTestId("chosen")).toBeNull();
});

test("the column choice is remembered under the list's storage key, and a damaged one falls back to the defaults", async () => {
  const { unmount } = render(<Fruits />);
  const user = userEvent.setup();
  expect(screen.queryByRole("columnheader", { name: "Colour" })).toBeNull();
  await user.click(screen.getByText("Columns"));
  await user.click(screen.getByLabelText("Colour"));
  await user.click(screen.getByLabelText("Weight"));
  expect(screen.getByRole("columnheader", { name: "Colour" })).toBeInTheDocument();
  expect(screen.queryByRole("columnheader", { name: "Weight" })).toBeNull();
  expect(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null")).toEqual(["colour"]);
  unmount();
  const again = render(<Fruits />);
  expect(screen.getByRole("columnheader", { name: "Colour" })).toBeInTheDocument();
  expect(screen.queryByRole("columnheader", { name: "Weight" })).toBeNull();
  again.unmount();
  localStorage.setItem(STORAGE_KEY, "{not json");
  render(<Fruits />);
  expect(screen.getByRole("columnheader", { name: "Weight" })).toBeInTheDocument();
  expect(screen.queryByRole("columnheader", { name: "Colour" })).toBeNull();
});

test("export shows only with the right to it, gets the selection and the rows shown, and says where the file went", async () => {
  const exportAs = vi.fn(async () => "/tmp/fruit.csv");
  const reader: SessionInfo = { ...session, is_admin: false, grants: [{ object: "company", right: "view" }] };
  const { rerender } = render(<Fruits session={reader} exportAs={exportAs} testIds={{ notice: "fruit-notice" }} />);
  expect(screen.queryByRole("button", { name: "Export CSV" })).toBeNull();
  const exporter = { ...reader, grants: [...reader.grants, { object: "company" as const, right: "export" as const }] };
  rerender(<Fruits session={exporter} exportAs={exportAs} testIds={{ notice: "fruit-notice" }} />);
  const user = userEvent.setup();
  await user.type(screen.getByTestId("fruit-filter"), "mango");
  await user.click(screen.getByLabelText("Select Mango"));
  await user.click(screen.getByRole("button", { name: "Export CSV" }));
  expect(await screen.findByTestId("fruit-notice")).toHaveTextContent("Saved to /tmp/fruit.csv");
  expect(exportAs).toHaveBeenCalledWith("csv", { ids: [4], shown: [FRUITS[3]] });
});

test("until the rows arrive the count says so; then an empty list and a filter matching nothing say which it is", async () => {
  const { rerender } = render(<Fruits rows={undefined} testIds={{ empty: "no-fruit" }} />);
  expect(screen.getByTestId("fruit-count")).toHaveTextContent("Loading…");
  expect(screen.queryByTestId("no-fruit")).toBeNull();
  rerender(<Fruits rows={[]} testIds={{ empty: "no-fruit" }} />);
  expect(screen.getByTestId("no-fruit")).toHaveTextContent("No entries yet.");
  rerender(<Fruits testIds={{ empty: "no-fruit" }} />);
  await userEvent.setup().type(screen.getByTestId("fruit-filter"), "kiwi");
  expect(screen.getByTestId("no-fruit")).toHaveTextContent("No entry matches the filter.");
});

test("in the virtual layout a click or Enter opens a row, Space selects it, and the checkbox does not open it", async () => {
  const onOpen = vi.fn();
  render(<Fruits layout="virtual" onOpen={onOpen} />);
  const user = userEvent.setup();
  const table = screen.getByRole("table", { name: "Fruit" });
  await user.click(within(table).getByText("Mango"));
  expect(onOpen).toHaveBeenLastCalledWith(FRUITS[3]);
  const banana = document.querySelector<HTMLElement>("[data-fruit='banana']")!;
  banana.focus();
  await user.keyboard("{Enter}");
  expect(onOpen).toHaveBeenLastCalledWith(FRUITS[0]);
  await user.keyboard(" ");
  expect(banana).toHaveAttribute("aria-selected", "true");
  await user.click(screen.getByLabelText("Select Mango"));
  expect(onOpen).toHaveBeenCalledTimes(2);
  expect(screen.getByTestId("chosen")).toHaveTextContent("1,4");
});

test("a virtual list is as narrow as its columns' minimum widths allow, never as wide as its longest text", () => {
  expect(minimumWidth("36px minmax(220px, 3fr) minmax(100px, 0.8fr) 160px")).toBe("calc(516px + 2.4rem + 1.2rem)");
  expect(minimumWidth("36px minmax(110px, 1fr)")).toBe("calc(146px + 0.8rem + 1.2rem)");
});

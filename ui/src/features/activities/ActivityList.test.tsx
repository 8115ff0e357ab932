import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { ActivityRow } from "../../bindings/ActivityRow";
import { switchLanguage } from "../../i18n";
import { clearMocks, mockCommands, session } from "../../test/ipc";
import { renderWithData } from "../../test/render";
import { ActivityList } from "./ActivityList";

// A virtual list with a view of 20 rows that the test scrolls: jsdom has no layout of its own.
const view = vi.hoisted(() => ({ first: 0, rerender: () => undefined as void }));
vi.mock("@tanstack/react-virtual", async () => {
  const { useState } = await import("react");
  return {
    useVirtualizer: ({ count, estimateSize }: { count: number; estimateSize: () => number }) => {
      const [, setTick] = useState(0);
      view.rerender = () => setTick((n) => n + 1);
      const first = Math.min(view.first, Math.max(count - 20, 0));
      return {
        getTotalSize: () => count * estimateSize(),
        getVirtualItems: () =>
          Array.from({ length: Math.min(20, count - first) }, (_, i) => ({
            index: first + i,
            key: first + i,
            start: (first + i) * estimateSize(),
            size: estimateSize(),
          })),
        scrollToOffset: () => undefined,
      };
    },
  };
});

beforeEach(() => {
  view.first = 0;
  return switchLanguage("en");
});
afterEach(() => clearMocks());

const TOTAL = 20_000;
const row = (index: number): ActivityRow => ({
  id: index + 1,
  name: `Verarbeitung ${String(index + 1).padStart(5, "0")}`,
  company_name: "Schmidt GmbH",
  area_id: 1,
  area_name: "Personal",
  status: "active",
  role: "controller",
  responsible: "",
  editor_name: null,
  dpia_required: "unchecked",
  review_planned: null,
  dpia_check: null,
  updated_at: "2026-03-02T09:00:00Z",
});
const noop = () => undefined;
const props = {
  session,
  tenantId: 7,
  onError: () => false,
  navigate: noop,
  openRecord: noop,
  onOpen: noop,
  onNew: noop,
};

test("a list of 20,000 asks the core only for the windows in view and reaches its last row", async () => {
  const calls = mockCommands({
    activity_window: (args) => {
      const offset = args.offset as number;
      const end = Math.min(offset + (args.limit as number), TOTAL);
      return { total: TOTAL, offset, rows: Array.from({ length: end - offset }, (_, i) => row(offset + i)) };
    },
    activity_ids: () => Array.from({ length: TOTAL }, (_, i) => i + 1),
    editors: () => [],
    areas: () => [],
    master_items: () => [],
  });
  renderWithData(<ActivityList {...props} />);
  expect(await screen.findByText("20000 activities")).toBeInTheDocument();
  expect(await screen.findByText("Verarbeitung 00001")).toBeInTheDocument();
  const windows = () => calls.filter((c) => c.cmd === "activity_window").map((c) => c.args.offset);
  expect(windows()).toEqual([0]);
  expect(document.querySelectorAll("[data-activity]")).toHaveLength(20);

  // Scrolled to the end: the last window is asked for, nothing between.
  act(() => {
    view.first = TOTAL - 20;
    view.rerender();
  });
  expect(await screen.findByText("Verarbeitung 20000")).toBeInTheDocument();
  expect(windows()).toEqual([0, 19_800]);

  // "Select all" takes every id of the list from the core, not only the rows loaded.
  const user = userEvent.setup();
  await user.click(screen.getByTestId("select-all"));
  await waitFor(() => expect(screen.getByTestId("bulk-bar")).toHaveTextContent("20000 selected"));
  expect(calls.filter((c) => c.cmd === "activity_ids")).toHaveLength(1);
});

test("a row whose window is still on its way shows as waiting, not as a gap", async () => {
  let answer: (() => void) | null = null;
  mockCommands({
    activity_window: (args) => {
      const offset = args.offset as number;
      const rows = Array.from({ length: 200 }, (_, i) => row(offset + i));
      if (offset === 0) return { total: TOTAL, offset, rows };
      return new Promise((resolve) => {
        answer = () => resolve({ total: TOTAL, offset, rows });
      });
    },
    editors: () => [],
    areas: () => [],
    master_items: () => [],
  });
  renderWithData(<ActivityList {...props} />);
  await screen.findByText("Verarbeitung 00001");
  act(() => {
    view.first = 10_000;
    view.rerender();
  });
  await waitFor(() => expect(document.querySelectorAll("[aria-busy='true']")).toHaveLength(20));
  expect(screen.getByText("20000 activities")).toBeInTheDocument();
  await waitFor(() => expect(answer).not.toBeNull());
  act(() => answer?.());
  expect(await screen.findByText("Verarbeitung 10001")).toBeInTheDocument();
  expect(document.querySelectorAll("[aria-busy='true']")).toHaveLength(0);
});

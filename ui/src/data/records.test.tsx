import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClientProvider } from "@tanstack/react-query";
import { useLayoutEffect } from "react";
import { createRoot } from "react-dom/client";
import { beforeEach, expect, test, vi } from "vitest";
import { CommandError } from "../api";
import { switchLanguage } from "../i18n";
import { renderWithData } from "../test/render";
import { createQueryClient, recordKeys, useRecords, useRecordsChanged, type RecordKind } from "./records";

beforeEach(() => switchLanguage("en"));

type Loads = Record<string, ReturnType<typeof vi.fn<() => Promise<string>>>>;

/** Screens open at once, as the shell can show them: lists and tiles of tenant 7 (one of a new domain), the areas of tenant 8. */
function Screens({ loads, kind, tenantId }: { loads: Loads; kind: RecordKind; tenantId: number | null }) {
  const areas = useRecords(recordKeys.areas(7), loads.areas, () => false);
  const companyAreas = useRecords([...recordKeys.areas(7), "or-none"], loads.companyAreas, () => false);
  const tiles = useRecords(recordKeys.tenantOverview(7), loads.tiles, () => false);
  const masterItems = useRecords(recordKeys.masterItems(7, "recipient"), loads.masterItems, () => false);
  const toms = useRecords(["toms", 7], loads.toms, () => false);
  const otherTenant = useRecords(recordKeys.areas(8), loads.otherTenant, () => false);
  const changed = useRecordsChanged();
  return (
    <>
      <p data-testid="shown">
        {[areas, companyAreas, tiles, masterItems, toms, otherTenant].map((r) => r.data).join(" ")}
      </p>
      <button type="button" onClick={() => void changed(kind, tenantId)}>
        change
      </button>
    </>
  );
}

function loads(): Loads {
  let round = 0;
  const load = (name: string) => vi.fn(async () => `${name}${round}`);
  return {
    areas: load("areas"),
    companyAreas: load("companyAreas"),
    tiles: load("tiles"),
    masterItems: load("masterItems"),
    toms: load("toms"),
    otherTenant: load("other"),
    next: vi.fn(async () => {
      round += 1;
      return "";
    }),
  };
}

test("a new area reloads the open area list, the companies' areas and the tiles of its tenant, and nothing else", async () => {
  const load = loads();
  renderWithData(<Screens loads={load} kind="areas" tenantId={7} />);
  expect(await screen.findByText("areas0 companyAreas0 tiles0 masterItems0 toms0 other0")).toBeInTheDocument();
  await load.next();
  await userEvent.setup().click(screen.getByText("change"));
  expect(await screen.findByText("areas1 companyAreas1 tiles1 masterItems0 toms0 other0")).toBeInTheDocument();
  expect(load.otherTenant).toHaveBeenCalledTimes(1);
  expect(load.masterItems).toHaveBeenCalledTimes(1);
  expect(load.toms).toHaveBeenCalledTimes(1);
});

test("a restore from the trash reloads every open list of every tenant", async () => {
  const load = loads();
  renderWithData(<Screens loads={load} kind="all" tenantId={null} />);
  await screen.findByText("areas0 companyAreas0 tiles0 masterItems0 toms0 other0");
  await load.next();
  await userEvent.setup().click(screen.getByText("change"));
  expect(await screen.findByText("areas1 companyAreas1 tiles1 masterItems1 toms1 other1")).toBeInTheDocument();
});

test("a new domain's own kind reloads its lists and the tiles without a line in the table of kinds", async () => {
  const load = loads();
  renderWithData(<Screens loads={load} kind="toms" tenantId={7} />);
  await screen.findByText("areas0 companyAreas0 tiles0 masterItems0 toms0 other0");
  await load.next();
  await userEvent.setup().click(screen.getByText("change"));
  expect(await screen.findByText("areas0 companyAreas0 tiles1 masterItems0 toms1 other0")).toBeInTheDocument();
});

function Failing({ claim }: { claim: boolean }) {
  const failed = useRecords(
    ["areas", 7],
    () => Promise.reject(new CommandError({ code: "permission_denied", message: "no", params: {}, problems: [] })),
    () => claim,
  );
  return <p data-testid="failure">{`${failed.error ?? "none"} / ${failed.code ?? "no code"}`}</p>;
}

test("a refused load shows its translated reason and code; one the shell takes over (an ended session) shows nothing", async () => {
  const { unmount } = renderWithData(<Failing claim={false} />);
  await waitFor(() =>
    expect(screen.getByTestId("failure")).toHaveTextContent(
      "You do not have permission to do this. / permission_denied",
    ),
  );
  unmount();
  renderWithData(<Failing claim />);
  await waitFor(() => expect(screen.getByTestId("failure")).toHaveTextContent("none / permission_denied"));
});

test("records are asked for at the commit, before the browser paints, and once however many screens show them", async () => {
  const load = vi.fn(() => Promise.resolve("Kanzlei"));
  const askedAtCommit: number[] = [];
  function Tile() {
    const tiles = useRecords(recordKeys.tenantOverview(7), load, () => false);
    return <p data-testid="tile">{tiles.data}</p>;
  }
  // A sibling's layout effect runs in the same commit, before any passive effect (where a query would start).
  function Commit() {
    useLayoutEffect(() => void askedAtCommit.push(load.mock.calls.length), []);
    return null;
  }
  renderWithData(
    <>
      <Tile />
      <Tile />
      <Commit />
    </>,
  );
  expect(askedAtCommit).toEqual([1]);
  await waitFor(() => expect(screen.getAllByTestId("tile").map((t) => t.textContent)).toEqual(["Kanzlei", "Kanzlei"]));
  expect(load).toHaveBeenCalledTimes(1);
});

test("a screen reads once, even when the answer is in before React subscribes the query, and a refusal is claimed once", async () => {
  const load = vi.fn(() => Promise.resolve("Kanzlei"));
  const refused = vi.fn(() =>
    Promise.reject(new CommandError({ code: "permission_denied", message: "no", params: {}, problems: [] })),
  );
  const onError = vi.fn(() => false);
  function Tile() {
    const tiles = useRecords(recordKeys.tenantOverview(7), load, onError);
    const toms = useRecords(recordKeys.toms(7), refused, onError);
    return (
      <p>
        {tiles.data} {toms.error}
      </p>
    );
  }
  // Outside act(), as in the window: passive effects (where the query subscribes) run in a later task than the
  // commit, after an answer that came quickly.
  const env = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  const actEnvironment = env.IS_REACT_ACT_ENVIRONMENT;
  env.IS_REACT_ACT_ENVIRONMENT = false;
  const container = document.body.appendChild(document.createElement("div"));
  const root = createRoot(container);
  try {
    root.render(
      <QueryClientProvider client={createQueryClient()}>
        <Tile />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(container.textContent).toMatch(/^Kanzlei You do not have permission/));
    await new Promise((settled) => setTimeout(settled, 100));
    expect(load).toHaveBeenCalledTimes(1);
    expect(refused).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledTimes(1);
  } finally {
    root.unmount();
    container.remove();
    env.IS_REACT_ACT_ENVIRONMENT = actEnvironment;
  }
});

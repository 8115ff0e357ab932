import { screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { DocumentRow } from "../../bindings/DocumentRow";
import type { Folder } from "../../bindings/Folder";
import { switchLanguage } from "../../i18n";
import { clearMocks, mockCommands, session } from "../../test/ipc";
import { renderWithData } from "../../test/render";

/** What the webview reports while files are dragged from the desktop, captured so a test can play it. */
type DragDrop = { type: "enter" | "over" | "drop" | "leave"; paths?: string[]; position: { x: number; y: number } };
let report: ((event: { payload: DragDrop }) => void) | null = null;
vi.mock("@tauri-apps/api/webview", () => ({
  getCurrentWebview: () => ({
    onDragDropEvent: (handler: (event: { payload: DragDrop }) => void) => {
      report = handler;
      return Promise.resolve(() => {
        report = null;
      });
    },
  }),
}));

const { Documents } = await import("./Documents");

beforeEach(() => switchLanguage("en"));
/** jsdom lays nothing out: the element under the pointer is the test's to say. */
function pointAt(find: (x: number, y: number) => Element | null) {
  const at = vi.fn(find);
  Object.defineProperty(document, "elementFromPoint", { value: at, configurable: true });
  return at;
}

afterEach(() => {
  clearMocks();
  Reflect.deleteProperty(document, "elementFromPoint");
});

const FOLDERS: Folder[] = [
  { id: 1, tenant_id: 7, parent_id: null, name: "Verträge", path: "/Verträge", document_count: 0 },
  { id: 2, tenant_id: 7, parent_id: null, name: "Nachweise", path: "/Nachweise", document_count: 0 },
];
const noop = () => undefined;

test("files dropped from the desktop onto a folder are added to that folder, which lights up while they hover", async () => {
  const calls = mockCommands({
    documents: () => ({ folders: FOLDERS, documents: [], storage: { used: 0, quota: null } }),
    add_dropped_documents: ({ paths, folderId }) =>
      paths.map((p, i) => {
        const name = p.slice(p.lastIndexOf("/") + 1);
        const document: DocumentRow = {
          id: 10 + i,
          tenant_id: 7,
          folder_id: folderId,
          folder_path: "/Nachweise",
          name,
          description: "",
          tags: [],
          version: 1,
          size: 1024,
          media_type: "application/pdf",
          updated_at: "2026-03-02T09:00:00Z",
          updated_by: "Anna Meier",
        };
        return { file_name: name, added: { document, new_document: true }, error: null };
      }),
  });
  renderWithData(<Documents session={session} tenantId={7} onError={() => false} navigate={noop} openRecord={noop} />);
  const target = await screen.findByRole("button", { name: /Nachweise/ });
  await waitFor(() => expect(report).not.toBeNull());
  // The webview gives the pointer in physical pixels; the folder under it is the one found there.
  window.devicePixelRatio = 2;
  const at = pointAt((x, y) => (x === 150 && y === 60 ? target : null));

  report!({ payload: { type: "over", position: { x: 300, y: 120 } } });
  await waitFor(() => expect(target.className).toContain("drop-over"));
  report!({
    payload: { type: "drop", paths: ["/home/anna/AVV.pdf", "/home/anna/Richtlinie.pdf"], position: { x: 300, y: 120 } },
  });

  await waitFor(() => expect(calls.some((c) => c.cmd === "add_dropped_documents")).toBe(true));
  const call = calls.find((c) => c.cmd === "add_dropped_documents")!;
  expect(call.args).toMatchObject({
    tenantId: 7,
    folderId: 2,
    paths: ["/home/anna/AVV.pdf", "/home/anna/Richtlinie.pdf"],
  });
  expect(at).toHaveBeenCalledWith(150, 60);
  expect(await screen.findByText("2 files added.")).toBeInTheDocument();
  expect(target.className).not.toContain("drop-over");
});

test("files dropped outside every folder are not added", async () => {
  const calls = mockCommands({
    documents: () => ({ folders: FOLDERS, documents: [], storage: { used: 0, quota: null } }),
  });
  renderWithData(<Documents session={session} tenantId={7} onError={() => false} navigate={noop} openRecord={noop} />);
  await screen.findByRole("button", { name: /Nachweise/ });
  await waitFor(() => expect(report).not.toBeNull());
  pointAt(() => document.body);
  report!({ payload: { type: "drop", paths: ["/home/anna/AVV.pdf"], position: { x: 5, y: 5 } } });
  await new Promise((r) => setTimeout(r, 50));
  expect(calls.some((c) => c.cmd === "add_dropped_documents")).toBe(false);
});

import { Channel } from "@tauri-apps/api/core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { Document } from "../../bindings/Document";
import type { DocumentRow } from "../../bindings/DocumentRow";
import type { DocumentVersion } from "../../bindings/DocumentVersion";
import type { Folder } from "../../bindings/Folder";
import type { SessionInfo } from "../../bindings/SessionInfo";
import type { StorageUse } from "../../bindings/StorageUse";
import { switchLanguage } from "../../i18n";
import type { AddOutcome, AddProgress } from "../../ipc/commands";
import { clearMocks, fail, mockCommands, session } from "../../test/ipc";
import { renderWithData } from "../../test/render";
import { Documents } from "./Documents";

beforeEach(() => switchLanguage("en"));
afterEach(() => clearMocks());

const MB = 1024 * 1024;
const noop = () => undefined;
const pageProps = { session, tenantId: 7, onError: () => false, navigate: noop, openRecord: noop };

const folder = (id: number, parent: number | null, path: string, count: number): Folder => ({
  id,
  tenant_id: 7,
  parent_id: parent,
  name: path.slice(path.lastIndexOf("/") + 1),
  path,
  document_count: count,
});
const FOLDERS = [
  folder(1, null, "/Verträge", 1),
  folder(2, 1, "/Verträge/2026", 1),
  folder(3, null, "/Richtlinien", 0),
];

const row = (id: number, name: string, folderId: number | null, extra: Partial<DocumentRow> = {}): DocumentRow => ({
  id,
  tenant_id: 7,
  folder_id: folderId,
  folder_path: FOLDERS.find((f) => f.id === folderId)?.path ?? "/",
  name,
  description: "",
  tags: [],
  version: 1,
  size: 420 * 1024,
  media_type: "application/pdf",
  updated_at: "2026-03-02T09:00:00Z",
  updated_by: "Anna Meier",
  ...extra,
});

/** The core's `documents`: the files directly in the folder asked for, the whole tree and the storage. */
function listing(documents: DocumentRow[], storage: () => StorageUse = () => ({ used: 1.5 * MB, quota: null })) {
  return ({ folderId }: { folderId: number | null }) => ({
    folders: FOLDERS,
    documents: documents.filter((d) => d.folder_id === folderId),
    storage: storage(),
  });
}

/** Sends a progress message through the channel the window passed, as the shell does. */
function sendProgress(channel: Channel<AddProgress>, index: number, progress: AddProgress) {
  const internals = (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } })
    .__TAURI_INTERNALS__;
  internals.runCallback(channel.id, { index, message: progress });
}

const documentNames = () =>
  [...document.querySelectorAll("[data-document]")].map((r) => r.getAttribute("data-document"));

test("the folder tree shows every folder below its parent and opening one lists that folder's files", async () => {
  const calls = mockCommands({
    documents: listing([
      row(1, "Datenschutzrichtlinie.pdf", null),
      row(2, "AVV Lohnbüro.pdf", 2),
      row(3, "Rahmenvertrag.pdf", 1),
    ]),
  });
  const lastListing = () => calls.filter((c) => c.cmd === "documents").pop()?.args;
  renderWithData(<Documents {...pageProps} />);
  const user = userEvent.setup();
  await waitFor(() => expect(documentNames()).toEqual(["Datenschutzrichtlinie.pdf"]));
  expect(calls.filter((c) => c.cmd === "documents").map((c) => c.args)).toEqual([
    { tenantId: 7, folderId: null, text: null },
  ]);
  expect(screen.getByTestId("folder-heading")).toHaveTextContent("/");

  const tree = screen.getByRole("tree");
  expect([...tree.querySelectorAll("[data-folder]")].map((b) => b.getAttribute("data-folder"))).toEqual([
    "/",
    "/Verträge",
    "/Verträge/2026",
    "/Richtlinien",
  ]);
  // A subfolder sits in its parent's group; a folder's count says how many files it holds directly.
  const contracts = tree.querySelector<HTMLElement>('[data-folder="/Verträge"]')!.closest("li")!;
  expect(within(contracts).getByRole("group")).toHaveTextContent("2026");
  expect(tree.querySelector('[data-folder="/Verträge"]')).toHaveTextContent("Verträge1");
  expect(tree.querySelector('[data-folder="/Richtlinien"]')).toHaveTextContent(/^Richtlinien$/);

  await user.click(tree.querySelector<HTMLElement>('[data-folder="/Verträge/2026"]')!);
  await waitFor(() => expect(documentNames()).toEqual(["AVV Lohnbüro.pdf"]));
  expect(lastListing()).toEqual({ tenantId: 7, folderId: 2, text: null });
  expect(screen.getByTestId("folder-heading")).toHaveTextContent("/Verträge/2026");
  expect(tree.querySelector('[data-folder="/Verträge/2026"]')).toHaveAttribute("aria-current", "true");
  expect(tree.querySelector('[data-folder="/"]')).not.toHaveAttribute("aria-current");

  await user.click(tree.querySelector<HTMLElement>('[data-folder="/Richtlinien"]')!);
  expect(await screen.findByTestId("no-documents")).toHaveTextContent(
    "This folder holds no documents. Add files with the button or drop them here.",
  );
  expect(lastListing()).toEqual({ tenantId: 7, folderId: 3, text: null });
});

test("files added by the dialog land in the open folder with progress, and each refused file shows the core's reason", async () => {
  const files = [row(3, "Rahmenvertrag.pdf", 1)];
  let channel: Channel<AddProgress> | null = null;
  let finish: (() => void) | null = null;
  const added = (name: string): AddOutcome => {
    const document = row(files.length + 10, name, 1);
    files.push(document);
    return { file_name: name, added: { document, new_document: true }, error: null };
  };
  const refusal = "the file has 80.0 MB, but only 12.5 MB of the tenant's 100.0 MB for documents are free";
  const calls = mockCommands({
    documents: listing(files),
    add_documents: (args) =>
      new Promise<AddOutcome[]>((resolve) => {
        channel = args.onProgress;
        finish = () =>
          resolve([
            added("AVV Cloud.pdf"),
            added("AVV Hosting.pdf"),
            {
              file_name: "Archiv.zip",
              added: null,
              error: { code: "validation", message: refusal, params: {}, problems: [] },
            },
          ]);
      }),
  });
  renderWithData(<Documents {...pageProps} />);
  const user = userEvent.setup();
  await waitFor(() => expect(screen.getByTestId("document-storage")).toBeInTheDocument());
  await user.click(document.querySelector<HTMLElement>('[data-folder="/Verträge"]')!);
  await waitFor(() => expect(documentNames()).toEqual(["Rahmenvertrag.pdf"]));

  await user.click(screen.getByTestId("add-documents"));
  expect(calls.find((c) => c.cmd === "add_documents")?.args).toEqual({
    tenantId: 7,
    folderId: 1,
    title: "Add documents",
    onProgress: expect.any(Channel),
  });
  expect(screen.getByTestId("add-documents")).toBeDisabled();
  sendProgress(channel!, 0, { done: 1, total: 3, file_name: "AVV Hosting.pdf" });
  expect(await screen.findByTestId("add-progress")).toHaveTextContent("Adding 2 of 3: AVV Hosting.pdf");

  finish!();
  expect(await screen.findByTestId("document-notice")).toHaveTextContent("2 files added.");
  expect(screen.queryByTestId("add-progress")).not.toBeInTheDocument();
  const refused = screen.getByTestId("document-refused");
  expect(refused).toHaveTextContent("One file was not added:");
  expect(
    within(refused)
      .getAllByRole("listitem")
      .map((li) => li.textContent),
  ).toEqual([`Archiv.zip: ${refusal}`]);
  // The folder is read again with the new files.
  await waitFor(() => expect(documentNames()).toEqual(["Rahmenvertrag.pdf", "AVV Cloud.pdf", "AVV Hosting.pdf"]));
});

test("a document's page lists its versions newest first and makes an older one current again only after asking", async () => {
  const version = (n: number, file: string, restoredFrom: number | null = null): DocumentVersion => ({
    id: 100 + n,
    version: n,
    file_name: file,
    media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    size: n * MB,
    sha256: "00",
    added_at: `2026-03-0${n}T10:00:00Z`,
    added_by: "Ben Weber",
    restored_from: restoredFrom,
  });
  let versions = [version(3, "VVT v3.docx"), version(2, "VVT v2.docx"), version(1, "VVT Entwurf.docx")];
  const base = row(5, "Verarbeitungsverzeichnis.docx", null, {
    media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  });
  const documentOf = (): Document => ({
    ...base,
    version: versions[0].version,
    size: versions[0].size,
    versions,
    links: [{ object: "processing_activity", id: 4, label: "Lohnabrechnung" }],
  });
  const calls = mockCommands({
    documents: listing([base]),
    document: () => documentOf(),
    companies: () => [],
    restore_document_version: ({ version: restored }) => {
      const again = version(4, "VVT Entwurf.docx", restored);
      versions = [again, ...versions];
      return again;
    },
  });
  renderWithData(<Documents {...pageProps} />);
  const user = userEvent.setup();
  await user.click(await screen.findByRole("button", { name: "Verarbeitungsverzeichnis.docx" }));
  expect(await screen.findByTestId("document-title")).toHaveTextContent("Verarbeitungsverzeichnis.docx");
  expect(calls.find((c) => c.cmd === "document")?.args).toEqual({ id: 5 });
  expect(screen.getByText("Version 3, 3.0 MB")).toBeInTheDocument();
  expect(screen.getByTestId("document-links")).toHaveTextContent("Processing activity: Lohnabrechnung");

  const rows = () => [...screen.getByTestId("document-versions").querySelectorAll<HTMLElement>("tr[data-version]")];
  expect(rows().map((r) => r.dataset.version)).toEqual(["3", "2", "1"]);
  expect(rows()[0]).toHaveTextContent("3current");
  expect(rows()[2]).toHaveTextContent("VVT Entwurf.docx");
  // The current version cannot be made current again; the older ones can.
  expect(within(rows()[0]).queryByTestId("restore-document-version")).not.toBeInTheDocument();
  expect(within(rows()[1]).getByTestId("restore-document-version")).toHaveTextContent("Make current again");

  await user.click(within(rows()[2]).getByTestId("restore-document-version"));
  expect(within(rows()[2]).getByRole("group")).toHaveTextContent(
    "Save version 1 again as the newest version? The current one stays in the list.",
  );
  expect(calls.some((c) => c.cmd === "restore_document_version")).toBe(false);
  await user.click(screen.getByTestId("confirm-restore-document-version"));
  expect(await screen.findByTestId("document-notice")).toHaveTextContent("Version 1 is current again, as version 4.");
  expect(calls.find((c) => c.cmd === "restore_document_version")?.args).toEqual({ id: 5, version: 1 });
  await waitFor(() => expect(rows().map((r) => r.dataset.version)).toEqual(["4", "3", "2", "1"]));
  expect(rows()[0]).toHaveTextContent("4current");
  expect(rows()[0]).toHaveTextContent("restored from version 1");
  expect(screen.getByText("Version 4, 4.0 MB")).toBeInTheDocument();
});

test("an administrator sets the quota in MB, sees the core refuse one of 0 and removes it again by leaving it empty", async () => {
  let storage: StorageUse = { used: 1.5 * MB, quota: null };
  const calls = mockCommands({
    documents: listing([], () => storage),
    set_document_quota: ({ quota }) => {
      if (quota !== null && quota <= 0) fail("validation", "a quota is more than 0 bytes", { field: "quota" });
      storage = { ...storage, quota };
      return storage;
    },
  });
  renderWithData(<Documents {...pageProps} />);
  const user = userEvent.setup();
  expect(await screen.findByTestId("document-storage")).toHaveTextContent("Storage: 1.5 MB used, no limit");

  await user.click(screen.getByTestId("document-quota"));
  const input = screen.getByLabelText("Quota in MB");
  expect(input).toHaveValue("");
  expect(input).toHaveFocus();
  await user.type(input, "250");
  await user.click(screen.getByTestId("save-quota"));
  expect(await screen.findByTestId("document-notice")).toHaveTextContent(
    "The documents of this tenant may now take 250.0 MB.",
  );
  expect(calls.filter((c) => c.cmd === "set_document_quota").map((c) => c.args)).toEqual([
    { tenantId: 7, quota: 250 * MB },
  ]);
  expect(screen.queryByTestId("quota-form")).not.toBeInTheDocument();
  await waitFor(() =>
    expect(screen.getByTestId("document-storage")).toHaveTextContent(
      "Storage: 1.5 MB of 250.0 MB used (248.5 MB free)",
    ),
  );

  // The form starts from the quota set; the core's refusal shows at the field and the form stays open.
  await user.click(screen.getByTestId("document-quota"));
  expect(screen.getByLabelText("Quota in MB")).toHaveValue("250");
  await user.clear(screen.getByLabelText("Quota in MB"));
  await user.type(screen.getByLabelText("Quota in MB"), "0");
  await user.click(screen.getByTestId("save-quota"));
  expect(await screen.findByText("a quota is more than 0 bytes")).toBeInTheDocument();
  expect(screen.getByLabelText("Quota in MB")).toHaveAttribute("aria-invalid", "true");
  expect(screen.getByTestId("document-storage")).toHaveTextContent("of 250.0 MB");

  // Empty means no limit.
  await user.clear(screen.getByLabelText("Quota in MB"));
  await user.click(screen.getByTestId("save-quota"));
  expect(await screen.findByTestId("document-notice")).toHaveTextContent(
    "The documents of this tenant have no quota any more.",
  );
  expect(calls.filter((c) => c.cmd === "set_document_quota").map((c) => c.args)).toEqual([
    { tenantId: 7, quota: 250 * MB },
    { tenantId: 7, quota: 0 },
    { tenantId: 7, quota: null },
  ]);
  await waitFor(() =>
    expect(screen.getByTestId("document-storage")).toHaveTextContent("Storage: 1.5 MB used, no limit"),
  );
});

test("a quota that is no number is not sent", async () => {
  const calls = mockCommands({ documents: listing([]) });
  renderWithData(<Documents {...pageProps} />);
  const user = userEvent.setup();
  await user.click(await screen.findByTestId("document-quota"));
  await user.type(screen.getByLabelText("Quota in MB"), "viel");
  await user.click(screen.getByTestId("save-quota"));
  expect(
    await screen.findByText("Enter the quota as a number of megabytes, or leave the field empty for no limit."),
  ).toBeInTheDocument();
  expect(calls.some((c) => c.cmd === "set_document_quota")).toBe(false);
});

test("someone who is no administrator sees the storage but no way to set the quota", async () => {
  const reader: SessionInfo = { ...session, is_admin: false, grants: [{ object: "document", right: "view" }] };
  mockCommands({ documents: listing([], () => ({ used: 3 * MB, quota: 100 * MB })) });
  renderWithData(<Documents {...pageProps} session={reader} />);
  expect(await screen.findByTestId("document-storage")).toHaveTextContent(
    "Storage: 3.0 MB of 100.0 MB used (97.0 MB free)",
  );
  expect(screen.queryByTestId("document-quota")).not.toBeInTheDocument();
  expect(screen.queryByTestId("add-documents")).not.toBeInTheDocument();
});

import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { DocumentRow } from "../../bindings/DocumentRow";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { formatDateTime } from "../../format";
import { switchLanguage } from "../../i18n";
import { clearMocks, mockCommands, session } from "../../test/ipc";
import { renderWithData } from "../../test/render";
import { LinkedDocuments } from "./LinkedDocuments";

beforeEach(() => switchLanguage("en"));
afterEach(() => clearMocks());

const row = (id: number, name: string, version: number, updatedAt: string): DocumentRow => ({
  id,
  tenant_id: 7,
  folder_id: 2,
  folder_path: "/Verträge",
  name,
  description: "",
  tags: ["AVV"],
  version,
  size: 420 * 1024,
  media_type: "application/pdf",
  updated_at: updatedAt,
  updated_by: "Anna Meier",
});

function renderLinked(user: SessionInfo = session) {
  const openRecord = vi.fn();
  const { container } = renderWithData(
    <LinkedDocuments
      session={user}
      tenantId={7}
      object="tom"
      recordId={12}
      openRecord={openRecord}
      onError={() => false}
    />,
  );
  return { openRecord, container };
}

const items = () => [...document.querySelectorAll<HTMLElement>("[data-linked-document]")];

test("a record's form lists the documents that prove it with version and date, and one opens on the Documents page", async () => {
  const calls = mockCommands({
    documents_of: () => [
      row(31, "Schließplan.pdf", 3, "2026-02-20T13:40:00Z"),
      row(32, "Prüfprotokoll Brandschutz.pdf", 1, "2026-03-01T10:05:00Z"),
    ],
  });
  const { openRecord } = renderLinked();
  const user = userEvent.setup();
  await waitFor(() => expect(items()).toHaveLength(2));
  expect(calls).toEqual([{ cmd: "documents_of", args: { object: "tom", recordId: 12 } }]);
  expect(screen.getByRole("heading", { name: "Documents" })).toBeInTheDocument();
  expect(items()[0]).toHaveTextContent(`Schließplan.pdfVersion 3 · ${formatDateTime("2026-02-20T13:40:00Z")}`);
  expect(items()[1]).toHaveTextContent(
    `Prüfprotokoll Brandschutz.pdfVersion 1 · ${formatDateTime("2026-03-01T10:05:00Z")}`,
  );
  expect(screen.queryByTestId("no-linked-documents")).not.toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "Prüfprotokoll Brandschutz.pdf" }));
  expect(openRecord).toHaveBeenCalledWith("documents", 32, 7);
});

test("a record no document proves says so", async () => {
  mockCommands({ documents_of: () => [] });
  renderLinked();
  expect(await screen.findByTestId("no-linked-documents")).toHaveTextContent("No documents prove this record yet.");
  expect(items()).toEqual([]);
});

test("without the right to see documents the form shows no documents and does not ask for them", () => {
  const reader: SessionInfo = { ...session, is_admin: false, grants: [{ object: "tom", right: "view" }] };
  const calls = mockCommands({ documents_of: () => [row(31, "Schließplan.pdf", 3, "2026-02-20T13:40:00Z")] });
  const { container } = renderLinked(reader);
  expect(container).toBeEmptyDOMElement();
  expect(calls).toEqual([]);
});

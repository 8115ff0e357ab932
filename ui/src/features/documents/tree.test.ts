import { describe, expect, it } from "vitest";
import type { Folder } from "../../bindings/Folder";
import { buildTree, parseTags, previewKind, subtreeIds } from "./tree";

const folder = (id: number, parent_id: number | null, path: string): Folder => ({
  id,
  tenant_id: 1,
  parent_id,
  name: path.split("/").pop()!,
  path,
  document_count: 0,
});

describe("the folder tree", () => {
  const flat = [folder(1, null, "/Verträge"), folder(2, 1, "/Verträge/2026"), folder(3, 9, "/Hidden/Personal")];

  it("nests folders under their parents and keeps folders of a hidden parent at the top", () => {
    const tree = buildTree(flat);
    expect(tree.map((n) => n.path)).toEqual(["/Verträge", "/Hidden/Personal"]);
    expect(tree[0].children.map((n) => n.path)).toEqual(["/Verträge/2026"]);
  });

  it("knows a folder's subtree so it is never offered as its own new parent", () => {
    expect([...subtreeIds(flat, 1)].sort()).toEqual([1, 2]);
  });
});

describe("tags and previews", () => {
  it("splits typed tags at commas and semicolons", () => {
    expect(parseTags(" AVV, Lohn;; 2026 ")).toEqual(["AVV", "Lohn", "2026"]);
  });

  it("shows PDFs, pictures and text inside the window and nothing else", () => {
    expect(previewKind("application/pdf")).toBe("pdf");
    expect(previewKind("image/png")).toBe("image");
    expect(previewKind("text/plain")).toBe("text");
    expect(previewKind("application/vnd.openxmlformats-officedocument.wordprocessingml.document")).toBeNull();
  });
});

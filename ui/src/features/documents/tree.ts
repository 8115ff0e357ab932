import type { Folder } from "../../bindings/Folder";

/** A folder with the folders below it, for the tree. */
export type FolderNode = Folder & { children: FolderNode[] };

/** The flat list the core sends (ordered by path) as a tree; folders whose parent the user cannot see become
 * roots, so a restricted role still reaches what it may see. */
export function buildTree(folders: Folder[]): FolderNode[] {
  const nodes = new Map<number, FolderNode>(folders.map((f) => [f.id, { ...f, children: [] }]));
  const roots: FolderNode[] = [];
  for (const folder of folders) {
    const node = nodes.get(folder.id)!;
    const parent = folder.parent_id === null ? undefined : nodes.get(folder.parent_id);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The folder and every folder below it, to exclude from "move to". */
export function subtreeIds(folders: Folder[], id: number): Set<number> {
  const root = folders.find((f) => f.id === id);
  if (!root) return new Set();
  return new Set(folders.filter((f) => f.path === root.path || f.path.startsWith(`${root.path}/`)).map((f) => f.id));
}

/** Tags as typed ("AVV, Lohn; 2026") as a list. */
export function parseTags(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/** What the preview can show inside the window. */
export function previewKind(mediaType: string): "pdf" | "image" | "text" | null {
  if (mediaType === "application/pdf") return "pdf";
  if (/^image\/(png|jpeg|gif|webp|bmp|svg\+xml)$/.test(mediaType)) return "image";
  if (mediaType.startsWith("text/")) return "text";
  return null;
}

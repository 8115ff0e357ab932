import { useTranslation } from "react-i18next";
import type { Folder } from "../../bindings/Folder";
import { buildTree, type FolderNode } from "./tree";
import type { DropTarget } from "./useFileDrop";

/** The tenant's folders as a tree; each folder is a place to drop files onto. */
export function FolderTree({
  folders,
  current,
  dropOver,
  onOpen,
}: {
  folders: Folder[];
  current: number | null;
  dropOver: DropTarget;
  onOpen: (id: number | null) => void;
}) {
  const { t } = useTranslation();
  const tree = buildTree(folders);
  const item = (node: FolderNode) => (
    <li key={node.id} role="treeitem" aria-expanded={node.children.length > 0 ? true : undefined}>
      <button
        type="button"
        className={`folder-button${current === node.id ? " current" : ""}${dropOver === node.id ? " drop-over" : ""}`}
        data-folder={node.path}
        data-drop-folder={node.id}
        aria-current={current === node.id ? "true" : undefined}
        onClick={() => onOpen(node.id)}
      >
        <span className="folder-name">{node.name}</span>
        {node.document_count > 0 && <span className="folder-count">{node.document_count}</span>}
      </button>
      {node.children.length > 0 && <ul role="group">{node.children.map(item)}</ul>}
    </li>
  );
  return (
    <nav className="folder-tree card" aria-label={t("documents.folders")}>
      <ul role="tree">
        <li role="treeitem">
          <button
            type="button"
            className={`folder-button${current === null ? " current" : ""}${dropOver === "root" ? " drop-over" : ""}`}
            data-folder="/"
            data-drop-folder="root"
            aria-current={current === null ? "true" : undefined}
            onClick={() => onOpen(null)}
          >
            <span className="folder-name">{t("documents.root")}</span>
          </button>
          {tree.length > 0 && <ul role="group">{tree.map(item)}</ul>}
        </li>
      </ul>
    </nav>
  );
}

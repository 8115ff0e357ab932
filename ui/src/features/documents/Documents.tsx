import { Channel } from "@tauri-apps/api/core";
import { useCallback, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { DocumentRow } from "../../bindings/DocumentRow";
import type { AddOutcome, AddProgress } from "../../ipc/commands";
import { Alert } from "../../components/Alert";
import { ConfirmInline } from "../../components/ConfirmInline";
import { NoPermission, NoTenant } from "../../components/NoPermission";
import { useRecords, useRecordsChanged } from "../../data/records";
import { formatDateTime, formatSize } from "../../format";
import type { PageProps } from "../../screens/page";
import { useAction } from "../../useAction";
import { DocumentPanel } from "./DocumentPanel";
import { FolderTree } from "./FolderTree";
import { QuotaSetting, Storage } from "./Storage";
import { subtreeIds } from "./tree";
import { useFileDrop } from "./useFileDrop";

/** Documents of the current tenant (SPEC §11): the folder tree, a folder's files, one document with its versions. */
export function Documents(props: PageProps & { initialId?: number }) {
  if (props.tenantId === null) return <NoTenant />;
  if (!can(props.session, "document", "view")) return <NoPermission />;
  return <DocumentsPage key={props.tenantId} {...props} tenantId={props.tenantId} />;
}

type FolderForm = { kind: "new" } | { kind: "rename"; name: string } | { kind: "move" } | { kind: "delete" } | null;

function DocumentsPage(props: PageProps & { tenantId: number; initialId?: number }) {
  const { session, tenantId, onError } = props;
  const { t } = useTranslation();
  const [folderId, setFolderId] = useState<number | null>(null);
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState<string | null>(null);
  const [openId, setOpenId] = useState<number | null>(props.initialId ?? null);
  const [folderForm, setFolderForm] = useState<FolderForm>(null);
  const [folderName, setFolderName] = useState("");
  const [moveTo, setMoveTo] = useState("root");
  const [progress, setProgress] = useState<AddProgress | null>(null);
  const [outcomes, setOutcomes] = useState<AddOutcome[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction(onError);
  const changedRecords = useRecordsChanged();
  const changed = useCallback(() => changedRecords("documents", tenantId), [changedRecords, tenantId]);
  const listing = useRecords(
    ["documents", tenantId, folderId, search],
    () => api.documents(tenantId, folderId, search),
    onError,
    { keepPrevious: true },
  );
  const folders = listing.data?.folders ?? [];
  const current = folders.find((f) => f.id === folderId) ?? null;
  const mayCreate = can(session, "document", "create");
  const mayEdit = can(session, "document", "edit");
  const mayDelete = can(session, "document", "delete");

  const added = (results: AddOutcome[]) => {
    setProgress(null);
    setOutcomes(results);
    const ok = results.filter((r) => r.added).length;
    if (ok > 0) setNotice(t("documents.added", { count: ok }));
    void changed();
  };
  const channel = () => {
    const progressChannel = new Channel<AddProgress>();
    progressChannel.onmessage = (p) => setProgress(p.done < p.total ? p : null);
    return progressChannel;
  };
  const addByDialog = () => {
    setNotice(null);
    setOutcomes(null);
    void action.run(async () => {
      added(await api.addDocuments(tenantId, folderId, t("documents.addTitle"), channel()));
    });
  };
  const dropOver = useFileDrop((target, paths) => {
    if (!mayCreate) return;
    const into = target === "root" ? null : target;
    setNotice(null);
    setOutcomes(null);
    setFolderId(into);
    void action.run(async () => {
      added(await api.addDroppedDocuments(tenantId, into, paths, channel()));
    });
  });

  const submitFolder = (e: FormEvent) => {
    e.preventDefault();
    const form = folderForm;
    void action.run(async () => {
      if (form?.kind === "new") {
        const made = await api.createDocumentFolder(tenantId, folderId, folderName);
        setFolderId(made.id);
        setNotice(t("documents.folderCreated", { path: made.path }));
      } else if (form?.kind === "rename" && folderId !== null) {
        const renamed = await api.renameDocumentFolder(folderId, folderName);
        setNotice(t("documents.folderRenamed", { path: renamed.path }));
      } else if (form?.kind === "move" && folderId !== null) {
        const moved = await api.moveDocumentFolder(folderId, moveTo === "root" ? null : Number(moveTo));
        setNotice(t("documents.folderMoved", { path: moved.path }));
      }
      setFolderForm(null);
      await changed();
    });
  };
  const deleteFolder = () =>
    void action.run(async () => {
      if (folderId === null) return;
      await api.deleteDocumentFolder(folderId);
      setNotice(t("documents.folderDeleted", { path: current?.path ?? "" }));
      setFolderForm(null);
      setFolderId(current?.parent_id ?? null);
      await changed();
    });

  if (listing.code === "permission_denied") return <NoPermission />;
  if (openId !== null) {
    return (
      <DocumentPanel
        {...props}
        id={openId}
        folders={folders}
        onClose={() => setOpenId(null)}
        onChanged={changed}
        onDeleted={(name) => {
          setOpenId(null);
          setNotice(t("documents.deleted", { name }));
        }}
      />
    );
  }
  const excluded = folderId === null ? new Set<number>() : subtreeIds(folders, folderId);
  const refused = outcomes?.filter((o) => o.error) ?? [];
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("documents.title")}</h1>
          <p className="lead">{t("documents.intro")}</p>
        </div>
        {listing.data && (
          <div className="documents-storage">
            <Storage storage={listing.data.storage} />
            {session.is_admin && (
              <QuotaSetting
                tenantId={tenantId}
                storage={listing.data.storage}
                onError={onError}
                onSaved={async (message) => {
                  setOutcomes(null);
                  setNotice(message);
                  await changed();
                }}
              />
            )}
          </div>
        )}
      </div>
      <div className="documents-layout">
        <FolderTree
          folders={folders}
          current={folderId}
          dropOver={dropOver}
          onOpen={(id) => {
            setFolderId(id);
            setNotice(null);
            setOutcomes(null);
            setSearch(null);
            setQuery("");
            setFolderForm(null);
          }}
        />
        <section
          className={`documents-main card${dropOver !== null && dropOver === (folderId ?? "root") ? " drop-over" : ""}`}
          data-drop-folder={folderId ?? "root"}
          aria-label={t("documents.files")}
        >
          <div className="documents-toolbar">
            <h2 data-testid="folder-heading">
              {search !== null ? t("documents.searchResults", { text: search }) : (current?.path ?? "/")}
            </h2>
            <form
              className="documents-search"
              role="search"
              onSubmit={(e) => {
                e.preventDefault();
                setNotice(null);
                setSearch(query.trim() === "" ? null : query.trim());
              }}
            >
              <input
                type="search"
                value={query}
                data-testid="document-search"
                aria-label={t("documents.search")}
                placeholder={t("documents.search")}
                onChange={(e) => setQuery(e.target.value)}
              />
            </form>
            {mayCreate && (
              <button
                type="button"
                className="primary"
                data-testid="add-documents"
                disabled={action.busy}
                onClick={addByDialog}
              >
                {t("documents.add")}
              </button>
            )}
            {mayCreate && (
              <button
                type="button"
                data-testid="new-folder"
                onClick={() => {
                  setFolderName("");
                  setFolderForm({ kind: "new" });
                }}
              >
                {t("documents.newFolder")}
              </button>
            )}
            {current && mayEdit && (
              <button
                type="button"
                data-testid="rename-folder"
                onClick={() => {
                  setFolderName(current.name);
                  setFolderForm({ kind: "rename", name: current.name });
                }}
              >
                {t("documents.renameFolder")}
              </button>
            )}
            {current && mayEdit && (
              <button
                type="button"
                data-testid="move-folder"
                onClick={() => {
                  setMoveTo(String(current.parent_id ?? "root"));
                  setFolderForm({ kind: "move" });
                }}
              >
                {t("documents.moveFolder")}
              </button>
            )}
            {current && mayDelete && folderForm?.kind !== "delete" && (
              <button
                type="button"
                className="danger"
                data-testid="delete-folder"
                onClick={() => setFolderForm({ kind: "delete" })}
              >
                {t("documents.deleteFolder")}
              </button>
            )}
            {current && folderForm?.kind === "delete" && (
              <ConfirmInline
                message={t("documents.confirmDeleteFolder", { path: current.path })}
                confirmLabel={t("documents.deleteFolder")}
                confirmTestId="confirm-delete-folder"
                busy={action.busy}
                onConfirm={deleteFolder}
                onCancel={() => setFolderForm(null)}
              />
            )}
          </div>
          {(folderForm?.kind === "new" || folderForm?.kind === "rename") && (
            <form className="inline-form" onSubmit={submitFolder} data-testid="folder-form">
              <label>
                {folderForm.kind === "new" ? t("documents.folderName") : t("documents.newName")}
                <input
                  autoFocus
                  value={folderName}
                  data-testid="folder-name"
                  onChange={(e) => setFolderName(e.target.value)}
                />
              </label>
              <button type="submit" className="primary" disabled={action.busy} data-testid="save-folder">
                {folderForm.kind === "new" ? t("documents.createFolder") : t("common.save")}
              </button>
              <button type="button" onClick={() => setFolderForm(null)}>
                {t("common.cancel")}
              </button>
            </form>
          )}
          {folderForm?.kind === "move" && current && (
            <form className="inline-form" onSubmit={submitFolder} data-testid="move-form">
              <label>
                {t("documents.moveInto")}
                <select value={moveTo} data-testid="move-target" onChange={(e) => setMoveTo(e.target.value)}>
                  <option value="root">{t("documents.root")}</option>
                  {folders
                    .filter((f) => !excluded.has(f.id))
                    .map((f) => (
                      <option key={f.id} value={f.id}>
                        {f.path}
                      </option>
                    ))}
                </select>
              </label>
              <button type="submit" className="primary" disabled={action.busy} data-testid="save-move">
                {t("documents.move")}
              </button>
              <button type="button" onClick={() => setFolderForm(null)}>
                {t("common.cancel")}
              </button>
            </form>
          )}
          {progress && (
            <div className="add-progress" role="status" data-testid="add-progress">
              <span>
                {t("documents.adding", { done: progress.done + 1, total: progress.total, name: progress.file_name })}
              </span>
              <progress max={progress.total} value={progress.done} />
            </div>
          )}
          {notice && (
            <Alert kind="success" testId="document-notice">
              {notice}
            </Alert>
          )}
          {refused.length > 0 && (
            <Alert kind="error" testId="document-refused">
              <p>{t("documents.refused", { count: refused.length })}</p>
              <ul>
                {refused.map((o) => (
                  <li key={o.file_name}>
                    <strong>{o.file_name}</strong>: {o.error?.message}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          {(action.error || listing.error) && <Alert kind="error">{action.error ?? listing.error}</Alert>}
          <DocumentTable rows={listing.data?.documents ?? []} searching={search !== null} onOpen={setOpenId} />
          {listing.data && listing.data.documents.length === 0 && (
            <p className="muted" data-testid="no-documents">
              {search !== null ? t("documents.noMatch") : mayCreate ? t("documents.emptyDrop") : t("documents.empty")}
            </p>
          )}
        </section>
      </div>
    </>
  );
}

function DocumentTable({
  rows,
  searching,
  onOpen,
}: {
  rows: DocumentRow[];
  searching: boolean;
  onOpen: (id: number) => void;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <table className="documents-table" data-testid="document-list">
      <thead>
        <tr>
          <th scope="col">{t("documents.columns.name")}</th>
          {searching && <th scope="col">{t("documents.columns.folder")}</th>}
          <th scope="col">{t("documents.columns.version")}</th>
          <th scope="col">{t("documents.columns.size")}</th>
          <th scope="col">{t("documents.columns.changed")}</th>
          <th scope="col">{t("documents.columns.tags")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.id} data-document={d.name}>
            <td>
              <button type="button" className="link strong" onClick={() => onOpen(d.id)}>
                {d.name}
              </button>
              {d.description && <div className="muted small clamp">{d.description}</div>}
            </td>
            {searching && <td>{d.folder_path}</td>}
            <td>{Number(d.version)}</td>
            <td>{formatSize(Number(d.size))}</td>
            <td>
              {formatDateTime(d.updated_at)}
              <div className="muted small">{d.updated_by}</div>
            </td>
            <td>
              {d.tags.map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

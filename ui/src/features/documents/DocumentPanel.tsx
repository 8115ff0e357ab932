import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { Document } from "../../bindings/Document";
import type { DocumentInput } from "../../bindings/DocumentInput";
import type { Folder } from "../../bindings/Folder";
import { Alert } from "../../components/Alert";
import { ConfirmInline } from "../../components/ConfirmInline";
import { Field, TextArea } from "../../components/Field";
import { useRecords } from "../../data/records";
import { formatDateTime, formatSize } from "../../format";
import type { PageProps } from "../../screens/page";
import { useUnsaved } from "../../unsaved";
import { useAction } from "../../useAction";
import { LinkEditor } from "./LinkEditor";
import { Preview } from "./Preview";
import { parseTags, previewKind } from "./tree";

type Props = PageProps & {
  tenantId: number;
  id: number;
  folders: Folder[];
  onClose: () => void;
  onChanged: () => Promise<void> | void;
  onDeleted: (name: string) => void;
};

type Form = { name: string; folder: string; description: string; tags: string; links: DocumentInput["links"] };

function formOf(d: Document): Form {
  return {
    name: d.name,
    folder: d.folder_id === null ? "root" : String(d.folder_id),
    description: d.description,
    tags: d.tags.join(", "),
    links: d.links,
  };
}

/** One document: what it is and proves, its versions (open, save a copy, restore, preview) and a new version. */
export function DocumentPanel(props: Props) {
  const { session, tenantId, id, folders, onClose, onChanged, onDeleted, onError } = props;
  const { t } = useTranslation();
  const loaded = useRecords(["documents", tenantId, "one", id], () => api.document(id), onError);
  const document = loaded.data;
  const [form, setForm] = useState<Form | null>(null);
  const [baseline, setBaseline] = useState<Form | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const [confirm, setConfirm] = useState<"delete" | number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction(onError);
  const mayEdit = can(session, "document", "edit");
  const mayExport = can(session, "document", "export");
  const mayDelete = can(session, "document", "delete");
  const baselineRef = useRef<Form | null>(null);
  useEffect(() => {
    if (!document) return;
    const next = formOf(document);
    // A reload (a new version, a restore) keeps what was typed and not saved yet.
    setForm((typed) => {
      const dirtyNow = typed !== null && JSON.stringify(typed) !== JSON.stringify(baselineRef.current);
      return dirtyNow ? typed : next;
    });
    baselineRef.current = next;
    setBaseline(next);
    setShown((s) => s ?? (previewKind(document.media_type) ? Number(document.version) : null));
  }, [document]);
  const dirty = form !== null && JSON.stringify(form) !== JSON.stringify(baseline);
  useUnsaved("document-form", dirty && mayEdit);

  if (loaded.error) return <Alert kind="error">{loaded.error}</Alert>;
  if (!document || !form) return <p className="muted">{t("common.loading")}</p>;
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm({ ...form, [key]: value });
  const done = async (message: string) => {
    setNotice(message);
    await onChanged();
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    void action.run(async () => {
      const saved = await api.updateDocument(id, {
        name: form.name,
        folder_id: form.folder === "root" ? null : Number(form.folder),
        description: form.description,
        tags: parseTags(form.tags),
        links: form.links,
      });
      // The saved values as the core keeps them (tags sorted, names trimmed) are the form now.
      const next = formOf(saved);
      baselineRef.current = next;
      setBaseline(next);
      setForm(next);
      await done(t("documents.saved"));
    });
  };
  const current = Number(document.version);
  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted small">{document.folder_path}</p>
          <h1 data-testid="document-title">{document.name}</h1>
          <p className="lead">
            {t("documents.currentVersion", { version: current, size: formatSize(Number(document.size)) })}
          </p>
        </div>
        <div className="actions">
          <button type="button" data-testid="close-document" onClick={onClose}>
            {t("documents.back")}
          </button>
          <button
            type="button"
            data-testid="open-document"
            onClick={() => void action.run(() => api.openDocument(id, null))}
          >
            {t("documents.open")}
          </button>
          {mayExport && (
            <button
              type="button"
              data-testid="save-document-copy"
              onClick={() =>
                void action.run(async () => {
                  const path = await api.saveDocumentCopy(id, null, t("documents.saveTitle"));
                  if (path) setNotice(t("activities.exported", { path }));
                })
              }
            >
              {t("documents.saveCopy")}
            </button>
          )}
          {mayEdit && (
            <button
              type="button"
              data-testid="new-version"
              onClick={() =>
                void action.run(async () => {
                  const added = await api.addDocumentVersion(id, t("documents.newVersionTitle"));
                  if (added) {
                    setShown(Number(added.document.version));
                    await done(t("documents.versionAdded", { version: Number(added.document.version) }));
                  }
                })
              }
            >
              {t("documents.newVersion")}
            </button>
          )}
          {mayDelete && confirm !== "delete" && (
            <button type="button" className="danger" data-testid="delete-document" onClick={() => setConfirm("delete")}>
              {t("documents.delete")}
            </button>
          )}
          {confirm === "delete" && (
            <ConfirmInline
              message={t("documents.confirmDelete", { name: document.name })}
              confirmLabel={t("documents.delete")}
              confirmTestId="confirm-delete-document"
              busy={action.busy}
              onConfirm={() =>
                void action.run(async () => {
                  await api.deleteDocuments([id]);
                  await onChanged();
                  onDeleted(document.name);
                })
              }
              onCancel={() => setConfirm(null)}
            />
          )}
        </div>
      </div>
      {notice && (
        <Alert kind="success" testId="document-notice">
          {notice}
        </Alert>
      )}
      {action.error && <Alert kind="error">{action.error}</Alert>}
      <form className="card" onSubmit={save} data-testid="document-form">
        <fieldset disabled={!mayEdit || action.busy} className="form-grid plain">
          <Field
            label={t("documents.name")}
            name="name"
            value={form.name}
            onChange={(e) => set("name", e.target.value)}
          />
          <label className="field">
            <span>{t("documents.folder")}</span>
            <select value={form.folder} data-testid="document-folder" onChange={(e) => set("folder", e.target.value)}>
              <option value="root">{t("documents.root")}</option>
              {folders.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.path}
                </option>
              ))}
            </select>
          </label>
          <TextArea
            label={t("documents.description")}
            name="description"
            value={form.description}
            onChange={(e) => set("description", e.target.value)}
          />
          <Field
            label={t("documents.tags")}
            hint={t("documents.tagsHint")}
            name="tags"
            value={form.tags}
            onChange={(e) => set("tags", e.target.value)}
          />
        </fieldset>
        <div className="field wide">
          <span>{t("documents.links")}</span>
          <LinkEditor
            session={session}
            tenantId={tenantId}
            links={form.links}
            disabled={!mayEdit || action.busy}
            onChange={(links) => set("links", links)}
            onError={onError}
          />
        </div>
        {mayEdit && (
          <div className="actions wide">
            <button type="submit" className="primary" data-testid="save-document" disabled={action.busy || !dirty}>
              {t("common.save")}
            </button>
          </div>
        )}
      </form>
      <section className="card" data-testid="document-versions">
        <h2>{t("documents.versions")}</h2>
        <table className="documents-table">
          <thead>
            <tr>
              <th scope="col">{t("documents.columns.version")}</th>
              <th scope="col">{t("documents.columns.file")}</th>
              <th scope="col">{t("documents.columns.size")}</th>
              <th scope="col">{t("documents.columns.added")}</th>
              <th scope="col">
                <span className="sr-only">{t("documents.columns.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {document.versions.map((v) => {
              const n = Number(v.version);
              return (
                <tr key={v.id} data-version={n} className={shown === n ? "selected" : undefined}>
                  <td>
                    {n}
                    {n === current && <span className="tag">{t("documents.current")}</span>}
                  </td>
                  <td>
                    {v.file_name}
                    {v.restored_from !== null && (
                      <div className="muted small">
                        {t("documents.restoredFrom", { version: Number(v.restored_from) })}
                      </div>
                    )}
                  </td>
                  <td>{formatSize(Number(v.size))}</td>
                  <td>
                    {formatDateTime(v.added_at)}
                    <div className="muted small">{v.added_by}</div>
                  </td>
                  <td className="row-actions">
                    {previewKind(v.media_type) && (
                      <button
                        type="button"
                        data-testid="preview-version"
                        onClick={() => setShown(shown === n ? null : n)}
                      >
                        {shown === n ? t("documents.hidePreview") : t("documents.preview")}
                      </button>
                    )}
                    <button type="button" onClick={() => void action.run(() => api.openDocument(id, n))}>
                      {t("documents.open")}
                    </button>
                    {mayExport && (
                      <button
                        type="button"
                        onClick={() =>
                          void action.run(async () => {
                            const path = await api.saveDocumentCopy(id, n, t("documents.saveTitle"));
                            if (path) setNotice(t("activities.exported", { path }));
                          })
                        }
                      >
                        {t("documents.saveCopy")}
                      </button>
                    )}
                    {mayEdit && n !== current && confirm !== n && (
                      <button type="button" data-testid="restore-document-version" onClick={() => setConfirm(n)}>
                        {t("documents.restore")}
                      </button>
                    )}
                    {confirm === n && (
                      <ConfirmInline
                        message={t("documents.confirmRestore", { version: n })}
                        confirmLabel={t("documents.restore")}
                        confirmTestId="confirm-restore-document-version"
                        dangerous={false}
                        busy={action.busy}
                        onConfirm={() =>
                          void action.run(async () => {
                            const restored = await api.restoreDocumentVersion(id, n);
                            setConfirm(null);
                            setShown(Number(restored.version));
                            await done(t("documents.restored", { version: n, now: Number(restored.version) }));
                          })
                        }
                        onCancel={() => setConfirm(null)}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {shown !== null && (
        <section className="card" data-testid="preview-card">
          <h2>{t("documents.previewOf", { version: shown })}</h2>
          <Preview
            id={id}
            version={shown}
            mediaType={document.versions.find((v) => Number(v.version) === shown)?.media_type ?? document.media_type}
            name={document.name}
            onError={onError}
          />
        </section>
      )}
    </>
  );
}

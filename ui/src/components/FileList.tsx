import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import { useRecordsChanged } from "../data/records";
import type { ObjectType } from "../bindings/ObjectType";
import type { RecordAttachment } from "../bindings/RecordAttachment";
import { formatDateTime, formatSize } from "../format";
import { useAction } from "../useAction";
import { useLoad } from "../useLoad";
import { Alert } from "./Alert";

type StoredFile = Pick<RecordAttachment, "id" | "file_name" | "size" | "added_at" | "added_by">;

/** How a list of files reaches the core: the record's own commands. */
export type FileOps = {
  list: () => Promise<StoredFile[]>;
  /** Opens the open dialog; null when the person cancelled. */
  add: (dialogTitle: string) => Promise<unknown>;
  /** Opens the save dialog; the path, or null when cancelled. */
  save: (id: number, dialogTitle: string) => Promise<string | null>;
  remove: (id: number) => Promise<void>;
};

/** Files kept with a record in the encrypted database: added through the open dialog, saved as a copy through the
 * save dialog, removed with the edit right. */
export function FileList({
  ops,
  editable,
  title,
  hint,
  testIds,
  onError,
}: {
  ops: FileOps;
  editable: boolean;
  title: string;
  hint?: string;
  testIds: { list: string; add: string; notice: string; item: `data-${string}` };
  onError: (e: unknown) => boolean;
}) {
  const { t } = useTranslation();
  const load = useCallback(() => ops.list(), [ops]);
  const { data, error, reload } = useLoad(load, onError);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction(onError);
  const act = (work: () => Promise<void>) => {
    setNotice(null);
    void action.run(work);
  };
  return (
    <fieldset className="card" data-testid={testIds.list}>
      <legend>{title}</legend>
      {hint && <p className="muted small">{hint}</p>}
      {(error || action.error) && <Alert kind="error">{error ?? action.error}</Alert>}
      {notice && (
        <Alert kind="success" testId={testIds.notice}>
          {notice}
        </Alert>
      )}
      {data?.length === 0 && <p className="muted small">{t("attachments.none")}</p>}
      <ul className="attachment-list">
        {data?.map((a) => (
          <li key={a.id} {...{ [testIds.item]: a.file_name }}>
            <span className="strong">{a.file_name}</span>
            <span className="muted small">
              {formatSize(Number(a.size))} · {t("trash.by", { when: formatDateTime(a.added_at), who: a.added_by })}
            </span>
            <button
              type="button"
              onClick={() =>
                act(async () => {
                  const path = await ops.save(a.id, t("attachments.saveTitle"));
                  if (path) setNotice(t("activities.exported", { path }));
                })
              }
            >
              {t("attachments.save")}
            </button>
            {editable && (
              <button
                type="button"
                className="danger"
                onClick={() =>
                  act(async () => {
                    await ops.remove(a.id);
                    await reload();
                  })
                }
              >
                {t("attachments.remove")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <button
          type="button"
          data-testid={testIds.add}
          disabled={action.busy}
          onClick={() =>
            act(async () => {
              const added = await ops.add(t("attachments.addTitle"));
              if (added) await reload();
            })
          }
        >
          {t("attachments.add")}
        </button>
      )}
    </fieldset>
  );
}

/** Files of a register record (a request, a breach, a processor agreement). */
export function RecordFiles({
  object,
  recordId,
  ...rest
}: {
  object: ObjectType;
  recordId: number;
  editable: boolean;
  title: string;
  hint?: string;
  onError: (e: unknown) => boolean;
}) {
  const changed = useRecordsChanged();
  const ops = useMemo<FileOps>(() => {
    // The register's list shows its files (a processor agreement's signed copy): it reloads.
    const lists = { request: "requests", breach: "breaches", processor_agreement: "agreements" } as const;
    const touched = () => changed(lists[object as keyof typeof lists] ?? object, null);
    return {
      list: () => api.recordAttachments(object, recordId),
      add: async (title) => {
        const added = await api.addRecordAttachment(object, recordId, title);
        if (added) await touched();
        return added;
      },
      save: (id, title) => api.saveRecordAttachment(object, id, title),
      remove: async (id) => {
        await api.removeRecordAttachment(object, id);
        await touched();
      },
    };
  }, [object, recordId, changed]);
  return (
    <FileList
      ops={ops}
      testIds={{ list: "record-files", add: "add-record-file", notice: "record-file-notice", item: "data-record-file" }}
      {...rest}
    />
  );
}

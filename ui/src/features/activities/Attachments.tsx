import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { FileList, type FileOps } from "../../components/FileList";

/** Files attached to the activity, kept in the encrypted database. */
export function Attachments({
  activityId,
  editable,
  onError,
}: {
  activityId: number;
  editable: boolean;
  onError: (e: unknown) => boolean;
}) {
  const { t } = useTranslation();
  const ops = useMemo<FileOps>(
    () => ({
      list: () => api.attachments(activityId),
      add: (title) => api.addAttachment(activityId, title),
      save: (id, title) => api.saveAttachment(id, title),
      remove: (id) => api.removeAttachment(id),
    }),
    [activityId],
  );
  return (
    <FileList
      ops={ops}
      editable={editable}
      title={t("attachments.title")}
      testIds={{ list: "attachments", add: "add-attachment", notice: "attachment-notice", item: "data-attachment" }}
      onError={onError}
    />
  );
}

import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Alert } from "../../components/Alert";
import { formatDateTime, formatSize } from "../../format";
import { useAction } from "../../useAction";
import { useLoad } from "../../useLoad";

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
  const load = useCallback(() => api.attachments(activityId), [activityId]);
  const { data, error, reload } = useLoad(load, onError);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction(onError);
  const act = (work: () => Promise<void>) => {
    setNotice(null);
    void action.run(work);
  };
  return (
    <fieldset className="card" data-testid="attachments">
      <legend>{t("attachments.title")}</legend>
      {(error || action.error) && <Alert kind="error">{error ?? action.error}</Alert>}
      {notice && (
        <Alert kind="success" testId="attachment-notice">
          {notice}
        </Alert>
      )}
      {data?.length === 0 && <p className="muted small">{t("attachments.none")}</p>}
      <ul className="attachment-list">
        {data?.map((a) => (
          <li key={a.id} data-attachment={a.file_name}>
            <span className="strong">{a.file_name}</span>
            <span className="muted small">
              {formatSize(Number(a.size))} · {t("trash.by", { when: formatDateTime(a.added_at), who: a.added_by })}
            </span>
            <button
              type="button"
              onClick={() =>
                act(async () => {
                  const path = await api.saveAttachment(a.id, t("attachments.saveTitle"));
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
                    await api.removeAttachment(a.id);
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
          data-testid="add-attachment"
          disabled={action.busy}
          onClick={() =>
            act(async () => {
              const added = await api.addAttachment(activityId, t("attachments.addTitle"));
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

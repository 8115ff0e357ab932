import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Alert } from "../../components/Alert";
import { useRecordsChanged } from "../../data/records";
import { formatDate, formatDateTime } from "../../format";
import { useAction } from "../../useAction";
import { useLoad } from "../../useLoad";
import type { PageProps } from "../page";

/** The trash (SPEC §11): what was deleted, by whom and when; restore puts a record back with its children. */
export function Trash({ onError }: PageProps) {
  const { t } = useTranslation();
  const load = useCallback(() => api.trash(), []);
  const { data, error, reload } = useLoad(load, onError);
  const [restored, setRestored] = useState<string | null>(null);
  const restore = useAction(onError);
  const changed = useRecordsChanged();
  return (
    <>
      <h1>{t("trash.title")}</h1>
      <p className="lead">{t("trash.intro")}</p>
      {(error || restore.error) && (
        <Alert kind="error" testId="trash-error">
          {error ?? restore.error}
        </Alert>
      )}
      {restored && (
        <Alert kind="success" testId="trash-notice">
          {t("trash.restored", { label: restored })}
        </Alert>
      )}
      <section className="card">
        {data?.length === 0 && (
          <p className="muted" data-testid="trash-empty">
            {t("trash.empty")}
          </p>
        )}
        {data && data.length > 0 && (
          <table className="simple-table">
            <thead>
              <tr>
                <th>{t("trash.what")}</th>
                <th>{t("trash.kind")}</th>
                <th>{t("trash.tenant")}</th>
                <th>{t("trash.deleted")}</th>
                <th>{t("trash.purge")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.map((e) => (
                <tr key={e.id} data-trash={e.label}>
                  <td className="strong">{e.label}</td>
                  <td>{t(`object.${e.object_type}`, { defaultValue: e.object_type })}</td>
                  <td>{e.tenant_name ?? "—"}</td>
                  <td>{t("trash.by", { when: formatDateTime(e.deleted_at), who: e.deleted_by })}</td>
                  <td className="muted">{formatDate(e.purge_at.slice(0, 10))}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      data-testid="restore"
                      disabled={restore.busy}
                      onClick={() =>
                        void restore.run(async () => {
                          await api.restoreFromTrash(e.id);
                          setRestored(e.label);
                          await reload();
                          await changed("all", null);
                        })
                      }
                    >
                      {t("trash.restore")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { LinkedActivity } from "../../bindings/LinkedActivity";
import { Alert } from "../../components/Alert";
import { recordKeys, useRecords, useRecordsChanged } from "../../data/records";
import { useAction } from "../../useAction";

type Props = {
  tomId: number;
  tenantId: number;
  linked: LinkedActivity[];
  editable: boolean;
  onError: (e: unknown) => boolean;
};

/** The processing activities a measure serves: the same link the activity form shows as its specific TOMs. */
export function TomActivities({ tomId, tenantId, linked, editable, onError }: Props) {
  const { t } = useTranslation();
  const activities = useRecords(recordKeys.activities(tenantId, null), () => api.activities(tenantId, null), onError, {
    enabled: editable,
  });
  const [adding, setAdding] = useState(0);
  const { busy, error, run } = useAction(onError);
  const changed = useRecordsChanged();
  const ids = linked.map((a) => Number(a.id));
  const choices = (activities.data ?? []).filter((a) => !ids.includes(Number(a.id)));
  const save = (next: number[]) =>
    void run(async () => {
      await api.linkTomActivities(tomId, next);
      setAdding(0);
      await changed("toms", tenantId);
    });
  return (
    <section className="card" aria-labelledby="tom-activities" data-testid="tom-activities">
      <h2 id="tom-activities">{t("toms.activities")}</h2>
      {linked.length === 0 ? (
        <p className="muted">{t("toms.noActivities")}</p>
      ) : (
        <ul className="plain link-list">
          {linked.map((a) => (
            <li key={a.id} data-linked-activity={a.name}>
              <strong>{a.name}</strong>{" "}
              <span className="muted small">
                {a.company_name} / {a.area_name}
              </span>
              {editable && (
                <button
                  type="button"
                  className="ghost small"
                  aria-label={t("toms.unlink", { name: a.name })}
                  disabled={busy}
                  onClick={() => save(ids.filter((id) => id !== Number(a.id)))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && choices.length > 0 && (
        <div className="inline-form">
          <select
            aria-label={t("toms.linkActivity")}
            value={adding}
            data-testid="tom-link-activity"
            onChange={(e) => setAdding(Number(e.target.value))}
          >
            <option value={0}>{t("toms.chooseActivity")}</option>
            {choices.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.company_name} / {a.area_name})
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={busy || !adding}
            data-testid="tom-link-activity-add"
            onClick={() => save([...ids, adding])}
          >
            {t("toms.link")}
          </button>
        </div>
      )}
      {(error || activities.error) && <Alert kind="error">{error ?? activities.error}</Alert>}
    </section>
  );
}

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { AreaField } from "../../bindings/AreaField";
import type { Company } from "../../bindings/Company";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { Alert } from "../../components/Alert";
import { useAction } from "../../useAction";

type Props = {
  session: SessionInfo;
  ids: number[];
  companies: Company[];
  activityCount: number;
  onError: (e: unknown) => boolean;
  onDone: (message: string) => void;
  onClear: () => void;
};

/** What can be done with selected areas: move them to one company or give them one description, copy them with their activities, delete them. */
export function AreaBulkBar({ session, ids, companies, activityCount, onError, onDone, onClear }: Props) {
  const { t } = useTranslation();
  const [field, setField] = useState<AreaField["field"]>("company");
  const [companyId, setCompanyId] = useState(companies[0]?.id ?? 0);
  const [text, setText] = useState("");
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { busy, error, run } = useAction(onError);
  const change = (): AreaField => (field === "company" ? { field, value: companyId } : { field, value: text });
  return (
    <div className="bulk-bar card" role="region" aria-label={t("areas.bulkTitle")} data-testid="area-bulk-bar">
      <strong>{t("bulk.selected", { count: ids.length })}</strong>
      {can(session, "area", "mass_change") && (
        <span className="bulk-group">
          <select aria-label={t("bulk.field")} value={field} data-testid="area-mass-field" onChange={(e) => setField(e.target.value as AreaField["field"])}>
            <option value="company">{t("areas.moveTo")}</option>
            <option value="description">{t("areas.description")}</option>
          </select>
          {field === "company" ? (
            <select aria-label={t("bulk.value")} value={companyId} data-testid="area-mass-company" onChange={(e) => setCompanyId(Number(e.target.value))}>
              {companies.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          ) : (
            <input aria-label={t("bulk.value")} value={text} data-testid="area-mass-text" onChange={(e) => setText(e.target.value)} />
          )}
          <button type="button" className="primary" disabled={busy} data-testid="area-apply" onClick={() => void run(async () => {
            const count = await api.massChangeAreas(ids, change());
            onDone(t("areas.changed", { count }));
          })}>{t("bulk.apply")}</button>
        </span>
      )}
      {can(session, "area", "copy") && (
        <button type="button" disabled={busy} data-testid="copy-areas" onClick={() => void run(async () => {
          const copies = await api.copyAreas(ids, t("bulk.copySuffix"));
          onDone(t("bulk.copied", { count: copies.length }));
        })}>{t("bulk.copy")}</button>
      )}
      {can(session, "area", "delete") && (confirmDelete ? (
        <span className="confirm" role="group">
          <span className="small">{t("areas.confirmDelete", { count: ids.length, activities: activityCount })}</span>
          <button type="button" className="danger" disabled={busy} data-testid="confirm-delete-areas" onClick={() => void run(async () => {
            await api.deleteAreas(ids);
            setConfirmDelete(false);
            onDone(t("areas.deleted", { count: ids.length }));
          })}>{t("bulk.delete")}</button>
          <button type="button" onClick={() => setConfirmDelete(false)}>{t("common.cancel")}</button>
        </span>
      ) : (
        <button type="button" className="danger" data-testid="delete-areas" onClick={() => setConfirmDelete(true)}>{t("bulk.delete")}</button>
      ))}
      <button type="button" className="ghost" onClick={onClear}>{t("bulk.clear")}</button>
      {error && <Alert kind="error" testId="area-bulk-error">{error}</Alert>}
    </div>
  );
}

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { MassField } from "../../bindings/MassField";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { Alert } from "../../components/Alert";
import { useAction } from "../../useAction";
import { STATUSES } from "./StatusBadge";

type Props = {
  session: SessionInfo;
  tenantId: number;
  ids: number[];
  onError: (e: unknown) => boolean;
  onDone: (message: string) => void;
  onClear: () => void;
};

type Field = MassField["field"];
const FIELDS: Field[] = ["status", "responsible", "review_planned", "dpia_required"];

/** What can be done with the selected activities: mass change of one field, copy, delete. */
export function BulkBar({ session, ids, onError, onDone, onClear }: Props) {
  const { t } = useTranslation();
  const [field, setField] = useState<Field>("status");
  const [value, setValue] = useState("in_review");
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { busy, error, run } = useAction(onError);

  function change(): MassField {
    switch (field) {
      case "status": return { field, value: value as never };
      case "responsible": return { field, value };
      case "review_planned": return { field, value: value || null };
      case "dpia_required": return { field, value: value as never };
      default: return { field: "status", value: "draft" };
    }
  }
  function pickField(next: Field) {
    setField(next);
    setValue(next === "status" ? "in_review" : next === "dpia_required" ? "required" : "");
  }

  return (
    <div className="bulk-bar card" role="region" aria-label={t("bulk.title")} data-testid="bulk-bar">
      <strong>{t("bulk.selected", { count: ids.length })}</strong>
      {can(session, "processing_activity", "mass_change") && (
        <span className="bulk-group">
          <select aria-label={t("bulk.field")} value={field} data-testid="mass-field" onChange={(e) => pickField(e.target.value as Field)}>
            {FIELDS.map((f) => <option key={f} value={f}>{t(`bulk.fields.${f}`)}</option>)}
          </select>
          {field === "status" && (
            <select aria-label={t("bulk.value")} value={value} data-testid="mass-value" onChange={(e) => setValue(e.target.value)}>
              {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
            </select>
          )}
          {field === "dpia_required" && (
            <select aria-label={t("bulk.value")} value={value} data-testid="mass-value" onChange={(e) => setValue(e.target.value)}>
              {(["unchecked", "required", "not_required"] as const).map((d) => <option key={d} value={d}>{t(`dpia.${d}`)}</option>)}
            </select>
          )}
          {field === "responsible" && <input aria-label={t("bulk.value")} value={value} data-testid="mass-value" onChange={(e) => setValue(e.target.value)} />}
          {field === "review_planned" && <input type="date" aria-label={t("bulk.value")} value={value} data-testid="mass-value" onChange={(e) => setValue(e.target.value)} />}
          <button type="button" className="primary" disabled={busy} data-testid="apply-mass-change" onClick={() => void run(async () => {
            const count = await api.massChangeActivities({ ids, change: change() });
            onDone(t("bulk.changed", { count }));
          })}>{t("bulk.apply")}</button>
        </span>
      )}
      {can(session, "processing_activity", "copy") && (
        <button type="button" disabled={busy} data-testid="copy-selected" onClick={() => void run(async () => {
          const copies = await api.copyActivities(ids, t("bulk.copySuffix"));
          onDone(t("bulk.copied", { count: copies.length }));
        })}>{t("bulk.copy")}</button>
      )}
      {can(session, "processing_activity", "delete") && (confirmDelete ? (
        <span className="confirm" role="group">
          <span className="small">{t("bulk.confirmDelete", { count: ids.length })}</span>
          <button type="button" className="danger" disabled={busy} data-testid="confirm-delete" onClick={() => void run(async () => {
            await api.deleteActivities(ids);
            setConfirmDelete(false);
            onDone(t("bulk.deleted", { count: ids.length }));
          })}>{t("bulk.delete")}</button>
          <button type="button" onClick={() => setConfirmDelete(false)}>{t("common.cancel")}</button>
        </span>
      ) : (
        <button type="button" className="danger" data-testid="delete-selected" onClick={() => setConfirmDelete(true)}>{t("bulk.delete")}</button>
      ))}
      <button type="button" className="ghost" onClick={onClear}>{t("bulk.clear")}</button>
      {error && <Alert kind="error" testId="bulk-error">{error}</Alert>}
    </div>
  );
}

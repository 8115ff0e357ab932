import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { MasterField } from "../../bindings/MasterField";
import type { MasterKind } from "../../bindings/MasterKind";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { Alert } from "../../components/Alert";
import { useAction } from "../../useAction";
import { CATEGORIES } from "./MasterForm";

type Props = {
  session: SessionInfo;
  kind: MasterKind;
  ids: number[];
  onError: (e: unknown) => boolean;
  onDelete: () => void;
  onDone: (message: string) => void;
  onClear: () => void;
};

/** What can be done with selected master data: set a field on all, copy, delete. */
export function MasterBulkBar({ session, kind, ids, onError, onDelete, onDone, onClear }: Props) {
  const { t } = useTranslation();
  const categories = CATEGORIES[kind];
  const [field, setField] = useState<MasterField["field"]>(categories ? "category" : "description");
  const [value, setValue] = useState(categories?.[0] ?? "");
  const { busy, error, run } = useAction(onError);
  const fields: MasterField["field"][] = [...(categories ? ["category" as const] : []), "description", ...(kind === "processor" ? ["date" as const] : [])];
  const change = (): MasterField =>
    field === "category" ? { field, value } : field === "date" ? { field, value: value || null } : { field: "description", value };
  return (
    <div className="bulk-bar card" role="region" aria-label={t("bulk.title")} data-testid="master-bulk-bar">
      <strong>{t("bulk.selected", { count: ids.length })}</strong>
      {can(session, kind, "mass_change") && (
        <span className="bulk-group">
          <select aria-label={t("bulk.field")} value={field} onChange={(e) => {
            const next = e.target.value as MasterField["field"];
            setField(next);
            setValue(next === "category" ? categories?.[0] ?? "" : "");
          }}>
            {fields.map((f) => <option key={f} value={f}>{f === "category" ? t(`master.categoryLabel.${kind}`) : t(`master.fields.${f}`)}</option>)}
          </select>
          {field === "category" && categories && (
            <select aria-label={t("bulk.value")} value={value} data-testid="master-mass-value" onChange={(e) => setValue(e.target.value)}>
              {categories.map((c) => <option key={c} value={c}>{t(`master.categories.${c}`)}</option>)}
            </select>
          )}
          {field === "description" && <input aria-label={t("bulk.value")} value={value} onChange={(e) => setValue(e.target.value)} />}
          {field === "date" && <input type="date" aria-label={t("bulk.value")} value={value} onChange={(e) => setValue(e.target.value)} />}
          <button type="button" className="primary" disabled={busy} data-testid="master-apply" onClick={() => void run(async () => {
            const count = await api.massChangeMasterItems(kind, ids, change());
            onDone(t("master.changed", { count }));
          })}>{t("bulk.apply")}</button>
        </span>
      )}
      {can(session, kind, "copy") && (
        <button type="button" disabled={busy} onClick={() => void run(async () => {
          const copies = await api.copyMasterItems(kind, ids, t("bulk.copySuffix"));
          onDone(t("bulk.copied", { count: copies.length }));
        })}>{t("bulk.copy")}</button>
      )}
      {can(session, kind, "delete") && <button type="button" className="danger" onClick={onDelete}>{t("bulk.delete")}</button>}
      <button type="button" className="ghost" onClick={onClear}>{t("bulk.clear")}</button>
      {error && <Alert kind="error">{error}</Alert>}
    </div>
  );
}

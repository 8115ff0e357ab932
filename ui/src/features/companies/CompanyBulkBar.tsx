import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { CompanyField } from "../../bindings/CompanyField";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { Alert } from "../../components/Alert";
import { useAction } from "../../useAction";

type Props = { session: SessionInfo; ids: number[]; onError: (e: unknown) => boolean; onDone: (message: string) => void; onClear: () => void };

/** What can be done with selected companies: the same DPO, country or processor role for all; copy with areas and activities; delete. */
export function CompanyBulkBar({ session, ids, onError, onDone, onClear }: Props) {
  const { t } = useTranslation();
  const [field, setField] = useState<CompanyField["field"]>("dpo");
  const [dpoKind, setDpoKind] = useState("external");
  const [text, setText] = useState("");
  const [flag, setFlag] = useState(true);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { busy, error, run } = useAction(onError);
  const change = (): CompanyField =>
    field === "dpo" ? { field, value: { kind: dpoKind, name: text, email: "", phone: "", address: "" } }
      : field === "country" ? { field, value: text }
      : { field: "is_processor", value: flag };
  return (
    <div className="bulk-bar card" role="region" aria-label={t("bulk.title")} data-testid="company-bulk-bar">
      <strong>{t("bulk.selected", { count: ids.length })}</strong>
      {can(session, "company", "mass_change") && (
        <span className="bulk-group">
          <select aria-label={t("bulk.field")} value={field} onChange={(e) => { setField(e.target.value as CompanyField["field"]); setText(""); }}>
            {(["dpo", "country", "is_processor"] as const).map((f) => <option key={f} value={f}>{t(`companies.bulk.${f}`)}</option>)}
          </select>
          {field === "dpo" && (
            <select aria-label={t("companies.dpo.kind")} value={dpoKind} onChange={(e) => setDpoKind(e.target.value)}>
              <option value="external">{t("companies.dpo.external")}</option>
              <option value="internal">{t("companies.dpo.internal")}</option>
            </select>
          )}
          {field !== "is_processor" && <input aria-label={t("bulk.value")} value={text} data-testid="company-mass-value" onChange={(e) => setText(e.target.value)} />}
          {field === "is_processor" && (
            <select aria-label={t("bulk.value")} value={flag ? "1" : "0"} onChange={(e) => setFlag(e.target.value === "1")}>
              <option value="1">{t("companies.bulk.yes")}</option>
              <option value="0">{t("companies.bulk.no")}</option>
            </select>
          )}
          <button type="button" className="primary" disabled={busy} data-testid="company-apply" onClick={() => void run(async () => {
            const count = await api.massChangeCompanies(ids, change());
            onDone(t("companies.changed", { count }));
          })}>{t("bulk.apply")}</button>
        </span>
      )}
      {can(session, "company", "copy") && (
        <button type="button" disabled={busy} data-testid="copy-companies" onClick={() => void run(async () => {
          const copies = await api.copyCompanies(ids, t("bulk.copySuffix"));
          onDone(t("bulk.copied", { count: copies.length }));
        })}>{t("bulk.copy")}</button>
      )}
      {can(session, "company", "delete") && (confirmDelete ? (
        <span className="confirm" role="group">
          <span className="small">{t("companies.confirmDeleteMany", { count: ids.length })}</span>
          <button type="button" className="danger" disabled={busy} onClick={() => void run(async () => {
            await api.deleteCompanies(ids);
            setConfirmDelete(false);
            onDone(t("companies.deleted", { count: ids.length }));
          })}>{t("bulk.delete")}</button>
          <button type="button" onClick={() => setConfirmDelete(false)}>{t("common.cancel")}</button>
        </span>
      ) : (
        <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>{t("bulk.delete")}</button>
      ))}
      <button type="button" className="ghost" onClick={onClear}>{t("bulk.clear")}</button>
      {error && <Alert kind="error">{error}</Alert>}
    </div>
  );
}

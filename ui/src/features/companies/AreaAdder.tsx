import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Alert } from "../../components/Alert";
import { useAction } from "../../useAction";

/** Adds an area to a company, inline. */
export function AreaAdder({ companyId, onError, onAdded }: { companyId: number; onError: (e: unknown) => boolean; onAdded: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const { busy, error, run } = useAction(onError);
  function add(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      await api.createArea({ company_id: companyId, name, description: "" });
      setName("");
      onAdded();
    });
  }
  return (
    <form className="inline-form" onSubmit={add} noValidate>
      <input aria-label={t("companies.newArea")} placeholder={t("companies.newArea")} data-testid="new-area-name" value={name}
        onChange={(e) => setName(e.target.value)} />
      <button type="submit" disabled={busy} data-testid="add-area">{t("companies.addArea")}</button>
      {error && <Alert kind="error">{error}</Alert>}
    </form>
  );
}

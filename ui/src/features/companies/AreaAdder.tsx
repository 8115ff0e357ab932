import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Alert } from "../../components/Alert";
import { useRecordsChanged } from "../../data/records";
import { useAction } from "../../useAction";

/** Adds an area to a company, inline; the area list, the company's areas and the tiles follow. */
export function AreaAdder({ companyId, onError }: { companyId: number; onError: (e: unknown) => boolean }) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const { busy, error, run } = useAction(onError);
  const changed = useRecordsChanged();
  function add(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const area = await api.createArea({ company_id: companyId, name, description: "" });
      setName("");
      await changed("areas", area.tenant_id);
    });
  }
  return (
    <form className="inline-form" onSubmit={add} noValidate>
      <input
        aria-label={t("companies.newArea")}
        placeholder={t("companies.newArea")}
        data-testid="new-area-name"
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" disabled={busy} data-testid="add-area">
        {t("companies.addArea")}
      </button>
      {error && <Alert kind="error">{error}</Alert>}
    </form>
  );
}

import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { Company } from "../../bindings/Company";
import type { CompanyInput } from "../../bindings/CompanyInput";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { Alert } from "../../components/Alert";
import { Field } from "../../components/Field";
import { useAction } from "../../useAction";

type Props = {
  session: SessionInfo;
  tenantId: number;
  company: Company | null;
  onError: (e: unknown) => boolean;
  onClose: () => void;
  onSaved: (company: Company) => void;
};

const EMPTY: CompanyInput = {
  name: "", legal_form: "", street: "", postal_code: "", city: "", country: "", register_court: "", register_number: "",
  vat_id: "", phone: "", email: "", website: "", is_controller: true, is_processor: false,
};

const TEXT_FIELDS: (keyof CompanyInput)[] = [
  "name", "legal_form", "street", "postal_code", "city", "country", "register_court", "register_number", "vat_id", "phone", "email", "website",
];

/** A company's master data (SPEC §2). */
export function CompanyForm({ session, tenantId, company, onError, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const editable = company ? can(session, "company", "edit") : can(session, "company", "create");
  const [form, setForm] = useState<CompanyInput>(() => {
    if (!company) return EMPTY;
    const { id: _id, tenant_id: _tenant, created_at: _created, updated_at: _updated, ...data } = company;
    return data;
  });
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction(onError);
  const set = <K extends keyof CompanyInput>(key: K, value: CompanyInput[K]) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };
  function save(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const result = company ? await api.updateCompany(company.id, form) : await api.createCompany(tenantId, form);
      setSaved(true);
      onSaved(result);
    });
  }
  return (
    <>
      <button type="button" className="link" onClick={onClose}>← {t("companies.backToList")}</button>
      <h1>{company ? company.name : t("companies.new")}</h1>
      <form className="card" onSubmit={save} noValidate data-testid="company-form">
        <fieldset disabled={!editable || busy} className="form-columns">
          {TEXT_FIELDS.map((key) => (
            <Field key={key} label={t(`companies.fields.${key}`)} name={key} value={form[key] as string}
              type={key === "email" ? "email" : "text"} required={key === "name"}
              onChange={(e) => set(key, e.target.value)} />
          ))}
          <div className="field">
            <span className="label">{t("companies.role")}</span>
            <label className="check"><input type="checkbox" name="is_controller" checked={form.is_controller}
              onChange={(e) => set("is_controller", e.target.checked)} /> {t("companies.controller")}</label>
            <label className="check"><input type="checkbox" name="is_processor" checked={form.is_processor}
              onChange={(e) => set("is_processor", e.target.checked)} /> {t("companies.processor")}</label>
          </div>
        </fieldset>
        {error && <Alert kind="error" testId="company-message">{error}</Alert>}
        {saved && !error && <Alert kind="success" testId="company-message">{t("common.saved")}</Alert>}
        <div className="actions">
          <button type="button" onClick={onClose}>{t("common.cancel")}</button>
          {editable && <button type="submit" className="primary" data-testid="save-company" disabled={busy}>{t("common.save")}</button>}
        </div>
      </form>
    </>
  );
}

import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmInline } from "../../components/ConfirmInline";
import { api, can } from "../../api";
import type { Company } from "../../bindings/Company";
import type { CompanyInput } from "../../bindings/CompanyInput";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { Alert } from "../../components/Alert";
import { Field, TextArea } from "../../components/Field";
import { RecordHistory } from "../../components/history/RecordHistory";
import { LinkedDocuments } from "../documents/LinkedDocuments";
import { useRecordsChanged } from "../../data/records";
import type { PageProps } from "../../screens/page";
import { useUnsaved } from "../../unsaved";
import { DpoSection } from "./DpoSection";
import { useAction } from "../../useAction";

type Props = {
  session: SessionInfo;
  tenantId: number;
  openRecord: PageProps["openRecord"];
  company: Company | null;
  onError: (e: unknown) => boolean;
  onClose: () => void;
  onSaved: (company: Company) => void;
};

const EMPTY: CompanyInput = {
  name: "",
  legal_form: "",
  street: "",
  postal_code: "",
  city: "",
  country: "",
  register_court: "",
  register_number: "",
  vat_id: "",
  phone: "",
  email: "",
  website: "",
  is_controller: true,
  is_processor: false,
  managing_directors: [],
  representative: "",
  dpo_check: null,
  dpo: { kind: "", name: "", email: "", phone: "", address: "" },
};

const TEXT_FIELDS: (
  | "name"
  | "legal_form"
  | "street"
  | "postal_code"
  | "city"
  | "country"
  | "register_court"
  | "register_number"
  | "vat_id"
  | "phone"
  | "email"
  | "website"
  | "representative"
)[] = [
  "name",
  "legal_form",
  "street",
  "postal_code",
  "city",
  "country",
  "register_court",
  "register_number",
  "vat_id",
  "phone",
  "email",
  "website",
  "representative",
];

function dataOf(company: Company | null): CompanyInput {
  if (!company) return EMPTY;
  const {
    id: _id,
    tenant_id: _tenant,
    created_at: _created,
    updated_at: _updated,
    dpo_verdict: _verdict,
    ...data
  } = company;
  return data;
}

/** A company's master data (SPEC §2). */
export function CompanyForm({ session, tenantId, company, openRecord, onError, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const editable = company ? can(session, "company", "edit") : can(session, "company", "create");
  const [form, setForm] = useState<CompanyInput>(() => dataOf(company));
  const [saved, setSaved] = useState(false);
  const [initial, setInitial] = useState(form);
  const [confirmDelete, setConfirmDelete] = useState(false);
  useUnsaved("company-form", editable && JSON.stringify(form) !== JSON.stringify(initial));
  const { busy, error, run, fieldError } = useAction(onError);
  const changed = useRecordsChanged();
  const set = <K extends keyof CompanyInput>(key: K, value: CompanyInput[K]) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };
  function save(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const result = company ? await api.updateCompany(company.id, form) : await api.createCompany(tenantId, form);
      await changed("companies", tenantId);
      setForm(dataOf(result));
      setInitial(dataOf(result));
      setSaved(true);
      onSaved(result);
    });
  }
  return (
    <>
      <button type="button" className="link" onClick={onClose}>
        ← {t("companies.backToList")}
      </button>
      <h1>{company ? company.name : t("companies.new")}</h1>
      <form onSubmit={save} noValidate data-testid="company-form">
        <fieldset disabled={!editable || busy} className="card form-columns">
          <legend>{t("companies.masterData")}</legend>
          {TEXT_FIELDS.map((key) => (
            <Field
              key={key}
              label={t(`companies.fields.${key}`)}
              name={key}
              value={form[key] as string}
              type={key === "email" ? "email" : "text"}
              required={key === "name"}
              error={fieldError(key === "name" ? "company_name" : key)}
              onChange={(e) => set(key, e.target.value)}
            />
          ))}
          <div className="field" aria-invalid={fieldError("company_role") ? true : undefined} tabIndex={-1}>
            <span className="label">{t("companies.role")}</span>
            <label className="check">
              <input
                type="checkbox"
                name="is_controller"
                checked={form.is_controller}
                onChange={(e) => set("is_controller", e.target.checked)}
              />{" "}
              {t("companies.controller")}
            </label>
            <label className="check">
              <input
                type="checkbox"
                name="is_processor"
                checked={form.is_processor}
                onChange={(e) => set("is_processor", e.target.checked)}
              />{" "}
              {t("companies.processor")}
            </label>
            {fieldError("company_role") && (
              <div className="field-error" role="alert">
                {fieldError("company_role")}
              </div>
            )}
          </div>
          <TextArea
            label={t("companies.managingDirectors")}
            hint={t("companies.managingDirectorsHint")}
            name="managing_directors"
            value={form.managing_directors.join("\n")}
            onChange={(e) => set("managing_directors", e.target.value.split("\n"))}
          />
        </fieldset>
        <fieldset disabled={!editable || busy} className="plain">
          <DpoSection form={form} set={set} fieldError={fieldError} />
        </fieldset>
        {company && (
          <LinkedDocuments
            session={session}
            tenantId={tenantId}
            object="company"
            recordId={company.id}
            openRecord={openRecord}
            onError={onError}
          />
        )}
        {company && (
          <RecordHistory
            object="company"
            id={company.id}
            editable={can(session, "company", "edit")}
            onError={onError}
            onRestored={() =>
              void api.companies(tenantId).then((companies) => {
                const fresh = companies.find((c) => c.id === company.id);
                if (!fresh) return;
                // The restored values replace the form's: the record is what the history saved.
                setForm(dataOf(fresh));
                setInitial(dataOf(fresh));
                setSaved(false);
                void changed("companies", tenantId);
                onSaved(fresh);
              }, onError)
            }
          />
        )}
        {error && (
          <Alert kind="error" testId="company-message">
            {error}
          </Alert>
        )}
        {saved && !error && (
          <Alert kind="success" testId="company-message">
            {t("common.saved")}
          </Alert>
        )}
        <div className="actions">
          {company &&
            can(session, "company", "delete") &&
            (confirmDelete ? (
              <ConfirmInline
                message={t("companies.confirmDelete", { name: company.name })}
                confirmLabel={t("companies.delete")}
                confirmTestId="confirm-delete-company"
                onConfirm={() =>
                  void run(async () => {
                    await api.deleteCompanies([company.id]);
                    await changed("companies", tenantId);
                    setForm(initial);
                    onClose();
                  })
                }
                onCancel={() => setConfirmDelete(false)}
              />
            ) : (
              <button
                type="button"
                className="danger"
                data-testid="delete-company"
                onClick={() => setConfirmDelete(true)}
              >
                {t("companies.delete")}
              </button>
            ))}
          <button type="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          {editable && (
            <button type="submit" className="primary" data-testid="save-company" disabled={busy}>
              {t("common.save")}
            </button>
          )}
        </div>
      </form>
    </>
  );
}

import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { AgreementInput } from "../../bindings/AgreementInput";
import type { ProcessorAgreement } from "../../bindings/ProcessorAgreement";
import { Alert } from "../../components/Alert";
import { Field, Select, TextArea } from "../../components/Field";
import { DateField } from "../../components/DateField";
import { RecordFiles } from "../../components/FileList";
import { RecordHistory } from "../../components/history/RecordHistory";
import { LinkedDocuments } from "../documents/LinkedDocuments";
import { useRecords, useRecordsChanged } from "../../data/records";
import type { PageProps } from "../../screens/page";
import { useUnsaved } from "../../unsaved";
import { useAction } from "../../useAction";
import { Choices } from "../registers/Choices";
import { useActivities, useItems } from "../registers/usePickLists";

type Props = PageProps & {
  tenantId: number;
  id: number | null;
  onClose: () => void;
  onSaved: (subject: string) => void;
};

function inputOf(detail: ProcessorAgreement | null, tenantId: number, processor: number): AgreementInput {
  if (!detail) {
    return {
      tenant_id: tenantId,
      processor_id: processor,
      subject: "",
      signed_on: null,
      sub_processors: "",
      tom_check_on: null,
      tom_check_result: "",
      next_review: null,
      notes: "",
      editor_id: null,
      activity_ids: [],
      countries: [],
    };
  }
  return {
    tenant_id: detail.tenant_id,
    processor_id: detail.processor_id,
    subject: detail.subject,
    signed_on: detail.signed_on,
    sub_processors: detail.sub_processors,
    tom_check_on: detail.tom_check_on,
    tom_check_result: detail.tom_check_result,
    next_review: detail.next_review,
    notes: detail.notes,
    editor_id: detail.editor_id,
    activity_ids: detail.activities.map((a) => Number(a.id)),
    countries: detail.countries.map((c) => ({ item_id: Number(c.item_id), safeguard: c.safeguard })),
  };
}

export function AgreementForm(props: Props) {
  const { id, onError, tenantId } = props;
  const [current, setCurrent] = useState(id);
  const processors = useItems(tenantId, "processor", onError);
  const detail = useRecords(
    ["agreements", tenantId, "one", current ?? 0],
    () => api.processorAgreement(current ?? 0),
    onError,
    { enabled: current !== null },
  );
  if (current !== null && !detail.data) {
    return detail.error ? <Alert kind="error">{detail.error}</Alert> : <p className="muted">…</p>;
  }
  return (
    <AgreementEditor
      key={`${current ?? "new"}-${processors.length}`}
      {...props}
      processors={processors}
      detail={current === null ? null : (detail.data ?? null)}
      onCreated={setCurrent}
    />
  );
}

type EditorProps = Props & {
  detail: ProcessorAgreement | null;
  processors: { id: number; name: string }[];
  onCreated: (id: number) => void;
};

/** One agreement: with whom and about what, what it covers, where data may go, the TOM check, the signed copy. */
function AgreementEditor({
  session,
  tenantId,
  detail,
  processors,
  openRecord,
  onError,
  onClose,
  onSaved,
  onCreated,
}: EditorProps) {
  const { t } = useTranslation();
  const editable = detail ? can(session, "processor_agreement", "edit") : can(session, "processor_agreement", "create");
  const [baseline, setBaseline] = useState(() => inputOf(detail, tenantId, processors[0]?.id ?? 0));
  const [input, setInput] = useState(baseline);
  const [saved, setSaved] = useState(false);
  const { busy, error, run, fieldError } = useAction(onError);
  const changed = useRecordsChanged();
  const activities = useActivities(tenantId, onError);
  const countries = useItems(tenantId, "third_country", onError);
  const dirty = JSON.stringify(input) !== JSON.stringify(baseline);
  useUnsaved("agreement-form", dirty && editable);
  const set = (patch: Partial<AgreementInput>) => {
    setSaved(false);
    setInput((i) => ({ ...i, ...patch }));
  };
  function save(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const result = detail
        ? await api.updateProcessorAgreement(detail.id, input)
        : await api.createProcessorAgreement(input);
      await changed("agreements", tenantId);
      const next = inputOf(result, tenantId, result.processor_id);
      setBaseline(next);
      setInput(next);
      setSaved(true);
      onSaved(result.subject);
      if (!detail) onCreated(result.id);
    });
  }
  const safeguard = (item: number) => input.countries.find((c) => c.item_id === item)?.safeguard;
  const title = detail ? `${detail.processor_name} – ${detail.subject}` : t("agreements.new");
  return (
    <>
      <form className="card register-form" onSubmit={save} noValidate aria-label={title} data-testid="agreement-form">
        <div className="form-head">
          <h2>{title}</h2>
        </div>
        {processors.length === 0 && (
          <Alert kind="info" testId="agreement-no-processor">
            {t("agreements.noProcessors")}
          </Alert>
        )}
        <div className="grid-2">
          <Select
            label={t("agreements.fields.processor")}
            value={input.processor_id}
            disabled={!editable}
            error={fieldError("processor")}
            data-testid="agreement-processor"
            onChange={(e) => set({ processor_id: Number(e.target.value) })}
          >
            {processors.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
          <Field
            label={t("agreements.fields.subject")}
            name="agreement_subject"
            error={fieldError("agreement_subject")}
            value={input.subject}
            readOnly={!editable}
            onChange={(e) => set({ subject: e.target.value })}
          />
          <DateField
            label={t("agreements.fields.signedOn")}
            name="signed_on"
            error={fieldError("signed_on")}
            value={input.signed_on ?? ""}
            readOnly={!editable}
            onChange={(iso) => set({ signed_on: iso || null })}
          />
          <DateField
            label={t("agreements.fields.nextReview")}
            name="agreement_next_review"
            error={fieldError("next_review")}
            value={input.next_review ?? ""}
            readOnly={!editable}
            onChange={(iso) => set({ next_review: iso || null })}
          />
        </div>
        <TextArea
          label={t("agreements.fields.subProcessors")}
          name="sub_processors"
          rows={2}
          hint={t("agreements.subProcessorsHint")}
          value={input.sub_processors}
          readOnly={!editable}
          onChange={(e) => set({ sub_processors: e.target.value })}
        />
        <fieldset className="checks" disabled={!editable}>
          <legend>{t("agreements.fields.countries")}</legend>
          {countries.length === 0 && <p className="muted small">{t("agreements.noCountries")}</p>}
          {countries.map((c) => {
            const chosen = safeguard(c.id);
            return (
              <div key={c.id} className="country-choice">
                <label className="check-inline">
                  <input
                    type="checkbox"
                    data-agreement-country={c.name}
                    checked={chosen !== undefined}
                    onChange={(e) =>
                      set({
                        countries: e.target.checked
                          ? [...input.countries, { item_id: c.id, safeguard: "" }]
                          : input.countries.filter((x) => x.item_id !== c.id),
                      })
                    }
                  />
                  {c.name}
                </label>
                {chosen !== undefined && (
                  <input
                    aria-label={t("agreements.safeguard", { country: c.name })}
                    placeholder={t("agreements.safeguardPlaceholder")}
                    value={chosen}
                    data-safeguard={c.name}
                    onChange={(e) =>
                      set({
                        countries: input.countries.map((x) =>
                          x.item_id === c.id ? { ...x, safeguard: e.target.value } : x,
                        ),
                      })
                    }
                  />
                )}
              </div>
            );
          })}
          {fieldError("agreement_country") && <p className="field-error">{fieldError("agreement_country")}</p>}
        </fieldset>
        <div className="grid-2">
          <DateField
            label={t("agreements.fields.tomCheckOn")}
            name="tom_check_on"
            value={input.tom_check_on ?? ""}
            readOnly={!editable}
            onChange={(iso) => set({ tom_check_on: iso || null })}
          />
          <Field
            label={t("agreements.fields.tomCheckResult")}
            name="tom_check_result"
            value={input.tom_check_result}
            readOnly={!editable}
            onChange={(e) => set({ tom_check_result: e.target.value })}
          />
        </div>
        <Choices
          legend={t("agreements.fields.activities")}
          options={activities.map((a) => ({ id: a.id, name: a.name, detail: a.area_name }))}
          chosen={input.activity_ids}
          disabled={!editable}
          empty={t("requests.noneRecorded")}
          data="data-agreement-activity"
          onChange={(ids) => set({ activity_ids: ids })}
        />
        <TextArea
          label={t("agreements.fields.notes")}
          name="agreement_notes"
          rows={2}
          value={input.notes}
          readOnly={!editable}
          onChange={(e) => set({ notes: e.target.value })}
        />
        {detail && (
          <LinkedDocuments
            session={session}
            tenantId={tenantId}
            object="processor_agreement"
            recordId={detail.id}
            openRecord={openRecord}
            onError={onError}
          />
        )}
        {detail && (
          <RecordHistory
            object="processor_agreement"
            id={detail.id}
            editable={can(session, "processor_agreement", "edit")}
            onError={onError}
            onRestored={() =>
              void api.processorAgreement(detail.id).then((fresh) => {
                // The restored values replace the form's: the record is what the history saved.
                const next = inputOf(fresh, tenantId, fresh.processor_id);
                setBaseline(next);
                setInput(next);
                setSaved(false);
                void changed("agreements", tenantId);
                onSaved(fresh.subject);
              }, onError)
            }
          />
        )}
        {error && (
          <Alert kind="error" testId="agreement-error">
            {error}
          </Alert>
        )}
        {saved && !dirty && (
          <Alert kind="success" testId="agreement-saved">
            {t("common.saved")}
          </Alert>
        )}
        <div className="actions sticky-actions">
          {editable && (
            <button
              type="submit"
              className="primary"
              disabled={busy || processors.length === 0}
              data-testid="save-agreement"
            >
              {t("common.save")}
            </button>
          )}
          <button type="button" data-testid="agreement-back" onClick={onClose}>
            {t("agreements.backToList")}
          </button>
        </div>
      </form>
      {detail && (
        <RecordFiles
          object="processor_agreement"
          recordId={detail.id}
          editable={can(session, "processor_agreement", "edit")}
          title={t("agreements.files")}
          hint={t("agreements.filesHint")}
          onError={onError}
        />
      )}
    </>
  );
}

import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { Breach } from "../../bindings/Breach";
import type { BreachInput } from "../../bindings/BreachInput";
import type { BreachRisk } from "../../bindings/BreachRisk";
import type { BreachStatus } from "../../bindings/BreachStatus";
import type { EditorChoice } from "../../bindings/EditorChoice";
import { Alert } from "../../components/Alert";
import { Field, Select, TextArea } from "../../components/Field";
import { DateField } from "../../components/DateField";
import { RecordFiles } from "../../components/FileList";
import { RecordHistory } from "../../components/history/RecordHistory";
import { LinkedDocuments } from "../documents/LinkedDocuments";
import { coreNow } from "../../coreClock";
import { useRecords, useRecordsChanged } from "../../data/records";
import type { PageProps } from "../../screens/page";
import { useUnsaved } from "../../unsaved";
import { useAction } from "../../useAction";
import { ReportStatus } from "../reports/ReportStatus";
import { useReport } from "../reports/useReport";
import { Countdown } from "./Countdown";
import { DateTimeField } from "./DateTimeField";
import { BREACH_RISKS, BREACH_STATUSES } from "./labels";

type Props = PageProps & {
  tenantId: number;
  id: number | null;
  onClose: () => void;
  onSaved: (title: string) => void;
};

function inputOf(detail: Breach | null, tenantId: number): BreachInput {
  if (!detail) {
    return {
      tenant_id: tenantId,
      title: "",
      // Most breaches are recorded when they are discovered (the core's clock); the time can be corrected.
      discovered_at: new Date(Math.floor(coreNow().getTime() / 60_000) * 60_000).toISOString(),
      occurred: "",
      description: "",
      subject_categories: "",
      subjects_approx: "",
      record_categories: "",
      records_approx: "",
      consequences: "",
      measures_taken: "",
      measures_proposed: "",
      risk: "not_assessed",
      risk_reasons: "",
      authority_notified_at: null,
      authority_reference: "",
      late_reasons: "",
      subjects_notified_on: null,
      subjects_notified_how: "",
      subjects_not_notified_reason: "",
      status: "open",
      editor_id: null,
    };
  }
  const rest = detail;
  return {
    tenant_id: rest.tenant_id,
    title: rest.title,
    discovered_at: rest.discovered_at,
    occurred: rest.occurred,
    description: rest.description,
    subject_categories: rest.subject_categories,
    subjects_approx: rest.subjects_approx,
    record_categories: rest.record_categories,
    records_approx: rest.records_approx,
    consequences: rest.consequences,
    measures_taken: rest.measures_taken,
    measures_proposed: rest.measures_proposed,
    risk: rest.risk,
    risk_reasons: rest.risk_reasons,
    authority_notified_at: rest.authority_notified_at,
    authority_reference: rest.authority_reference,
    late_reasons: rest.late_reasons,
    subjects_notified_on: rest.subjects_notified_on,
    subjects_notified_how: rest.subjects_notified_how,
    subjects_not_notified_reason: rest.subjects_not_notified_reason,
    status: rest.status,
    editor_id: rest.editor_id,
  };
}

/** One breach: loads it, then shows the form. */
export function BreachForm(props: Props) {
  const { id, onError } = props;
  const [current, setCurrent] = useState(id);
  const detail = useRecords(
    ["breaches", props.tenantId, "one", current ?? 0],
    () => api.breach(current ?? 0),
    onError,
    {
      enabled: current !== null,
    },
  );
  if (current !== null && !detail.data) {
    return detail.error ? <Alert kind="error">{detail.error}</Alert> : <p className="muted">…</p>;
  }
  return (
    <BreachEditor
      key={current ?? "new"}
      {...props}
      detail={current === null ? null : (detail.data ?? null)}
      onCreated={setCurrent}
    />
  );
}

type EditorProps = Props & { detail: Breach | null; onCreated: (id: number) => void };

/** Recorded at once (what, when discovered), then assessed and notified: the clock above says how much time is left. */
function BreachEditor({ session, tenantId, detail, openRecord, onError, onClose, onSaved, onCreated }: EditorProps) {
  const { t } = useTranslation();
  const editable = detail ? can(session, "breach", "edit") : can(session, "breach", "create");
  const [baseline, setBaseline] = useState(() => inputOf(detail, tenantId));
  const [input, setInput] = useState(baseline);
  const [saved, setSaved] = useState(false);
  const [editors, setEditors] = useState<EditorChoice[]>([]);
  const { busy, error, run, fieldError } = useAction(onError);
  const changed = useRecordsChanged();
  const report = useReport(onError);
  const dirty = JSON.stringify(input) !== JSON.stringify(baseline);
  useUnsaved("breach-form", dirty && editable);
  useEffect(() => {
    api
      .editors(tenantId)
      .then(setEditors)
      .catch(() => setEditors([]));
  }, [tenantId]);
  const set = (patch: Partial<BreachInput>) => {
    setSaved(false);
    setInput((i) => ({ ...i, ...patch }));
  };
  function save(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const result = detail ? await api.updateBreach(detail.id, input) : await api.createBreach(input);
      await changed("breaches", tenantId);
      const next = inputOf(result, tenantId);
      setBaseline(next);
      setInput(next);
      setSaved(true);
      onSaved(result.title);
      if (!detail) onCreated(result.id);
    });
  }
  const text = (field: keyof BreachInput, label: string, rows = 2, hint?: string) => (
    <TextArea
      label={label}
      name={field}
      rows={rows}
      hint={hint}
      error={fieldError(field)}
      value={input[field] as string}
      readOnly={!editable}
      onChange={(e) => set({ [field]: e.target.value } as Partial<BreachInput>)}
    />
  );
  const title = detail ? detail.title : t("breaches.new");
  const late = detail?.clock === "overdue" || detail?.clock === "notified_late";
  return (
    <>
      <form className="card register-form" onSubmit={save} noValidate aria-label={title} data-testid="breach-form">
        <div className="form-head">
          <h2>{title}</h2>
          {detail && <span className={`badge risk-${detail.risk}`}>{t(`breaches.risk.${detail.risk}`)}</span>}
        </div>
        {detail && (
          <div className={`clock-banner clock-banner-${detail.clock}`} data-testid="breach-clock-banner">
            <strong>{t("breaches.clockTitle")}</strong> <Countdown clock={detail} />
          </div>
        )}
        <div className="grid-2">
          <Field
            label={t("breaches.fields.title")}
            name="breach_title"
            error={fieldError("breach_title")}
            value={input.title}
            readOnly={!editable}
            onChange={(e) => set({ title: e.target.value })}
          />
          <DateTimeField
            label={t("breaches.fields.discoveredAt")}
            name="discovered_at"
            hint={t("breaches.discoveredHint")}
            error={fieldError("discovered_at")}
            value={input.discovered_at}
            readOnly={!editable}
            onChange={(iso) => iso && set({ discovered_at: iso })}
          />
        </div>
        {text("occurred", t("breaches.fields.occurred"), 1)}
        {text("description", t("breaches.fields.description"), 3)}
        <fieldset className="form-section">
          <legend>{t("breaches.concerned")}</legend>
          <div className="grid-2">
            {text("subject_categories", t("breaches.fields.subjectCategories"))}
            <Field
              label={t("breaches.fields.subjectsApprox")}
              name="subjects_approx"
              value={input.subjects_approx}
              readOnly={!editable}
              onChange={(e) => set({ subjects_approx: e.target.value })}
            />
            {text("record_categories", t("breaches.fields.recordCategories"))}
            <Field
              label={t("breaches.fields.recordsApprox")}
              name="records_approx"
              value={input.records_approx}
              readOnly={!editable}
              onChange={(e) => set({ records_approx: e.target.value })}
            />
          </div>
          {text("consequences", t("breaches.fields.consequences"))}
          <div className="grid-2">
            {text("measures_taken", t("breaches.fields.measuresTaken"))}
            {text("measures_proposed", t("breaches.fields.measuresProposed"))}
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>{t("breaches.assessment")}</legend>
          <p className="muted small">{t("breaches.assessmentHint")}</p>
          <Select
            label={t("breaches.fields.risk")}
            value={input.risk}
            disabled={!editable}
            error={fieldError("risk")}
            data-testid="breach-risk"
            onChange={(e) => set({ risk: e.target.value as BreachRisk })}
          >
            {BREACH_RISKS.map((r) => (
              <option key={r} value={r}>
                {t(`breaches.risk.${r}`)}
              </option>
            ))}
          </Select>
          {text("risk_reasons", t("breaches.fields.riskReasons"))}
        </fieldset>
        <fieldset className="form-section">
          <legend>{t("breaches.authority")}</legend>
          <div className="grid-2">
            <DateTimeField
              label={t("breaches.fields.authorityNotifiedAt")}
              name="authority_notified_at"
              error={fieldError("authority_notified_at")}
              value={input.authority_notified_at}
              readOnly={!editable}
              onChange={(iso) => set({ authority_notified_at: iso })}
            />
            <Field
              label={t("breaches.fields.authorityReference")}
              name="authority_reference"
              value={input.authority_reference}
              readOnly={!editable}
              onChange={(e) => set({ authority_reference: e.target.value })}
            />
          </div>
          {(late || input.late_reasons || fieldError("late_reasons")) &&
            text("late_reasons", t("breaches.fields.lateReasons"), 2, t("breaches.lateHint"))}
        </fieldset>
        <fieldset className="form-section">
          <legend>{t("breaches.subjects")}</legend>
          <div className="grid-2">
            <DateField
              label={t("breaches.fields.subjectsNotifiedOn")}
              name="subjects_notified_on"
              error={fieldError("subjects_notified_on")}
              value={input.subjects_notified_on ?? ""}
              readOnly={!editable}
              onChange={(iso) => set({ subjects_notified_on: iso || null })}
            />
            <Field
              label={t("breaches.fields.subjectsNotifiedHow")}
              name="subjects_notified_how"
              value={input.subjects_notified_how}
              readOnly={!editable}
              onChange={(e) => set({ subjects_notified_how: e.target.value })}
            />
          </div>
          {text("subjects_not_notified_reason", t("breaches.fields.subjectsNotNotifiedReason"))}
        </fieldset>
        <div className="grid-2">
          <Select
            label={t("breaches.fields.status")}
            value={input.status}
            disabled={!editable}
            data-testid="breach-status"
            onChange={(e) => set({ status: e.target.value as BreachStatus })}
          >
            {BREACH_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`breaches.status.${s}`)}
              </option>
            ))}
          </Select>
          <Select
            label={t("breaches.fields.editor")}
            value={input.editor_id ?? 0}
            disabled={!editable}
            onChange={(e) => set({ editor_id: Number(e.target.value) || null })}
          >
            <option value={0}>—</option>
            {editors.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        </div>
        {detail && (
          <LinkedDocuments
            session={session}
            tenantId={tenantId}
            object="breach"
            recordId={detail.id}
            openRecord={openRecord}
            onError={onError}
          />
        )}
        {detail && (
          <RecordHistory
            object="breach"
            id={detail.id}
            editable={can(session, "breach", "edit")}
            onError={onError}
            onRestored={() =>
              void api.breach(detail.id).then((fresh) => {
                // The restored values replace the form's: the record is what the history saved.
                const next = inputOf(fresh, tenantId);
                setBaseline(next);
                setInput(next);
                setSaved(false);
                void changed("breaches", tenantId);
                onSaved(fresh.title);
              }, onError)
            }
          />
        )}
        {error && (
          <Alert kind="error" testId="breach-error">
            {error}
          </Alert>
        )}
        {saved && !dirty && (
          <Alert kind="success" testId="breach-saved">
            {t("common.saved")}
          </Alert>
        )}
        <ReportStatus report={report} testId="breach-report" />
        <div className="actions sticky-actions">
          {editable && (
            <button type="submit" className="primary" disabled={busy} data-testid="save-breach">
              {t("common.save")}
            </button>
          )}
          {detail && can(session, "breach", "print") && (
            <button
              type="button"
              disabled={report.busy || dirty}
              title={dirty ? t("breaches.saveFirst") : undefined}
              data-testid="print-breach"
              onClick={() =>
                void report.run((progress) =>
                  api.makeReport(
                    { report: "breach", breach_id: detail.id, language: null },
                    t("breaches.printTitle"),
                    progress,
                  ),
                )
              }
            >
              {t("breaches.print")}
            </button>
          )}
          <button type="button" data-testid="breach-back" onClick={onClose}>
            {t("breaches.backToList")}
          </button>
        </div>
      </form>
      {detail && (
        <RecordFiles
          object="breach"
          recordId={detail.id}
          editable={can(session, "breach", "edit")}
          title={t("breaches.files")}
          hint={t("breaches.filesHint")}
          onError={onError}
        />
      )}
    </>
  );
}

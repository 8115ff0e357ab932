import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, can } from "../../api";
import type { DataSubjectRequest } from "../../bindings/DataSubjectRequest";
import type { EditorChoice } from "../../bindings/EditorChoice";
import type { RequestChannel } from "../../bindings/RequestChannel";
import type { RequestInput } from "../../bindings/RequestInput";
import type { RequestKind } from "../../bindings/RequestKind";
import type { RequestStatus } from "../../bindings/RequestStatus";
import { Alert } from "../../components/Alert";
import { Field, Select, TextArea } from "../../components/Field";
import { DateField } from "../../components/DateField";
import { RecordFiles } from "../../components/FileList";
import { RecordHistory } from "../../components/history/RecordHistory";
import { LinkedDocuments } from "../documents/LinkedDocuments";
import { coreNow } from "../../coreClock";
import { useRecords, useRecordsChanged } from "../../data/records";
import { formatDate } from "../../format";
import type { PageProps } from "../../screens/page";
import { useUnsaved } from "../../unsaved";
import { useAction } from "../../useAction";
import { Choices } from "../registers/Choices";
import { useActivities, useItems } from "../registers/usePickLists";
import { REQUEST_CHANNELS, REQUEST_KINDS, REQUEST_STATUSES } from "./labels";
import { DeadlineText } from "./Requests";

type Props = PageProps & {
  tenantId: number;
  id: number | null;
  onClose: () => void;
  onSaved: (name: string) => void;
};

/** Today on the core's clock, in the office's calendar, as the date fields write it. */
function coreToday(): string {
  const d = coreNow();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function inputOf(detail: DataSubjectRequest | null, tenantId: number, today: string): RequestInput {
  if (!detail) {
    return {
      tenant_id: tenantId,
      kind: "access",
      requester: "",
      contact: "",
      received_on: today,
      channel: "email",
      identity_method: "",
      identity_checked_on: null,
      status: "open",
      extension_months: 0,
      extension_reason: "",
      extension_told_on: null,
      answered_on: null,
      refusal_reason: "",
      notes: "",
      editor_id: null,
      activity_ids: [],
      item_ids: [],
    };
  }
  return {
    tenant_id: detail.tenant_id,
    kind: detail.kind,
    requester: detail.requester,
    contact: detail.contact,
    received_on: detail.received_on,
    channel: detail.channel,
    identity_method: detail.identity_method,
    identity_checked_on: detail.identity_checked_on,
    status: detail.status,
    extension_months: detail.extension_months,
    extension_reason: detail.extension_reason,
    extension_told_on: detail.extension_told_on,
    answered_on: detail.answered_on,
    refusal_reason: detail.refusal_reason,
    notes: detail.notes,
    editor_id: detail.editor_id,
    activity_ids: detail.activities.map((a) => Number(a.id)),
    item_ids: detail.item_ids.map(Number),
  };
}

/** One request: loads it, then shows the form (a new one needs nothing loaded). */
export function RequestForm(props: Props) {
  const { id, onError } = props;
  const [current, setCurrent] = useState(id);
  const detail = useRecords(
    ["requests", props.tenantId, "one", current ?? 0],
    () => api.request(current ?? 0),
    onError,
    {
      enabled: current !== null,
    },
  );
  if (current !== null && !detail.data) {
    return detail.error ? <Alert kind="error">{detail.error}</Alert> : <p className="muted">…</p>;
  }
  return (
    <RequestEditor
      key={current ?? "new"}
      {...props}
      detail={current === null ? null : (detail.data ?? null)}
      onCreated={setCurrent}
    />
  );
}

type EditorProps = Props & { detail: DataSubjectRequest | null; onCreated: (id: number) => void };

/** Recorded in under a minute (who, what, when, how), then worked through: identity, extension, answer or refusal. */
function RequestEditor({ session, tenantId, detail, openRecord, onError, onClose, onSaved, onCreated }: EditorProps) {
  const { t } = useTranslation();
  const editable = detail ? can(session, "request", "edit") : can(session, "request", "create");
  const [today] = useState(coreToday);
  const [baseline, setBaseline] = useState(() => inputOf(detail, tenantId, today));
  const [input, setInput] = useState(baseline);
  const [saved, setSaved] = useState(false);
  const [editors, setEditors] = useState<EditorChoice[]>([]);
  const { busy, error, run, fieldError } = useAction(onError);
  const changed = useRecordsChanged();
  const dirty = JSON.stringify(input) !== JSON.stringify(baseline);
  useUnsaved("request-form", dirty && editable);
  const groups = useItems(tenantId, "person_group", onError);
  const applications = useItems(tenantId, "application", onError);
  const activities = useActivities(tenantId, onError);
  useEffect(() => {
    api
      .editors(tenantId)
      .then(setEditors)
      .catch(() => setEditors([]));
  }, [tenantId]);

  const set = (patch: Partial<RequestInput>) => {
    setSaved(false);
    setInput((i) => ({ ...i, ...patch }));
  };
  function save(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const result = detail ? await api.updateRequest(detail.id, input) : await api.createRequest(input);
      await changed("requests", tenantId);
      const next = inputOf(result, tenantId, today);
      setBaseline(next);
      setInput(next);
      setSaved(true);
      onSaved(result.requester);
      if (!detail) onCreated(result.id);
    });
  }
  const setStatus = (status: RequestStatus) =>
    set({ status, answered_on: status === "answered" && !input.answered_on ? today : input.answered_on });
  const itemIds = (ids: number[], of: { id: number }[]) => ids.filter((id) => of.some((o) => o.id === id));
  const title = detail ? detail.requester : t("requests.new");
  return (
    <>
      <form className="card register-form" onSubmit={save} noValidate aria-label={title} data-testid="request-form">
        <div className="form-head">
          <h2>{title}</h2>
          {detail && <span className={`badge request-${detail.status}`}>{t(`requests.status.${detail.status}`)}</span>}
        </div>
        {detail && (
          <p className="deadline-line" data-testid="request-timing">
            {t("requests.deadlineLabel")}: <DeadlineText row={detail} t={t} />
            {Number(detail.extension_months) > 0 && (
              <span className="muted small">
                {" "}
                · {t("requests.extendedFrom", { date: formatDate(detail.first_deadline) })}
              </span>
            )}
            {detail.answered_late && <span className="badge review-overdue">{t("requests.answeredLate")}</span>}
          </p>
        )}
        <div className="grid-2">
          <Select
            label={t("requests.fields.kind")}
            value={input.kind}
            disabled={!editable}
            data-testid="request-kind"
            onChange={(e) => set({ kind: e.target.value as RequestKind })}
          >
            {REQUEST_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`requests.kinds.${k}`)}
              </option>
            ))}
          </Select>
          <Field
            label={t("requests.fields.requester")}
            name="requester"
            error={fieldError("requester")}
            value={input.requester}
            readOnly={!editable}
            onChange={(e) => set({ requester: e.target.value })}
          />
          <DateField
            label={t("requests.fields.received")}
            name="received_on"
            error={fieldError("received_on")}
            hint={t("requests.receivedHint")}
            value={input.received_on}
            readOnly={!editable}
            onChange={(iso) => set({ received_on: iso || input.received_on })}
          />
          <Select
            label={t("requests.fields.channel")}
            value={input.channel}
            disabled={!editable}
            data-testid="request-channel"
            onChange={(e) => set({ channel: e.target.value as RequestChannel })}
          >
            {REQUEST_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`requests.channels.${c}`)}
              </option>
            ))}
          </Select>
          <Field
            label={t("requests.fields.contact")}
            name="contact"
            value={input.contact}
            readOnly={!editable}
            onChange={(e) => set({ contact: e.target.value })}
          />
          <Select
            label={t("requests.fields.status")}
            value={input.status}
            disabled={!editable}
            data-testid="request-status"
            onChange={(e) => setStatus(e.target.value as RequestStatus)}
          >
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`requests.status.${s}`)}
              </option>
            ))}
          </Select>
        </div>
        <fieldset className="form-section">
          <legend>{t("requests.identity")}</legend>
          <div className="grid-2">
            <Field
              label={t("requests.fields.identityMethod")}
              name="identity_method"
              hint={t("requests.identityHint")}
              value={input.identity_method}
              readOnly={!editable}
              onChange={(e) => set({ identity_method: e.target.value })}
            />
            <DateField
              label={t("requests.fields.identityCheckedOn")}
              name="identity_checked_on"
              error={fieldError("identity_checked_on")}
              value={input.identity_checked_on ?? ""}
              readOnly={!editable}
              onChange={(iso) => set({ identity_checked_on: iso || null })}
            />
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>{t("requests.extension")}</legend>
          <p className="muted small">{t("requests.extensionHint")}</p>
          <div className="grid-2">
            <Select
              label={t("requests.fields.extensionMonths")}
              value={input.extension_months}
              disabled={!editable}
              error={fieldError("extension_months")}
              data-testid="request-extension"
              onChange={(e) => set({ extension_months: Number(e.target.value) })}
            >
              {[0, 1, 2].map((m) => (
                <option key={m} value={m}>
                  {m === 0 ? t("requests.noExtension") : t("requests.months", { count: m })}
                </option>
              ))}
            </Select>
            <DateField
              label={t("requests.fields.extensionToldOn")}
              name="extension_told_on"
              error={fieldError("extension_told_on")}
              value={input.extension_told_on ?? ""}
              readOnly={!editable}
              onChange={(iso) => set({ extension_told_on: iso || null })}
            />
          </div>
          <TextArea
            label={t("requests.fields.extensionReason")}
            name="extension_reason"
            rows={2}
            error={fieldError("extension_reason")}
            value={input.extension_reason}
            readOnly={!editable}
            onChange={(e) => set({ extension_reason: e.target.value })}
          />
        </fieldset>
        <fieldset className="form-section">
          <legend>{t("requests.answer")}</legend>
          <div className="grid-2">
            <DateField
              label={t("requests.fields.answeredOn")}
              name="answered_on"
              error={fieldError("answered_on")}
              value={input.answered_on ?? ""}
              readOnly={!editable}
              onChange={(iso) => set({ answered_on: iso || null })}
            />
            <Select
              label={t("requests.fields.editor")}
              value={input.editor_id ?? 0}
              disabled={!editable}
              data-testid="request-editor"
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
          {input.status === "refused" && (
            <TextArea
              label={t("requests.fields.refusalReason")}
              name="refusal_reason"
              rows={2}
              error={fieldError("refusal_reason")}
              value={input.refusal_reason}
              readOnly={!editable}
              onChange={(e) => set({ refusal_reason: e.target.value })}
            />
          )}
          <TextArea
            label={t("requests.fields.notes")}
            name="notes"
            rows={2}
            value={input.notes}
            readOnly={!editable}
            onChange={(e) => set({ notes: e.target.value })}
          />
        </fieldset>
        <Choices
          legend={t("requests.fields.personGroups")}
          hint={t("requests.personGroupsHint")}
          options={groups.map((g) => ({ id: g.id, name: g.name }))}
          chosen={itemIds(input.item_ids, groups)}
          disabled={!editable}
          empty={t("requests.noneRecorded")}
          data="data-person-group"
          onChange={(ids) => set({ item_ids: [...ids, ...itemIds(input.item_ids, applications)] })}
        />
        <Choices
          legend={t("requests.fields.applications")}
          options={applications.map((a) => ({ id: a.id, name: a.name }))}
          chosen={itemIds(input.item_ids, applications)}
          disabled={!editable}
          empty={t("requests.noneRecorded")}
          data="data-application"
          onChange={(ids) => set({ item_ids: [...itemIds(input.item_ids, groups), ...ids] })}
        />
        <Choices
          legend={t("requests.fields.activities")}
          options={activities.map((a) => ({ id: a.id, name: a.name, detail: a.area_name }))}
          chosen={input.activity_ids}
          disabled={!editable}
          empty={t("requests.noneRecorded")}
          data="data-request-activity"
          onChange={(ids) => set({ activity_ids: ids })}
        />
        {detail && (
          <LinkedDocuments
            session={session}
            tenantId={tenantId}
            object="request"
            recordId={detail.id}
            openRecord={openRecord}
            onError={onError}
          />
        )}
        {detail && (
          <RecordHistory
            object="request"
            id={detail.id}
            editable={can(session, "request", "edit")}
            onError={onError}
            onRestored={() =>
              void api.request(detail.id).then((fresh) => {
                // The restored values replace the form's: the record is what the history saved.
                const next = inputOf(fresh, tenantId, today);
                setBaseline(next);
                setInput(next);
                setSaved(false);
                void changed("requests", tenantId);
                onSaved(fresh.requester);
              }, onError)
            }
          />
        )}
        {error && (
          <Alert kind="error" testId="request-error">
            {error}
          </Alert>
        )}
        {saved && !dirty && (
          <Alert kind="success" testId="request-saved">
            {t("common.saved")}
          </Alert>
        )}
        <div className="actions sticky-actions">
          {editable && (
            <button type="submit" className="primary" disabled={busy} data-testid="save-request">
              {t("common.save")}
            </button>
          )}
          <button type="button" data-testid="request-back" onClick={onClose}>
            {t("requests.backToList")}
          </button>
        </div>
      </form>
      {detail && (
        <section className="card" data-testid="request-processed" aria-labelledby="request-processed-title">
          <h2 id="request-processed-title">{t("requests.processedTitle")}</h2>
          <p className="muted small">{t("requests.processedHint")}</p>
          {detail.processed.length === 0 ? (
            <p className="muted">{t("requests.processedNone")}</p>
          ) : (
            <ul className="plain link-list">
              {detail.processed.map((a) => (
                <li key={a.id} data-processed={a.name}>
                  <span className="strong">{a.name}</span>{" "}
                  <span className="muted small">
                    {a.company_name} · {a.area_name}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {detail && (
        <RecordFiles
          object="request"
          recordId={detail.id}
          editable={can(session, "request", "edit")}
          title={t("requests.files")}
          hint={t("requests.filesHint")}
          onError={onError}
        />
      )}
    </>
  );
}

import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, can, CommandError } from "../../api";
import type { Activity } from "../../bindings/Activity";
import type { ActivityInput } from "../../bindings/ActivityInput";
import type { Area } from "../../bindings/Area";
import type { EditorChoice } from "../../bindings/EditorChoice";
import type { MasterKind } from "../../bindings/MasterKind";
import { Alert } from "../../components/Alert";
import { Field, Select, TextArea } from "../../components/Field";
import { DateField } from "../../components/DateField";
import { useRecordsChanged } from "../../data/records";
import { useUnsaved } from "../../unsaved";
import { useAction } from "../../useAction";
import type { PageProps } from "../../screens/page";
import { Attachments } from "./Attachments";
import { RecordHistory } from "../../components/history/RecordHistory";
import { LinkedDocuments } from "../documents/LinkedDocuments";
import { LinkPicker } from "./LinkPicker";
import { STATUSES, StatusBadge } from "./StatusBadge";
import { useMasterData } from "./useMasterData";
import { TomPicker } from "../toms/TomPicker";
import { CheckPanel } from "../dpias/CheckPanel";

type Props = PageProps & {
  tenantId: number;
  activity: Activity | null;
  onClose: () => void;
  onSaved: (activity: Activity) => void;
};

export function inputOf(a: Activity | null, areaId = 0): ActivityInput {
  if (!a) {
    return {
      area_id: areaId,
      name: "",
      status: "draft",
      role: "controller",
      responsible: "",
      editor_id: null,
      purposes: "",
      business_process_id: null,
      controller_details: "",
      processing_categories: "",
      specific_toms: "",
      dpia_required: "unchecked",
      dpia_reason: "",
      review_planned: null,
      review_done: null,
      review_result: "",
      review_follow_up: "",
      notes: "",
      links: [],
      tom_ids: [],
    };
  }
  const {
    id: _i,
    tenant_id: _t,
    company_id: _c,
    company_name: _cn,
    area_name: _an,
    editor_name: _en,
    business_process_name: _bp,
    linked: _l,
    toms: _tm,
    created_at: _ca,
    updated_at: _ua,
    ...input
  } = a;
  return input;
}

const SECTIONS: { id: string; kinds: MasterKind[] }[] = [
  { id: "legal", kinds: ["legal_basis"] },
  { id: "data", kinds: ["data_category", "person_group", "retention_period"] },
  { id: "recipients", kinds: ["recipient", "processor", "third_country"] },
  { id: "systems", kinds: ["application"] },
];

/** One processing activity with every field of Art. 30. Read-only unless the user may edit (or create, for a new one). */
export function ActivityForm({ session, tenantId, activity, onError, onClose, onSaved, navigate, openRecord }: Props) {
  const { t } = useTranslation();
  const editable = activity
    ? can(session, "processing_activity", "edit")
    : can(session, "processing_activity", "create");
  const initial = useMemo(() => inputOf(activity), [activity]);
  const [form, setForm] = useState<ActivityInput>(initial);
  const [areas, setAreas] = useState<Area[] | null>(null);
  const [editors, setEditors] = useState<EditorChoice[]>([]);
  const [saved, setSaved] = useState(false);
  const { busy, error, run, fieldError } = useAction(onError);
  const { catalogue, create } = useMasterData(tenantId, onError);
  const changed = useRecordsChanged();
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  useUnsaved("activity-form", dirty && editable);

  useEffect(() => {
    // Without the right to list areas the activity's own area is the only choice.
    api
      .areas(tenantId)
      .then(setAreas)
      .catch((e) => {
        if (!(e instanceof CommandError && e.code === "permission_denied")) onError(e);
        setAreas([]);
      });
    api.editors(tenantId).then(setEditors).catch(onError);
  }, [tenantId, onError]);

  useEffect(() => {
    if (!activity && areas && areas.length > 0 && form.area_id === 0) setForm((f) => ({ ...f, area_id: areas[0].id }));
  }, [activity, areas, form.area_id]);

  const set = useCallback(<K extends keyof ActivityInput>(key: K, value: ActivityInput[K]) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  }, []);
  const text = (key: keyof ActivityInput) => ({
    name: key,
    error: fieldError(key === "name" ? "activity_name" : key),
    value: (form[key] as string) ?? "",
    onChange: (e: { target: { value: string } }) => set(key, e.target.value as never),
  });

  function save(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const result = activity ? await api.updateActivity(activity.id, form) : await api.createActivity(form);
      void changed("activities", tenantId);
      setForm(inputOf(result));
      setSaved(true);
      onSaved(result);
    });
  }

  const areaChoices =
    areas && areas.length > 0
      ? areas
      : activity
        ? [{ id: activity.area_id, company_name: activity.company_name, name: activity.area_name }]
        : [];
  const processes = Array.isArray(catalogue.business_process) ? catalogue.business_process : [];
  const pickerProps = (kind: MasterKind) => ({
    kind,
    items: catalogue[kind],
    links: form.links,
    known: activity?.linked ?? [],
    disabled: !editable || busy,
    canCreate: can(session, kind, "create"),
    onChange: (links: typeof form.links) => set("links", links),
    onCreate: create,
  });
  if (!activity && areas !== null && areas.length === 0) {
    // Nowhere to file it yet: say so before the person fills in a whole record.
    return (
      <>
        <div className="page-head">
          <div>
            <button type="button" className="link" data-testid="back-to-list" onClick={onClose}>
              ← {t("activities.backToList")}
            </button>
            <h1 data-testid="activity-title">{t("activities.new")}</h1>
          </div>
        </div>
        <Alert kind="info" testId="needs-area">
          {t("activities.needsArea")}{" "}
          <button type="button" className="link" data-testid="go-to-companies" onClick={() => navigate("companies")}>
            {t("activities.goToCompanies")}
          </button>
        </Alert>
      </>
    );
  }
  return (
    <>
      <div className="page-head">
        <div>
          <button type="button" className="link" data-testid="back-to-list" onClick={onClose}>
            ← {t("activities.backToList")}
          </button>
          <h1 data-testid="activity-title">{activity ? activity.name : t("activities.new")}</h1>
          {activity && (
            <p className="lead">
              <StatusBadge status={activity.status} /> {activity.company_name} · {activity.area_name}
            </p>
          )}
        </div>
      </div>
      {!editable && (
        <Alert kind="info" testId="read-only">
          {t("activities.readOnly")}
        </Alert>
      )}
      {editable && (
        <div className="form-toolbar" role="toolbar" aria-label={t("activities.title")}>
          {dirty && (
            <span className="muted small" data-testid="unsaved-hint">
              {t("common.unsaved")}
            </span>
          )}
          <button type="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="activity-form" className="primary" data-testid="save-activity" disabled={busy}>
            {t("common.save")}
          </button>
        </div>
      )}
      {error && (
        <Alert kind="error" testId="activity-message">
          {error}
        </Alert>
      )}
      {saved && !error && (
        <Alert kind="success" testId="activity-message">
          {t("common.saved")}
        </Alert>
      )}
      <form id="activity-form" className="activity-form" onSubmit={save} noValidate data-testid="activity-form">
        <fieldset disabled={!editable || busy} className="card form-grid">
          <legend>{t("activities.sections.general")}</legend>
          <Field label={t("activities.name")} required {...text("name")} />
          <Select
            label={t("activities.area")}
            name="area_id"
            error={fieldError("area")}
            value={String(form.area_id)}
            onChange={(e) => set("area_id", Number(e.target.value))}
          >
            {areaChoices.length === 0 && <option value="0">{t("activities.noArea")}</option>}
            {areaChoices.map((a) => (
              <option key={a.id} value={String(a.id)}>
                {a.company_name} · {a.name}
              </option>
            ))}
          </Select>
          <Select
            label={t("activities.status")}
            name="status"
            value={form.status}
            onChange={(e) => set("status", e.target.value as ActivityInput["status"])}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </Select>
          <Select
            label={t("activities.role")}
            name="role"
            value={form.role}
            onChange={(e) => set("role", e.target.value as ActivityInput["role"])}
          >
            <option value="controller">{t("activities.roles.controller")}</option>
            <option value="processor">{t("activities.roles.processor")}</option>
          </Select>
          <Field label={t("activities.responsible")} {...text("responsible")} />
          <Select
            label={t("activities.editor")}
            name="editor_id"
            error={fieldError("editor")}
            value={form.editor_id === null ? "" : String(form.editor_id)}
            onChange={(e) => set("editor_id", e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">{t("activities.noEditor")}</option>
            {activity?.editor_id != null && !editors.some((u) => u.id === activity.editor_id) && (
              <option value={String(activity.editor_id)}>{activity.editor_name}</option>
            )}
            {editors.map((u) => (
              <option key={u.id} value={String(u.id)}>
                {u.name}
              </option>
            ))}
          </Select>
          <Select
            label={t("objects.business_process")}
            name="business_process_id"
            error={fieldError("business_process")}
            value={form.business_process_id === null ? "" : String(form.business_process_id)}
            onChange={(e) => set("business_process_id", e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">{t("activities.noProcess")}</option>
            {activity?.business_process_id != null && !processes.some((p) => p.id === activity.business_process_id) && (
              <option value={String(activity.business_process_id)}>{activity.business_process_name}</option>
            )}
            {processes.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.name}
              </option>
            ))}
          </Select>
          <TextArea label={t("activities.purposes")} {...text("purposes")} />
        </fieldset>
        {form.role === "processor" && (
          <fieldset disabled={!editable || busy} className="card form-grid">
            <legend>{t("activities.sections.processor")}</legend>
            <TextArea
              label={t("activities.controllerDetails")}
              hint={t("activities.controllerDetailsHint")}
              {...text("controller_details")}
            />
            <TextArea label={t("activities.processingCategories")} {...text("processing_categories")} />
          </fieldset>
        )}
        {SECTIONS.map((section) => (
          <fieldset key={section.id} className="card" disabled={busy}>
            <legend>{t(`activities.sections.${section.id}`)}</legend>
            <div className="form-columns">
              {section.kinds.map((kind) => (
                <LinkPicker key={kind} {...pickerProps(kind)} />
              ))}
            </div>
          </fieldset>
        ))}
        <fieldset disabled={!editable || busy} className="card form-grid">
          <legend>{t("activities.sections.security")}</legend>
          <TomPicker
            session={session}
            tenantId={tenantId}
            value={form.tom_ids}
            known={activity?.toms ?? []}
            disabled={!editable || busy}
            onChange={(ids) => set("tom_ids", ids)}
            onError={onError}
          />
          <TextArea label={t("toms.specificNotes")} {...text("specific_toms")} />
          <Select
            label={t("activities.dpia")}
            name="dpia_required"
            value={form.dpia_required}
            onChange={(e) => set("dpia_required", e.target.value as ActivityInput["dpia_required"])}
          >
            {(["unchecked", "required", "not_required"] as const).map((d) => (
              <option key={d} value={d}>
                {t(`dpia.${d}`)}
              </option>
            ))}
          </Select>
          <Field label={t("activities.dpiaReason")} {...text("dpia_reason")} />
        </fieldset>
        <fieldset disabled={!editable || busy} className="card form-grid">
          <legend>{t("activities.sections.review")}</legend>
          <DateField
            label={t("activities.reviewPlanned")}
            name="review_planned"
            error={fieldError("review_planned")}
            value={form.review_planned ?? ""}
            onChange={(iso) => set("review_planned", iso || null)}
          />
          <DateField
            label={t("activities.reviewDone")}
            name="review_done"
            error={fieldError("review_done")}
            value={form.review_done ?? ""}
            onChange={(iso) => set("review_done", iso || null)}
          />
          <TextArea label={t("activities.reviewResult")} {...text("review_result")} />
          <TextArea label={t("activities.reviewFollowUp")} {...text("review_follow_up")} />
          <TextArea label={t("activities.notes")} {...text("notes")} />
        </fieldset>
        {activity && <Attachments activityId={activity.id} editable={editable} onError={onError} />}
        {activity && (
          <LinkedDocuments
            session={session}
            tenantId={tenantId}
            object="processing_activity"
            recordId={activity.id}
            openRecord={openRecord}
            onError={onError}
          />
        )}
        {activity && (
          <RecordHistory
            object="processing_activity"
            id={activity.id}
            editable={can(session, "processing_activity", "edit")}
            onError={onError}
            onRestored={() =>
              void api.activity(activity.id).then((fresh) => {
                // The restored values replace the form's: the record is what the history saved.
                setForm(inputOf(fresh));
                void changed("activities", tenantId);
                onSaved(fresh);
              }, onError)
            }
          />
        )}
        {activity && (
          <CheckPanel
            session={session}
            tenantId={tenantId}
            activityId={activity.id}
            onError={onError}
            navigate={navigate}
            onChecked={() =>
              void api.activity(activity.id).then((fresh) => {
                // The check wrote the verdict into the record: the form takes it, keeping what else was typed.
                setForm((f) => ({ ...f, dpia_required: fresh.dpia_required }));
                onSaved(fresh);
              }, onError)
            }
          />
        )}
        {error && <Alert kind="error">{error}</Alert>}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {editable ? t("common.cancel") : t("activities.backToList")}
          </button>
          {editable && (
            <button type="submit" className="primary" data-testid="save-activity-bottom" disabled={busy}>
              {t("common.save")}
            </button>
          )}
        </div>
      </form>
    </>
  );
}

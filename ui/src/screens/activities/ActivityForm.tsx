import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, can, CommandError } from "../../api";
import type { Activity } from "../../bindings/Activity";
import type { ActivityInput } from "../../bindings/ActivityInput";
import type { Area } from "../../bindings/Area";
import type { EditorChoice } from "../../bindings/EditorChoice";
import { Alert } from "../../components/Alert";
import { Field, Select, TextArea } from "../../components/Field";
import { useAction } from "../../useAction";
import type { PageProps } from "../page";
import { STATUSES, StatusBadge } from "./StatusBadge";

type Props = PageProps & {
  tenantId: number;
  activity: Activity | null;
  onClose: () => void;
  onSaved: (activity: Activity) => void;
};

function inputOf(a: Activity | null): ActivityInput {
  if (!a) return { area_id: 0, name: "", status: "draft", responsible: "", editor_id: null, purposes: "", notes: "" };
  return { area_id: a.area_id, name: a.name, status: a.status, responsible: a.responsible, editor_id: a.editor_id, purposes: a.purposes, notes: a.notes };
}

/** One processing activity. Read-only unless the user may edit (or create, for a new one). */
export function ActivityForm({ session, tenantId, activity, onError, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const editable = activity ? can(session, "processing_activity", "edit") : can(session, "processing_activity", "create");
  const [form, setForm] = useState<ActivityInput>(() => inputOf(activity));
  const [areas, setAreas] = useState<Area[] | null>(null);
  const [editors, setEditors] = useState<EditorChoice[]>([]);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction(onError);

  useEffect(() => {
    // Without the right to list areas the activity's own area is the only choice.
    api.areas(tenantId).then(setAreas).catch((e) => {
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

  function save(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const result = activity ? await api.updateActivity(activity.id, form) : await api.createActivity(form);
      setSaved(true);
      onSaved(result);
    });
  }

  const areaChoices = areas && areas.length > 0 ? areas : activity ? [{ id: activity.area_id, company_name: activity.company_name, name: activity.area_name }] : [];
  return (
    <>
      <div className="page-head">
        <div>
          <button type="button" className="link" data-testid="back-to-list" onClick={onClose}>← {t("activities.backToList")}</button>
          <h1 data-testid="activity-title">{activity ? activity.name : t("activities.new")}</h1>
          {activity && <p className="lead"><StatusBadge status={activity.status} /> {activity.company_name} · {activity.area_name}</p>}
        </div>
      </div>
      {!editable && <Alert kind="info" testId="read-only">{t("activities.readOnly")}</Alert>}
      <form className="card form-grid" onSubmit={save} noValidate data-testid="activity-form">
        <fieldset disabled={!editable || busy}>
          <Field label={t("activities.name")} name="name" required value={form.name} onChange={(e) => set("name", e.target.value)} />
          <Select label={t("activities.area")} name="area_id" value={String(form.area_id)} onChange={(e) => set("area_id", Number(e.target.value))}>
            {areaChoices.length === 0 && <option value="0">{t("activities.noArea")}</option>}
            {areaChoices.map((a) => <option key={a.id} value={String(a.id)}>{a.company_name} · {a.name}</option>)}
          </Select>
          <Select label={t("activities.status")} name="status" value={form.status} onChange={(e) => set("status", e.target.value as ActivityInput["status"])}>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </Select>
          <Field label={t("activities.responsible")} name="responsible" value={form.responsible} onChange={(e) => set("responsible", e.target.value)} />
          <Select label={t("activities.editor")} name="editor_id" value={form.editor_id === null ? "" : String(form.editor_id)}
            onChange={(e) => set("editor_id", e.target.value ? Number(e.target.value) : null)}>
            <option value="">{t("activities.noEditor")}</option>
            {activity?.editor_id != null && !editors.some((u) => u.id === activity.editor_id) && (
              <option value={String(activity.editor_id)}>{activity.editor_name}</option>
            )}
            {editors.map((u) => <option key={u.id} value={String(u.id)}>{u.name}</option>)}
          </Select>
          <TextArea label={t("activities.purposes")} name="purposes" value={form.purposes} onChange={(e) => set("purposes", e.target.value)} />
          <TextArea label={t("activities.notes")} name="notes" value={form.notes} onChange={(e) => set("notes", e.target.value)} />
        </fieldset>
        {error && <Alert kind="error" testId="activity-message">{error}</Alert>}
        {saved && !error && <Alert kind="success" testId="activity-message">{t("common.saved")}</Alert>}
        <div className="actions">
          <button type="button" onClick={onClose}>{editable ? t("common.cancel") : t("activities.backToList")}</button>
          {editable && <button type="submit" className="primary" data-testid="save-activity" disabled={busy}>{t("common.save")}</button>}
        </div>
      </form>
    </>
  );
}
